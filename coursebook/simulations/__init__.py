"""The slider models: pure functions over a dict of parameters, pandas as the reference.

Each model module defines ``PARAMETERS`` (the ids its data file must provide, in
order), ``run(params) -> DataFrame`` and ``summary(params) -> dict``. The widgets'
JavaScript (``js/lib/<model>.js``) implements the same arithmetic for the static
page; a browser test checks the page against these functions.
"""

from . import deadend, iran

MODELS = {"deadend": deadend, "iran": iran}

__all__ = ["MODELS", "deadend", "iran"]
