"""Which dialect each of a diagram's texts is written in, and the Python it runs as.

A condition, a timer value or a mapped value is run in the dialect it was written in, never in another:
- ``${…}`` (or a condition with ``language="juel"``) is JUEL, as Camunda Modeler users write it, and runs
  as JUEL means it (``juel``);
- a timer value written bare as Camunda takes it (``P7D``, ``2026-09-01T09:00:00``, ``R3/PT1H``, a Quartz
  cron expression ``0 0 9 ? * MON-FRI``) is that value;
- anything else is Python, as the catalogue's diagrams write it (``"P2D"``, ``planned_date + "T09:00"``).
What can not be run as written raises ``DialectRefused`` naming the dialect and the construct; the
catalogue's checks report it at deployment, with file, line and element.
"""

from __future__ import annotations

import copy
import re
from datetime import datetime

from croniter import croniter
from lxml import etree

from ..vocabulary import BPMN_NS, CAMUNDA_NS
from .juel import JuelRefused, is_juel, to_python

PYTHON_LANGUAGES = frozenset({"python", "python3"})
JUEL_LANGUAGES = frozenset({"juel", "${}"})

_ISO_DURATION = re.compile(r"^P(?!$)(\d+([.,]\d+)?Y)?(\d+([.,]\d+)?M)?(\d+([.,]\d+)?W)?(\d+([.,]\d+)?D)?"
                           r"(T(?=\d)(\d+([.,]\d+)?H)?(\d+([.,]\d+)?M)?(\d+([.,]\d+)?S)?)?$")  # fmt: skip
_ISO_DATE = re.compile(r"^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$")
_ISO_CYCLE = re.compile(r"^R(\d*)/(?P<first>[^/]+)(/(?P<second>[^/]+))?$")
_CRON_FIELDS = ("second", "minute", "hour", "day of month", "month", "day of week", "year")
# The cron values the engine keeps carry this mark, so that a timer's run knows them from ISO 8601 text.
CRON_PREFIX = "cron:"


class DialectRefused(ValueError):
    """A text the engine can not run as written; the message names the dialect and the construct."""


def condition_python(text: str, language: str | None = None) -> str:
    """The Python that decides a sequence flow's condition."""
    language = (language or "").strip().lower()
    if language in JUEL_LANGUAGES or (not language and is_juel(text)):
        return _juel(text, condition=True)
    if language and language not in PYTHON_LANGUAGES:
        raise DialectRefused(
            f'the condition language "{language}" is not supported: conditions are Python or JUEL'
        )
    return text.strip()


def value_python(text: str) -> str:
    """The Python of a mapped value (a call activity's source expression, an input or output parameter):
    JUEL when it holds ``${…}``, else Python. One line: it may become part of a larger expression."""
    return _juel(text).split("  # JUEL ", 1)[0] if is_juel(text) else text.strip()


def timer_python(kind: str, text: str) -> str:
    """The Python whose value is the timer's date, duration or cycle (``kind``: timeDate, timeDuration or
    timeCycle) as text SpiffWorkflow reads."""
    text = text.strip()
    if is_juel(text):
        return _juel(text)
    if _ISO_DURATION.match(text):
        return repr(_checked_duration(text, kind))
    if _ISO_DATE.match(text):
        return repr(_checked_date(text, kind))
    if _ISO_CYCLE.match(text):
        return repr(_checked_cycle(text, kind))
    if kind == "timeCycle" and len(text.split()) >= 5 and not any(c in text for c in "\"'()"):
        return repr(CRON_PREFIX + quartz_to_cron(text))
    return text


def collection_variable(text: str) -> str:
    """The variable a multi-instance activity's camunda:collection names: ``items`` or, as Camunda Modeler
    users also write it, ``${items}``; any other expression is refused."""
    text = text.strip()
    if not is_juel(text):
        return text
    name = text[2:-1].strip() if text.startswith("${") and text.endswith("}") else ""
    if not name.isidentifier() or name.startswith("_"):
        raise DialectRefused(
            f'JUEL: the collection "{text}" is an expression: name the variable that holds the items, '
            'e.g. "${items}", or compute it before in a script task'
        )
    return name


def _juel(text: str, *, condition: bool = False) -> str:
    """The Python of a JUEL text, ending in the JUEL as a comment: an error at run time quotes the
    expression, and the analyst recognises what they wrote."""
    try:
        python = to_python(text, condition=condition)
    except JuelRefused as refused:
        raise DialectRefused(str(refused)) from None
    return f"{python}  # JUEL {' '.join(text.split())}"


def _checked_duration(text: str, kind: str) -> str:
    if kind == "timeDate":
        raise DialectRefused(f'"{text}" is a duration, and a timeDate is a date: make it a timeDuration')
    if kind == "timeCycle":
        raise DialectRefused(
            f'"{text}" is a duration, and a timeCycle repeats: write "R/{text}" or "R3/{text}"'
        )
    return text


def _checked_date(text: str, kind: str) -> str:
    if kind != "timeDate":
        raise DialectRefused(f'"{text}" is a date: make the timer a timeDate')
    try:
        datetime.fromisoformat(text)
    except ValueError as error:
        raise DialectRefused(f'"{text}" is no ISO 8601 date: {error}') from None
    return text


