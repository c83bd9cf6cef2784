"""Print how long the book takes to build: cold, cached with no change, after one edit.

Builds a copy of the book under benchmarks/_work/ so _build/ is left alone. Prints
figures; asserts nothing. Run with `make bench` or `.venv/bin/python benchmarks/build_time.py`.
"""

from __future__ import annotations

import os
import platform
import shutil

from _common import WORK, copy_book, jupyter_book

FLAGS = ["-W", "-n", "--keep-going"]


def main() -> None:
    book = copy_book(WORK / "build-time")
    os.environ["COURSEBOOK_ROOT"] = str(book)
    shutil.rmtree(book / "_build", ignore_errors=True)
    cold = jupyter_book("build", ".", *FLAGS, cwd=book)
    cached = jupyter_book("build", ".", *FLAGS, cwd=book)
    chapter = book / "chapters" / "seeking-a-way-out.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\nAn edited sentence for the benchmark.\n", encoding="utf-8")
    edited = jupyter_book("build", ".", *FLAGS, cwd=book)
    data = book / "data" / "objectives.yaml"
    data.write_text(data.read_text(encoding="utf-8") + "\n# an edit to data/\n", encoding="utf-8")
    data_edit = jupyter_book("build", ".", *FLAGS, cwd=book)

    print(f"Build time ({platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores)")
    print(f"  cold build (empty _build)            {cold:7.1f} s")
    print(f"  rebuild, nothing changed             {cached:7.1f} s")
    print(f"  rebuild after editing one chapter    {edited:7.1f} s")
    print(f"  rebuild after editing a data/ file   {data_edit:7.1f} s   (every page is re-read)")


if __name__ == "__main__":
    main()
