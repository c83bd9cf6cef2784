"""The book a kernel's widgets share is loaded once and again after any edit of its files."""

from __future__ import annotations

import os

from conftest import MINI, edit


def test_the_cached_book_notices_an_edit(tmp_path):
    from coursebook.book import load_cached
    from coursebook.paths import copy_sources

    root = copy_sources(MINI, tmp_path / "book")
    first = load_cached(str(root))
    assert load_cached(str(root)) is first  # nothing changed: the same book, not a new load
    bank = root / "data" / "quizzes" / "reading.yaml"
    prompt = first.quizzes["reading"][0].prompt
    edit(bank, prompt, prompt + " (edited)")
    stat = bank.stat()
    os.utime(bank, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # even within one clock tick
    second = load_cached(str(root))
    assert second is not first
    assert second.quizzes["reading"][0].prompt == prompt + " (edited)"
    assert load_cached(str(root)) is second
