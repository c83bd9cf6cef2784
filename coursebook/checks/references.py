"""Rules about ``data/references.bib``: every cited key exists, and no source from a
low-quality site is used without a caveat that says why it is kept."""

from __future__ import annotations

from ..errors import Problems
from . import rule
from .common import close


def cited(book):
    """(record, keys) for every record in data/ that cites sources."""
    for name in ("objectives", "glossary", "people", "organisations", "places", "events", "claims", "annotations"):
        for record in getattr(book, name).values():
            yield record, getattr(record, "cite", [])
    for question in book.questions():
        yield question, question.cite
    for spec in book.models.values():
        for item in (*spec.parameters, *spec.presets, *spec.precedents):
            yield item, item.cite


@rule(needs=("references",))
def cites_exist(book, report: Problems) -> None:
    for record, keys in cited(book):
        for key in keys:
            if key not in book.references:
                report.at(
                    record, "cite", f"the reference “{key}” is not in data/references.bib{close(key, book.references)}"
                )


@rule(needs=("references",))
def article_reference_exists(book, report: Problems) -> None:
    info = book.article.info
    if info.cite not in book.references:
        report.at(info, "cite", f"the article’s reference “{info.cite}” is not in references.bib")


#: Sites a fact-checker would not accept on their own, and why. A source from one of them
#: is reported unless its entry carries a ``caveat`` field saying why it is kept (for
#: instance: only a state outlet reported the statement) — better, cite the original.
LOW_QUALITY = {
    "wikipedia.org": "Wikipedia, an encyclopaedia anyone can edit",
    "piglix.com": "a copy of Wikipedia",
    "wikimili.com": "a copy of Wikipedia",
    "kiwix.lema.org": "a copy of Wikipedia",
    "zproxy.org": "a copy of Wikipedia",
    "nextcloud.domilabs.xyz": "a copy of Wikipedia",
    "wikizero.net": "a copy of Wikipedia",
    "infogalactic.com": "a copy of Wikipedia",
    "askwikinow.com": "a copy of Wikipedia",
    "clateway.com": "a copy of Wikipedia",
    "studentb.eu": "a copy of Wikipedia",
    "kidzsearch.com": "a copy of Wikipedia",
    "ipfs.io": "an IPFS gateway serving copies of other sites (such as Wikipedia)",
    "cloudflare-ipfs.com": "an IPFS gateway serving copies of other sites (such as Wikipedia)",
    "wikinews.org": "Wikinews, written by volunteers",
    "zerohedge.com": "a partisan blog",
    "hotair.com": "a partisan blog",
    "pravda.ru": "a tabloid aligned with the Kremlin",
    "pravdareport.com": "a tabloid aligned with the Kremlin (Pravda.ru)",
    "sputniknews.com": "Russian state media",
    "sputnikglobe.com": "Russian state media",
    "tass.com": "a Russian state news agency",
    "rt.com": "Russian state media",
    "rbth.com": "a Russian state-funded outlet (Russia Beyond)",
    "rian.ru": "Russian state media (RIA Novosti)",
    "presstv.ir": "Iranian state media",
    "irna.ir": "an Iranian state news agency",
    "trtworld.com": "Turkey's state broadcaster",
    "aa.com.tr": "Turkey's state-run news agency",
    "xinhuanet.com": "China's state news agency",
    "news.cn": "China's state news agency",
    "cncnews.cn": "a channel of China's state news agency",
    "topix.com": "a news aggregator",
    "whatthefolly.com": "a blog that reposts news",
    "blogspot.com": "a personal blog",
    "nextbigfuture.com": "a blog that reposts news",
}


def low_quality(host: str) -> str | None:
    """Why a site is weak, if ``host`` is (a sub-domain of) a listed one."""
    for domain, why in LOW_QUALITY.items():
        if host == domain or host.endswith("." + domain):
            return why
    return None


@rule(needs=("references",))
def weak_sources_have_a_caveat(book, report: Problems) -> None:
    path = book.paths.references
    for ref in book.references.values():
        why = low_quality(ref.host)
        if why and not ref.caveat:
            report.add(
                path,
                ref.line,
                f"the reference “{ref.key}” is from {ref.host}, {why}; cite the original report or official text, "
                "or add a “caveat” field saying why this source is kept",
            )
