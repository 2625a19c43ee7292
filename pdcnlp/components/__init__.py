"""spaCy components of pdcnlp: thin factories over pure functions.

Importing this package registers the factories with spaCy.
"""
from . import entity_rules, linker, quantities, sentences  # noqa: F401

# Order matters: names first, so a number inside a name (“三会一课”) is never
# a QUANTITY; quantities never cut an entity already set.
ENTITY_PIPES = ("pdcnlp_entity_rules", "pdcnlp_quantities", "pdcnlp_linker")
