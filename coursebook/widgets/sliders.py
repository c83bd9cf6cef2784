"""The slider widgets: the "dead end" model and "Iran as a bargaining chip?".

Both are thin: parameters, presets and sources come from ``data/model/<model>.yaml``,
the arithmetic from :mod:`coursebook.simulations` (pandas, the reference) and, in the page,
from ``js/lib/<model>.js``.

>>> w = dead_end()
>>> w.set(link_chance=50)             # the sliders move in JupyterLab
>>> w.summary()["dead_end"]
>>> w.run()                            # the month-by-month DataFrame
"""

from __future__ import annotations

from typing import Any

import traitlets as t

from ..book import Book, current_book
from ..simulations import MODELS
from .base import BookWidget, module_path


def source_state(book: Book, keys) -> list[dict]:
    out = []
    for key in keys:
        ref = book.references[key]
        who = ref.author or "source"
        out.append({"key": key, "label": f"{who} ({ref.year}): {ref.title}", "url": ref.url})
    return out


class ModelWidget(BookWidget):
    engine_id = ""  # which model in coursebook.simulations (not ipywidgets' model_id!)

    parameters = t.List().tag(sync=True)
    presets = t.List().tag(sync=True)
    values = t.Dict().tag(sync=True)

    def __init__(self, book: Book | None = None, **kwargs):
        book = book or current_book()
        spec = book.models[self.engine_id]
        self._spec = spec
        self._engine = MODELS[self.engine_id]
        parameters = []
        for p in spec.parameters:
            state = p.model_dump()
            state["sources"] = source_state(book, p.cite)
            parameters.append(state)
        presets = [p.model_dump(include={"id", "label", "reasoning", "values"}) for p in spec.presets]
        defaults = {p.id: p.default for p in spec.parameters}
        super().__init__(parameters=parameters, presets=presets, values=defaults, **kwargs)
        self._extra_state(book, spec)

    def _extra_state(self, book: Book, spec) -> None:
        pass

    # --- Python side --------------------------------------------------------------------

    def set(self, **values: float) -> None:
        """Move sliders: ``w.set(link_chance=50, horizon=60)``."""
        specs = {p.id: p for p in self._spec.parameters}
        for name, value in values.items():
            if name not in specs:
                raise KeyError(f"no parameter “{name}”; the parameters are: {', '.join(specs)}")
            p = specs[name]
            if not p.min <= value <= p.max:
                raise ValueError(f"{name} must be between {p.min:g} and {p.max:g} ({p.unit})")
        self.values = {**self.values, **values}

    def apply_preset(self, preset_id: str) -> None:
        for preset in self._spec.presets:
            if preset.id == preset_id:
                self.values = dict(preset.values)
                return
        raise KeyError(f"no preset “{preset_id}”")

    def run(self, params: dict | None = None):
        """The model's DataFrame for the sliders' values, or for ``params`` (any missing
        parameter takes the sliders' value); the sliders themselves do not move."""
        return self._engine.run({**self.values, **(params or {})})

    def summary(self, params: dict | None = None) -> dict:
        return self._engine.summary({**self.values, **(params or {})})


class DeadEnd(ModelWidget):
    kind = "deadend"
    engine_id = "deadend"
    _esm = module_path("deadend")
    _css = module_path("deadend").with_suffix(".css")

    saved = t.Dict().tag(sync=True)
    persist = t.Bool(False).tag(sync=True)
    storage_namespace = t.Unicode().tag(sync=True)

    def _extra_state(self, book: Book, spec) -> None:
        self.storage_namespace = book.storage_namespace

    @property
    def element_id(self) -> str:
        return "cb-model-deadend"


class IranBet(ModelWidget):
    kind = "iran"
    engine_id = "iran"
    _esm = module_path("iran")
    _css = module_path("iran").with_suffix(".css")

    precedents = t.List().tag(sync=True)

    def _extra_state(self, book: Book, spec) -> None:
        self.precedents = [
            {
                **p.model_dump(exclude={"cite"}),
                "passage_href": book.passage_link(p.paragraph),
                "passage_label": f"¶{p.paragraph[1:]}",
                "sources": source_state(book, p.cite),
            }
            for p in spec.precedents
        ]

    @property
    def element_id(self) -> str:
        return "cb-model-iran"


def dead_end() -> DeadEnd:
    return DeadEnd()


def iran_bet() -> IranBet:
    return IranBet()


def run(model: str, params: dict[str, Any]):
    """``run("deadend", params)``: the model's DataFrame for any parameters."""
    return MODELS[model].run(params)
