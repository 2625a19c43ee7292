"""The annotated corpus format (ANNOTATION.md): validation, loading, scoring."""
