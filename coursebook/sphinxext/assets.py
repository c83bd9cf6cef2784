"""What a page loads: only what it uses, in as few requests as the theme allows.

Measured on the stock theme, 97 % of a page's bytes were the theme's: ``fontawesome.js``
(1.4 MB, redundant with the icon web font the theme's CSS already uses), a 400 KB
stylesheet, Sphinx's search index on every page, and scripts for features this book
switches off (thebe, copy buttons, toggle buttons, sphinx-design tabs). Here:

* per page (``html-page-context``): scripts a page does not use are dropped; the search
  scripts stay on the search page; the theme's and extensions' stylesheets are replaced
  by one bundle (``templates/static/webpack-macros.html`` links it); every page gets a
  meta description;
* after the build (``build-finished``): PurgeCSS (npm, pinned) keeps only the rules the
  built pages and their scripts can use, the bundle is written (the book's own and its
  print stylesheet appended whole), the icon font is cut down to the glyphs that are
  left (fontTools' subsetter), and the files no page loads are removed from the
  published folder.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

ENGINE_ROOT = Path(__file__).resolve().parents[2]
SITE_CSS = "coursebook/site.css"

# The stylesheets merged into the bundle, in the theme's cascade order (ours last).
BUNDLED_CSS = (
    "basic.css",
    "styles/pydata-sphinx-theme.css",
    "pygments.css",
    "styles/sphinx-book-theme.css",
    "togglebutton.css",
    "copybutton.css",
    "mystnb.*.css",
    "sphinx-thebe.css",
    "sphinx-design.min.css",
)
# The book's own stylesheet comes last, whole: its rules name classes that scripts build
# at run time (``cb-hide-${layer}``), which PurgeCSS cannot see.
OWN_CSS = "coursebook/book.css"
# The print stylesheet (Ctrl-P and `make pdf`) comes after it, whole: all its rules are
# inside @media print, so the bundle carries it with no extra request and no cost on screen.
PRINT_CSS = "coursebook/print.css"
# Scripts no page of this book uses: copy buttons (no code cells are shown), toggle
# buttons (no toggled cells), sphinx-design's tabs (no tabs), thebe (no kernel).
UNUSED_SCRIPTS = ("clipboard.min.js", "copybutton.js", "togglebutton.js", "design-tabs.js", "sphinx-thebe.js")
UNUSED_INLINE = ("toggleHint", "togglebuttonSelector", "toggleOpenOnPrint", "THEBE_JS_URL")
# Only the search page runs Sphinx's search.
SEARCH_ONLY = ("doctools.js", "sphinx_highlight.js")
# Files in _static that no page loads once the above is done. (The stylesheets merged
# into the bundle stay: Sphinx does not copy them again when no page changed, and the
# next build purges from them.)
UNUSED_FILES = (
    "scripts/fontawesome.js*",
    "scripts/*.map",
    "styles/*.map",
    "clipboard.min.js",
    "copybutton.js",
    "copybutton_funcs.js",
    "togglebutton.js",
    "design-tabs.js",
    "sphinx-thebe.js",
    "check-solid.svg",
    "copy-button.svg",
    "play-solid.svg",
    "webpack-macros.html",
    "sbt-webpack-macros.html",
    "vendor/fontawesome/webfonts/*.ttf",
)
UNUSED_DIRS = ("locales", "images")

# Classes the theme's scripts (Bootstrap's above all) build at run time from pieces, so
# they never appear whole in a page or a script: PurgeCSS must keep them.
SAFELIST = {
    "standard": [
        "show",
        "showing",
        "hiding",
        "fade",
        "collapse",
        "collapsing",
        "active",
        "disabled",
        "scrolled",
        "hide",
    ],
    "greedy": [r"^bs-tooltip", r"^tooltip", r"^dropdown", r"^pst-", r"^sbt-"],
}
DYNAMIC_ATTRIBUTES = ["data-theme", "data-mode", "data-bs-theme", "data-bs-popper", "aria-expanded", "open"]


def _filename(asset) -> str:
    return str(getattr(asset, "filename", "") or "")


def _matches(filename: str, patterns) -> bool:
    name = filename.split("?")[0].removeprefix("_static/")
    return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)


def _drop_script(script, pagename: str) -> bool:
    name = _filename(script)
    if _matches(name, UNUSED_SCRIPTS):
        return True
    if pagename != "search" and _matches(name, SEARCH_ONLY):
        return True
    body = str(getattr(script, "attributes", {}).get("body", ""))
    return any(word in body for word in UNUSED_INLINE)


def describe(app: Sphinx, pagename: str, context: dict, doctree) -> str:
    """A one-sentence description of the page for search engines and link previews."""
    book = getattr(app, "coursebook", None)
    title = re.sub(r"<[^>]+>", "", context.get("title") or "").strip()
    if pagename == "search":
        return f"Search {app.config.project}."
    if pagename == "genindex":
        return f"Index of {app.config.project}."
    chapter = pagename.rpartition("/")[2]
    if book is not None and chapter in {c.id for c in book.article.chapters}:
        paragraphs = book.chapter_paragraphs(chapter)
        span = f"¶{paragraphs[0][1:]}–¶{paragraphs[-1][1:]}" if len(paragraphs) > 1 else f"¶{paragraphs[0][1:]}"
        info = book.article.info
        return (
            f"{title}: {span} of {info.author}’s “{info.title}” ({info.outlet}, {info.published[:4]}), "
            "read closely, with notes, context and questions."
        )
    if doctree is not None:
        for para in doctree.findall(nodes.paragraph):
            text = " ".join(para.astext().split())
            if len(text) >= 60:
                return text if len(text) <= 200 else text[:197].rsplit(" ", 1)[0] + "…"
    return f"{title} — {app.config.project}." if title else f"{app.config.project}."


def page_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    app._coursebook_wrote = True  # see finish()
    scripts = context.get("script_files", [])
    # Edited in place: Sphinx's per-page add_js_file appends to this same list.
    scripts[:] = [s for s in scripts if not _drop_script(s, pagename)]
    for script in scripts:
        if _matches(_filename(script), ("scripts/sphinx-book-theme.js",)):
            script.attributes["defer"] = "defer"
    css = context.get("css_files", [])
    css[:] = [c for c in css if not _matches(_filename(c), (*BUNDLED_CSS, OWN_CSS))]
    context["cb_site_css"] = f"{SITE_CSS}?v={app.config.coursebook_engine[:10]}"
    context["cb_description"] = describe(app, pagename, context, doctree)


# --- after the build ---------------------------------------------------------------------


def _purge(app: Sphinx, static: Path, sources: list[Path]) -> str:
    outdir = Path(app.outdir)
    request = {
        "css": [{"file": str(p), "base": str(p.parent)} for p in sources],
        "content": [str(outdir / "**" / "*.html"), str(static / "**" / "*.js")],
        "exclude": [str(static / "scripts" / "fontawesome.js")],
        "out": str(static / SITE_CSS),
        "safelist": SAFELIST,
        "dynamicAttributes": DYNAMIC_ATTRIBUTES,
    }
    script = ENGINE_ROOT / "js" / "purge.mjs"
    if not (ENGINE_ROOT / "node_modules" / "purgecss").is_dir():
        raise RuntimeError("PurgeCSS is missing from node_modules: run `npm ci` (make book does)")
    result = subprocess.run(["node", str(script)], input=json.dumps(request), capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"PurgeCSS failed: {result.stderr.strip()[-1500:]}")
    return (static / SITE_CSS).read_text(encoding="utf-8")


def _minify(css: str) -> str:
    """The stylesheet without comments and spaces (esbuild, already used for the widgets)."""
    esbuild = ENGINE_ROOT / "node_modules" / ".bin" / "esbuild"
    result = subprocess.run(
        [str(esbuild), "--minify", "--loader=css", "--log-level=error"], input=css, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(f"esbuild could not minify the stylesheet: {result.stderr.strip()[-1500:]}")
    return result.stdout


ICON = re.compile(r'\\([ef][0-9a-f]{3})"', re.IGNORECASE)


def _subset_icons(static: Path, css: str) -> str:
    """Cut every icon font down to the code points the purged CSS still uses."""
    from fontTools import subset

    codepoints = sorted({int(m, 16) for m in ICON.findall(css)})
    fonts = sorted((static / "vendor" / "fontawesome" / "webfonts").glob("*.woff2"))
    for font in fonts:
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.notdef_outline = True
        loaded = subset.load_font(str(font), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=codepoints or [0x20])
        subsetter.subset(loaded)
        subset.save_font(loaded, str(font), options)
    # Only the woff2 files are kept: every browser this book supports reads them.
    return re.sub(r',\s*url\([^)]*\.ttf\)\s*format\("truetype"\)', "", css)


# --- the stylesheet's cache -----------------------------------------------------------------
# PurgeCSS decides from the *set of words* in the pages and scripts (its default extractor,
# /[A-Za-z0-9_-]+/), so an edit that brings no new word (most edits of prose and data)
# gives the same stylesheet and the same cut-down fonts. They are kept beside the doctrees
# under a key made of everything that goes in: that word set, the stylesheets, the fonts as
# copied, the safelist, and the tools' versions (package-lock.json) and script.
WORD = re.compile(r"[A-Za-z0-9_-]+")
CACHE = "coursebook-site-css"
# The checksums and fingerprints the build writes (``?v=1a2b3c4d``, answer-key digests) are
# new words after most edits, yet they cannot change which rules are kept: such a word
# counts only if a rule names it, or matches part of it (``[x^=…]``, ``[x$=…]``, ``[x*=…]``).
HASH = re.compile(r"(?=[0-9a-f]*[0-9])[0-9a-f]{8,}")
PARTIAL_MATCH = re.compile(r"""[\^$*]=\s*["']?([^"'\]\s]+)""")


def _words_that_count(words: set[str], css: str) -> set[str]:
    """``words`` without the hashes that no rule of ``css`` can match."""
    named = set(WORD.findall(css))
    partial = set(PARTIAL_MATCH.findall(css))

    def counts(word: str) -> bool:
        return not HASH.fullmatch(word) or word in named or any(part in word for part in partial)

    return {word for word in words if counts(word)}


def _content_files(outdir: Path, static: Path) -> list[Path]:
    """What PurgeCSS reads (see _purge): every page and script, not dot-files, not fontawesome.js."""
    files = [*outdir.rglob("*.html"), *(p for p in static.rglob("*.js") if p != static / "scripts" / "fontawesome.js")]
    return sorted(p for p in files if not any(part.startswith(".") for part in p.relative_to(outdir).parts))


def _fonts(static: Path) -> list[Path]:
    return sorted((static / "vendor" / "fontawesome" / "webfonts").glob("*.woff2"))


def _cache_key(outdir: Path, static: Path, sources: list[Path]) -> str:
    hashed = hashlib.sha256(json.dumps([SAFELIST, DYNAMIC_ATTRIBUTES, BUNDLED_CSS]).encode())
    inputs = [*sources, static / OWN_CSS, static / PRINT_CSS, *_fonts(static)]
    inputs += [ENGINE_ROOT / "js" / "purge.mjs", ENGINE_ROOT / "package-lock.json"]
    read = {path: path.read_bytes() if path.is_file() else b"" for path in inputs}
    for path, data in read.items():
        hashed.update(f"\0{path.name}\0".encode())
        hashed.update(data)
    words: set[str] = set()
    for path in _content_files(outdir, static):
        words.update(WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
    css = "\n".join(read[path].decode("utf-8", errors="replace") for path in sources)
    hashed.update("\n".join(sorted(_words_that_count(words, css))).encode())
    return hashed.hexdigest()


def _from_cache(cache: Path, key: str, static: Path) -> str | None:
    """The stylesheet made from the same inputs before (its fonts put back), or None."""
    try:
        if (cache / "key").read_text(encoding="utf-8") != key:
            return None
        css = (cache / "site.css").read_text(encoding="utf-8")
        for font in _fonts(static):
            shutil.copyfile(cache / font.name, font)
    except OSError:
        return None
    return css


def _to_cache(cache: Path, key: str, static: Path, css: str) -> None:
    shutil.rmtree(cache, ignore_errors=True)
    cache.mkdir(parents=True)
    for font in _fonts(static):
        shutil.copyfile(font, cache / font.name)
    (cache / "site.css").write_text(css, encoding="utf-8")
    (cache / "key").write_text(key, encoding="utf-8")  # last: a cache without it is never read


def _site_css(app: Sphinx, static: Path, sources: list[Path]) -> str:
    css = _purge(app, static, sources)
    css = _subset_icons(static, css)
    css += "\n/* coursebook/book.css */\n" + (static / OWN_CSS).read_text(encoding="utf-8")
    css += "\n/* coursebook/print.css */\n" + (static / PRINT_CSS).read_text(encoding="utf-8")
    return _minify(css)


def finish(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    if not getattr(app, "_coursebook_wrote", False) and (static / SITE_CSS).is_file():
        # Nothing was out of date: Sphinx wrote no page and copied no static file, so the
        # stylesheet and fonts of the last build are those of this one.
        logger.info(f"coursebook: no page written, {SITE_CSS} stays as it is")
        return
    sources: list[Path] = []
    for pattern in BUNDLED_CSS:
        sources += sorted(static.glob(pattern))
    cache = Path(app.doctreedir) / CACHE
    try:
        key = _cache_key(Path(app.outdir), static, sources)
        css = _from_cache(cache, key, static)
        if css is not None:
            logger.info(f"coursebook: {SITE_CSS} from the cache (the pages bring no new word)")
        else:
            css = _site_css(app, static, sources)
            _to_cache(cache, key, static, css)
    except (RuntimeError, OSError) as exc:
        raise SystemExit(f"The book's stylesheet could not be built: {exc}") from None
    (static / SITE_CSS).write_text(css, encoding="utf-8")
    for pattern in UNUSED_FILES:
        for path in static.glob(pattern):
            path.unlink()
    for name in UNUSED_DIRS:
        shutil.rmtree(static / name, ignore_errors=True)
    # The search index is loaded by the search page only, so its size no longer weighs
    # on every page; nothing to do for it here.
    logger.info(f"coursebook: {SITE_CSS} is {len(css.encode()) // 1024} KB after purging unused rules")


def register(app: Sphinx) -> None:
    app.connect("html-page-context", page_assets)
    app.connect("build-finished", finish)