def _checked_cycle(text: str, kind: str) -> str:
    if kind != "timeCycle":
        raise DialectRefused(f'"{text}" is a cycle: make the timer a timeCycle')
    match = _ISO_CYCLE.match(text)
    assert match is not None
    parts = [p for p in (match.group("first"), match.group("second")) if p]
    durations = [p for p in parts if _ISO_DURATION.match(p)]
    if len(durations) != 1 or any(not _ISO_DATE.match(p) for p in parts if p not in durations):
        raise DialectRefused(
            f'"{text}" is no ISO 8601 cycle the engine runs: R<times>/<duration>, '
            "R<times>/<start date>/<duration> or R<times>/<duration>/<end date>"
        )
    return text


def quartz_to_cron(text: str) -> str:
    """A Quartz cron expression (Camunda's ``timeCycle``: second, minute, hour, day of month, month, day of
    week, optional year) as croniter reads it (seconds first; Sunday is 0, where Quartz counts it 1)."""
    fields = text.split()
    if len(fields) not in (6, 7):
        raise DialectRefused(
            f'the cron expression "{text}" has {len(fields)} fields: Camunda\'s (Quartz) cron has 6 or 7, '
            "seconds first, e.g. 0 0 9 ? * MON-FRI"
        )
    if len(fields) == 7:
        if fields[6] not in ("*", "?"):
            raise DialectRefused(
                f'cron: the year field "{fields[6]}" of "{text}" is not supported: write * there'
            )
        fields = fields[:6]
    for name, value in zip(_CRON_FIELDS, fields, strict=False):
        upper = value.upper()
        if "W" in upper.replace("WED", "") and name == "day of month":
            raise DialectRefused(f'cron: the Quartz-only "W" (nearest weekday) in "{text}" is not supported')
        if "L" in upper.replace("JUL", "") and name in ("day of month", "day of week"):
            raise DialectRefused(f'cron: the Quartz-only "L" (last) in "{text}" is not supported')
        if "#" in value:
            raise DialectRefused(
                f'cron: the Quartz-only "#" (nth weekday of the month) in "{text}" is not supported'
            )
    fields[5] = re.sub(r"\d+", _cron_weekday, fields[5])
    if "/" in fields[5]:
        raise DialectRefused(
            f'cron: an increment "/" in the day of week of "{text}" is not supported: list the days'
        )
    cron = " ".join(fields).replace("?", "*")
    if not croniter.is_valid(cron, second_at_beginning=True):
        raise DialectRefused(
            f'the cron expression "{text}" can not be read: seconds, minutes, hours, day of '
            "month, month, day of week, e.g. 0 0 9 ? * MON-FRI"
        )
    return cron


def _cron_weekday(number: re.Match) -> str:
    """Quartz counts the days of the week 1 (Sunday) to 7, cron 0 (Sunday) to 6; "x" is no day."""
    day = int(number.group())
    return str(day - 1) if 1 <= day <= 7 else "x"


# ---- the diagram as SpiffWorkflow reads it ---------------------------------------------------------------


def _bpmn(name: str) -> str:
    return f"{{{BPMN_NS}}}{name}"


def in_python(tree: etree._ElementTree) -> etree._ElementTree:
    """A copy of a diagram with every condition, timer value, call mapping and correlation property's
    retrieval expression written in Python, so that SpiffWorkflow (which runs Python) runs each as its own
    dialect means it. The catalogue's checks have refused what can not be translated before this is
    called; what is left raises DialectRefused."""
    if not any(True for _ in tree.getroot().iter(_bpmn("process"))):
        return tree
    tree = copy.deepcopy(tree)
    root = tree.getroot()
    for condition in root.iter(_bpmn("conditionExpression")):
        if condition.text and condition.text.strip():
            condition.text = condition_python(condition.text, condition.get("language"))
            condition.attrib.pop("language", None)
    for kind in ("timeDate", "timeDuration", "timeCycle"):
        for timer in root.iter(_bpmn(kind)):
            if timer.text and timer.text.strip():
                timer.text = timer_python(kind, timer.text)
    for cardinality in root.iter(_bpmn("loopCardinality")):
        if cardinality.text and cardinality.text.strip():
            cardinality.text = value_python(cardinality.text)
    for completion in root.iter(_bpmn("completionCondition")):
        if completion.text and completion.text.strip():
            completion.text = condition_python(completion.text)
    for loop in root.iter(_bpmn("multiInstanceLoopCharacteristics")):
        collection = loop.get(f"{{{CAMUNDA_NS}}}collection")
        if collection is not None:
            loop.set(f"{{{CAMUNDA_NS}}}collection", collection_variable(collection))
    for mapping in root.iter(f"{{{CAMUNDA_NS}}}in", f"{{{CAMUNDA_NS}}}out"):
        expression = mapping.get("sourceExpression")
        if expression is not None:
            mapping.set("sourceExpression", value_python(expression))
    for expression in correlation_expressions(root):
        if expression.text and expression.text.strip():
            expression.text = value_python(expression.text)
    return tree


def correlation_expressions(root: etree._Element) -> list[etree._Element]:
    """The expressions that read a correlation property's value out of a message's payload (bpmn-js writes
    them as formalExpression, the schema as messagePath); SpiffWorkflow runs them on every delivery."""
    return [
        expression
        for retrieval in root.iter(_bpmn("correlationPropertyRetrievalExpression"))
        for expression in retrieval.iterchildren(_bpmn("formalExpression"), _bpmn("messagePath"))
    ]
