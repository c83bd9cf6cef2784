"""The slider widgets in the static book, against the pandas reference.

For each widget, 20+ random parameter sets are typed into the page's inputs, as a
student would, and the page must show what the Python model computes, to the
displayed rounding: the sentence, the summary lines and every row of the table.
Then the sliders are driven by keyboard, presets by keyboard, and the exercise is
saved and survives a reload.
"""

from __future__ import annotations

import random

import pytest
from browserkit import link_target, new_context, open_offline, run_axe
from conftest import built_href

from coursebook.simulations import deadend, iran
from coursebook.simulations.display import billions, millions

pytestmark = pytest.mark.browser

SETS = 22


def random_values(spec, rng, **fixed):
    values = {}
    for p in spec.parameters:
        steps = round((p.max - p.min) / p.step)
        values[p.id] = round(p.min + rng.randint(0, steps) * p.step, 6)
    values.update(fixed)
    return values


def type_values(page, prefix, values):
    for name, value in values.items():
        box = page.locator(f"#{prefix}-{name}-number")
        box.fill(f"{value:g}")
        box.press("Tab")  # leaving the box commits the value, as for any form field


def open_widget(context, server, chapter, selector):
    page, log = open_offline(context, server)
    page.goto(f"{server}/chapters/{chapter}.html", wait_until="networkidle")
    page.wait_for_selector(f"{selector}[data-cb-ready='true']")
    return page, log


def test_dead_end_page_matches_the_python_model(book, context, server):
    spec = book.models["deadend"]
    rng = random.Random(2017)
    page, log = open_widget(context, server, "seeking-a-way-out", "#cb-model-deadend")
    page.get_by_text("The numbers month by month (a table of the chart)").click()
    net_paths = set()
    for n in range(SETS):
        # Keep a few short horizons so the table check stays quick; the rest range freely.
        values = random_values(spec, rng, **({"horizon": rng.randint(1, 18)} if n % 3 else {}))
        type_values(page, "cb-deadend", values)
        expected = deadend.summary(values)
        frame = deadend.run(values)
        root = page.locator(".cb-deadend")
        assert root.locator(".cb-model-sentence").inner_text() == expected["sentence"], values
        assert root.locator(".cb-model-best").inner_text() == expected["best_sentence"], values
        assert root.locator(".cb-model-totals").inner_text() == expected["totals_sentence"], values
        rows = root.locator(".cb-model-table tbody tr").evaluate_all(
            "rows => rows.map(r => [...r.children].map(c => c.textContent))"
        )
        want = [
            [
                str(m),
                r.date,
                millions(r.cost),
                billions(r.cumulative_cost / 1000),
                billions(r.tradeable_gain / 1000),
                billions(r.net / 1000),
            ]
            for m, r in frame.iterrows()
        ]
        assert rows == want, values
        dead = root.get_attribute("data-dead-end")
        assert dead == ("none" if expected["dead_end"] is None else str(expected["dead_end"]))
        net_paths.add(root.locator("path[data-series='net']").get_attribute("d"))
    assert len(net_paths) == SETS  # the chart changed with every set
    assert log.problems() == []


def test_iran_page_matches_the_python_model(book, context, server):
    spec = book.models["iran"]
    rng = random.Random(1995)
    page, log = open_widget(context, server, "iran-bargaining-chip", "#cb-model-iran")
    page.get_by_text("The numbers (a table of the chart)").click()
    for _ in range(SETS):
        values = random_values(spec, rng)
        type_values(page, "cb-iran", values)
        expected = iran.summary(values)
        root = page.locator(".cb-iran")
        assert root.locator(".cb-model-sentence").inner_text() == expected["sentence"], values
        assert root.locator(".cb-model-best").inner_text() == expected["break_even_sentence"], values
        cells = root.locator(".cb-iran-table tbody td").all_text_contents()
        frame = iran.run(values)
        assert cells == [billions(v) for v in frame["billion_usd"]], values
    assert log.problems() == []


def test_sliders_work_by_keyboard(book, context, server):
    spec = {p.id: p for p in book.models["deadend"].parameters}
    page, log = open_widget(context, server, "seeking-a-way-out", "#cb-model-deadend")
    slider = page.locator("#cb-deadend-link_chance")
    p = spec["link_chance"]
    before_path = page.locator("path[data-series='net']").get_attribute("d")
    slider.focus()
    page.keyboard.press("ArrowRight")
    assert float(slider.input_value()) == p.default + p.step
    assert slider.get_attribute("aria-valuetext") == f"{p.default + p.step:g}%"
    assert page.locator("#cb-deadend-link_chance-number").input_value() == f"{p.default + p.step:g}"
    assert page.locator("path[data-series='net']").get_attribute("d") != before_path
    page.keyboard.press("End")
    assert float(slider.input_value()) == p.max
    values = {k: v.default for k, v in spec.items()} | {"link_chance": p.max}
    assert page.locator(".cb-model-sentence").inner_text() == deadend.summary(values)["sentence"]
    page.keyboard.press("Home")
    assert float(slider.input_value()) == p.min
    # Visible focus on the slider.
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    cost = page.locator("#cb-deadend-monthly_cost")
    assert cost.get_attribute("aria-valuetext") == f"{spec['monthly_cost'].default:g} million US dollars a month"
    assert log.problems() == []


