"""Quantities: find measurements in the clean view and read them as numbers.

Pure functions only; the spaCy component is pdcnlp.components.quantities.
"""
from .numerals import parse_approximate, parse_exact, parse_number
from .detect import QuantityMatch, find_quantities, unit_class

__all__ = ["parse_number", "parse_exact", "parse_approximate", "find_quantities", "QuantityMatch", "unit_class"]
