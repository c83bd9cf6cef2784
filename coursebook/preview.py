"""Live preview with sphinx-autobuild: ``make serve`` / ``python -m coursebook serve``.

sphinx-autobuild watches the book, rebuilds with Sphinx on every change and reloads the
open page (it injects a small websocket script into the pages it serves). It runs
``python -m sphinx build`` directly, which needs a ``conf.py``; the one written in
``_build/.serve/`` holds no settings itself: it asks jupyter-book for the configuration
that ``_config.yml`` and ``_toc.yml`` give (:func:`sphinx_config`) each time Sphinx starts,
so an edit to the configuration is seen at the next rebuild like any other.

Only ``chapters/``, ``data/``, ``seeds/``, ``_config.yml`` and ``_toc.yml`` trigger a
rebuild. When the sources have a problem, the extension prints ``file:line: message`` and
stops before anything is written, so the last good site stays served.
"""

from __future__ import annotations

import errno
import os
import re
import socket
import sys
from pathlib import Path

WATCHED = ("chapters", "data", "seeds", "_config.yml", "_toc.yml")
#: Settings whose relative paths Sphinx (or an extension) reads from the conf.py folder.
CONF_RELATIVE = (
    "bibtex_bibfiles",
    "html_static_path",
    "templates_path",
    "html_extra_path",
    "html_logo",
    "html_favicon",
)
CONF = """\
# Written by `coursebook serve`: the settings come from _config.yml and _toc.yml.
from coursebook.preview import sphinx_config

globals().update(sphinx_config({root!r}))
"""


class PortBusy(Exception):
    """The preview's port is taken, said in one sentence."""


def sphinx_config(root: str) -> dict:
    """The Sphinx settings jupyter-book derives from the book's ``_config.yml`` and ``_toc.yml``.
    Sphinx reads some paths relative to the folder of ``conf.py``, which is not the book's:
    those that name a file or folder of the book are made absolute."""
    from jupyter_book.config import get_final_config

    folder = Path(root)
    config, _ = get_final_config(
        user_yaml=folder / "_config.yml",
        sourcedir=folder,
        cli_config={"external_toc_path": (folder / "_toc.yml").as_posix(), "latex_individualpages": False},
    )
    for key in CONF_RELATIVE:
        value = config.get(key)
        if isinstance(value, str):
            config[key] = _in_book(folder, value)
        elif isinstance(value, list):
            config[key] = [_in_book(folder, item) if isinstance(item, str) else item for item in value]
    return config


def _in_book(folder: Path, value: str) -> str:
    path = folder / value
    return str(path) if value and not Path(value).is_absolute() and path.exists() else value


def ignored(root: Path) -> str:
    """A regular expression for every path under ``root`` that must not trigger a rebuild."""
    kept = "|".join(re.escape(name) + ("/" if "." not in name else "$") for name in WATCHED)
    return f"^{re.escape(root.as_posix())}/(?!{kept})"


def command(root: Path, port: int, host: str = "127.0.0.1") -> list[str]:
    """The sphinx-autobuild command line (and write the ``conf.py`` it builds with)."""
    work = root / "_build" / ".serve"
    work.mkdir(parents=True, exist_ok=True)
    (work / "conf.py").write_text(CONF.format(root=str(root)), encoding="utf-8")
    return [
        sys.executable,
        "-m",
        "sphinx_autobuild",
        str(root),
        str(work / "html"),
        "-c",
        str(work),
        "-d",
        str(work / "doctrees"),
        "-n",
        "--keep-going",
        "-q",
        "--host",
        host,
        "--port",
        str(port),
        "--re-ignore",
        ignored(root),
        "--ignore",
        str(root / "_build"),
    ]


def check_port(port: int, host: str = "127.0.0.1") -> None:
    """Raise :class:`PortBusy` when nothing can listen on ``host:port``."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise PortBusy(
                    f"port {port} is already in use (another preview is running?): stop it, or pick another port with --port."
                ) from None
            raise PortBusy(f"cannot serve on {host}:{port} ({exc.strerror or exc}).") from None


def serve(root: Path, port: int) -> int:
    """Become sphinx-autobuild (so Ctrl-C and signals reach it directly) until Ctrl-C."""
    check_port(port)
    # Notebook kernels start with the first `python3` on PATH: this environment's.
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    line = command(root, port)
    print(
        f"Serving the book at http://127.0.0.1:{port}/ — edit chapters/, data/ or seeds/ and the open page reloads. Ctrl-C stops.",
        flush=True,
    )
    os.chdir(root)
    os.execve(line[0], line, env)
    return 0  # not reached