def test_presets_by_keyboard_show_their_reasoning(book, context, server):
    presets = {p.id: p for p in book.models["deadend"].presets}
    page, log = open_widget(context, server, "seeking-a-way-out", "#cb-model-deadend")
    button = page.get_by_role("button", name="The Kremlin’s hope, January 2017")
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-pressed") == "true"
    hope = presets["kremlin-hope"]
    assert page.locator(".cb-preset-reasoning").inner_text() == hope.reasoning
    for name, value in hope.values.items():
        assert float(page.locator(f"#cb-deadend-{name}").input_value()) == value
    assert page.locator(".cb-model-sentence").inner_text() == deadend.summary(hope.values)["sentence"]
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the next preset: the author's reading
    assert page.get_by_role("button", name="The author’s reading, June 2017").get_attribute("aria-pressed") == "true"
    assert (
        page.locator(".cb-model-sentence").inner_text() == deadend.summary(presets["author-reading"].values)["sentence"]
    )
    # Moving a slider leaves the preset.
    page.locator("#cb-deadend-horizon").focus()
    page.keyboard.press("ArrowLeft")
    assert page.locator(".cb-preset[aria-pressed='true']").count() == 0
    assert log.problems() == []


def test_the_exercise_is_saved_and_compared_across_reloads(book, context, server):
    presets = {p.id: p for p in book.models["deadend"].presets}
    page, log = open_widget(context, server, "seeking-a-way-out", "#cb-model-deadend")
    type_values(page, "cb-deadend", {"link_chance": 20, "interest_decay": 4})
    page.get_by_role("button", name="Save as my reading of the author").click()
    type_values(page, "cb-deadend", {"link_chance": 60, "interest_decay": 0})
    page.get_by_role("button", name="Save as my own view").click()
    page.reload(wait_until="networkidle")
    page.wait_for_selector("#cb-model-deadend[data-cb-ready='true']")
    row = page.locator(".cb-compare tr[data-param='link_chance'] td")
    author = presets["author-reading"].values["link_chance"]
    assert row.all_inner_texts() == ["20%", f"{author:g}%", "60%"]
    # The saved view becomes a preset of its own.
    own = page.get_by_role("button", name="My own view", exact=True)
    own.click()
    assert page.locator("#cb-deadend-link_chance").input_value() == "60"
    assert log.problems() == []
    # The progress page lists both readings in words: each setting by its label and unit.
    model = book.models["deadend"]
    link = next(p for p in model.parameters if p.id == "link_chance")
    page.goto(f"{server}/chapters/progress.html", wait_until="networkidle")
    page.wait_for_selector("#cb-progress[data-cb-ready='true']")
    items = page.locator(".cb-progress-readings > li")
    assert items.count() == 2
    texts = items.all_inner_texts()
    author_item = next(t for t in texts if "“My reading of the author”" in t)
    own_item = next(t for t in texts if "“My own view”" in t)
    assert author_item.startswith(model.title) and f"{link.label}: 20{link.unit}" in author_item
    assert f"{link.label}: 60{link.unit}" in own_item
    assert items.first.locator("li").count() == len(model.parameters)
    anchor = items.first.get_by_role("link", name=model.title)
    assert link_target(anchor) == f"{server}/chapters/seeking-a-way-out.html#cb-model-deadend"
    assert log.problems() == []


def test_models_fit_a_phone_and_pass_axe(browser, server):
    context = new_context(browser, viewport={"width": 320, "height": 640})
    for chapter, selector in (("seeking-a-way-out", "#cb-model-deadend"), ("iran-bargaining-chip", "#cb-model-iran")):
        page, log = open_widget(context, server, chapter, selector)
        page.locator(f"{selector} details > summary").first.click()
        wide = page.evaluate(
            f"""() => [...document.querySelectorAll('{selector} *')]
                .filter(el => !el.closest('.cb-table-slot, .cb-compare-slot'))
                .filter(el => {{ const r = el.getBoundingClientRect(); return r.width > 0 && r.right > 321; }})
                .map(el => el.className.baseVal ?? el.className).slice(0, 5)"""
        )
        assert wide == [], chapter
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, chapter
        assert run_axe(page) == [], chapter
        assert log.problems() == []
        page.close()
    context.close()


def test_iran_precedents_are_shown_with_their_sources(book, context, server):
    page, log = open_widget(context, server, "iran-bargaining-chip", "#cb-model-iran")
    cards = page.locator(".cb-precedent")
    precedents = book.models["iran"].precedents
    assert cards.count() == len(precedents)
    for card, precedent in zip(cards.all(), precedents):
        assert card.locator(".cb-precedent-title").inner_text() == f"{precedent.year}: {precedent.label}"
        assert card.get_by_role("link", name=f"Read ¶{precedent.paragraph[1:]}").get_attribute("href") == built_href(
            book.passage_link(precedent.paragraph), "iran-bargaining-chip"
        )
        assert card.locator(".cb-param-sources a[rel='noopener']").count() == len(precedent.cite)
    assert log.problems() == []
