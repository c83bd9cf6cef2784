"""``python -m coursebook.jupyterbook``: jupyter-book's command line, minus one slow import.

jupyter-book validates ``_config.yml`` with jsonschema, and jsonschema imports
``rfc3987_syntax`` whenever it is installed (JupyterLab's dependencies bring it), which
compiles 38 grammars at import: several seconds of every build, cold or incremental, for
IRI formats that no schema here uses. Marked as absent, it is skipped and jsonschema
leaves those two formats unchecked. Everything else is jupyter-book's own ``main``.
"""

from __future__ import annotations

import sys

sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[assignment]

from jupyter_book.cli.main import main  # noqa: E402

if __name__ == "__main__":
    main()
