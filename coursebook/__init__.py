"""coursebook: the engine of an annotated reading course book.

It loads the author's words from ``seeds/`` and every record from ``data/``, checks
them, and provides the widgets, the models, the Sphinx extension and the command line
(``python -m coursebook``). It holds no content of its own.
"""

from .book import Book, current_book
from .errors import DataError, Problem

__all__ = ["Book", "DataError", "Problem", "current_book"]
__version__ = "0.1.0"
