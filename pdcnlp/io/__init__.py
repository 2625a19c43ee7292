"""Reading: files in, :class:`Document` objects out (one type for every format)."""
from .document import Document, Skip, UnreadableFile
from .read import iter_documents, read, read_file

__all__ = ["Document", "Skip", "UnreadableFile", "iter_documents", "read", "read_file"]
