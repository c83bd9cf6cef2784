"""The class report: students' answer files in, one self-contained HTML page out.

``load_class`` reads the files into DataFrames (every try graded again against the
current book); the functions in :mod:`.figures` compute what the page shows, each as a
DataFrame, so an instructor can call them in JupyterLab; :func:`.page.render` writes
the page. ``python -m coursebook report FILE... --out report.html`` does all three.
"""

from .classdata import ClassData, load_class
from .figures import completion, mastery, mastery_by_student, question_stats, written_answers

__all__ = [
    "ClassData",
    "completion",
    "load_class",
    "mastery",
    "mastery_by_student",
    "question_stats",
    "written_answers",
]
