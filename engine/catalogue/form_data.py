"""Camunda's generated forms (``camunda:formData``) made into the JSON Schema forms the engine checks data
with, so a task drawn in Camunda Modeler with form fields is shown and validated as one of our forms is.

Each ``camunda:formField`` becomes a property: ``string``, ``long`` (an integer), ``boolean``, ``date`` (text
written YYYY-MM-DD) or ``enum`` (its values, with their names as ``x-enum-labels``); its label is the
property's title and its ``defaultValue`` its default. The ``camunda:validation`` constraints become the
keywords that mean the same: ``required``, ``min``/``max`` (``minimum``/``maximum`` of a long),
``minlength``/``maxlength`` (``minLength``/``maxLength`` of text) and ``readonly`` (shown, never taken:
data that gives the field is refused). Anything else, a custom type or validator, is refused at its line:
Camunda would call Java for it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import date

from lxml import etree

from ..bpmn import form_data_key, start_form_key
from ..problems import Problem
from ..vocabulary import CAMUNDA_NS
from .diagram import at, bpmn_tag, describe

JSON_SCHEMA = "https://json-schema.org/draft/2020-12/schema"
TYPES = {
    "string": {"type": "string"},
    "long": {"type": "integer"},
    "boolean": {"type": "boolean"},
    "date": {"type": "string", "format": "date"},
    "enum": {"type": "string"},
}
_TEXT_TYPES = ("string", "date", "enum")
_EXPRESSION = re.compile(r"[$#]\{")


def _camunda(name: str) -> str:
    return f"{{{CAMUNDA_NS}}}{name}"


def form_data_owners(root: etree._Element) -> Iterator[tuple[etree._Element, etree._Element, etree._Element]]:
    """(process, element, its camunda:formData) for each user task and start event that has fields."""
    for process in root.iter(bpmn_tag("process")):
        for element in process.iter(bpmn_tag("userTask"), bpmn_tag("startEvent")):
            form_data = element.find(f"{bpmn_tag('extensionElements')}/{_camunda('formData')}")
            if form_data is not None:
                yield process, element, form_data


def generated_forms(roots: Mapping[str, etree._Element]) -> tuple[dict[str, bytes], list[Problem]]:
    """The forms made of every ``camunda:formData`` in the diagrams, by the key their element finds them
    under, and the problems of those that can not be made."""
    forms: dict[str, bytes] = {}
    problems: list[Problem] = []
    for file, root in roots.items():
        for process, element, form_data in form_data_owners(root):
            # at the field's line, under the id of the task or event the analyst looks for
            found = [replace(p, element_id=element.get("id")) for p in _problems(file, element, form_data)]
            if found:
                problems += found
                continue
            schema = form_data_schema(element, form_data)
            if element.tag == bpmn_tag("startEvent"):
                key = start_form_key(process.get("id"))
            else:
                key = form_data_key(process.get("id"), element.get("id"))
            forms[key] = json.dumps(schema).encode()
    return forms, problems


def form_data_schema(element: etree._Element, form_data: etree._Element) -> dict:
    properties, required = {}, []
    for field in form_data.iterchildren(_camunda("formField")):
        name = field.get("id")
        kind = field.get("type") or "string"
        prop = dict(TYPES[kind])
        if field.get("label"):
            prop["title"] = field.get("label")
            if english := _english_name(field):
                prop["x-title-en"] = english
        if kind == "enum":
            values = list(field.iterchildren(_camunda("value")))
            prop["enum"] = [value.get("id") for value in values]
            prop["x-enum-labels"] = [value.get("name") or value.get("id") for value in values]
        if field.get("defaultValue") is not None:
            prop["default"] = _typed(kind, field.get("defaultValue"))
        for constraint_name, config in _constraints(field):
            if constraint_name == "required":
                required.append(name)
            elif constraint_name == "readonly":
                # Shown with its default, never taken from the data (Camunda refuses a submitted value).
                prop["readOnly"] = True
                prop["not"] = {}
            else:
                prop[_KEYWORDS[constraint_name]] = int(config) if kind != "long" else _number(config)
        properties[name] = prop
    schema = {
        "$schema": JSON_SCHEMA,
        "title": " ".join((element.get("name") or element.get("id") or "").split()),
        **({"x-title-en": english} if (english := _english_name(element)) else {}),
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        schema["required"] = required
    return schema


def _english_name(node: etree._Element) -> str | None:
    """The ``name_en`` extension property of an element or of a form field: the English kept beside its
    Finnish name or label (shown as the form's ``x-title-en``). An element keeps its properties in its
    extensionElements, a form field right inside it, named by ``id`` as Camunda Modeler writes them."""
    own = f"{_camunda('properties')}/{_camunda('property')}"
    for prop in [*node.iterfind(f"{bpmn_tag('extensionElements')}/{own}"), *node.iterfind(own)]:
        if (prop.get("name") or prop.get("id")) == "name_en" and (prop.get("value") or "").strip():
            return " ".join(prop.get("value").split())
    return None


_KEYWORDS = {"min": "minimum", "max": "maximum", "minlength": "minLength", "maxlength": "maxLength"}


def _constraints(field: etree._Element) -> Iterator[tuple[str, str | None]]:
    for validation in field.iterchildren(_camunda("validation")):
        for constraint in validation.iterchildren(_camunda("constraint")):
            yield (constraint.get("name") or "").strip(), constraint.get("config")


def _number(text: str) -> int | float:
    number = float(text)
    return int(number) if number.is_integer() else number


def _typed(kind: str, text: str):
    if kind == "long":
        return int(text)
    if kind == "boolean":
        return text.strip() == "true"
    return text


# --- what can not be made into a form, at its line ------------------------------------------------------


def _problems(file: str, element: etree._Element, form_data: etree._Element) -> Iterator[Problem]:
    owner = describe(element)
    if element.get(_camunda("formKey")):
        yield at(
            file, element, f"{owner} has both camunda:formKey and camunda:formData: give it one form, "
            "the JSON Schema in forms/ or the fields",
        )  # fmt: skip
    if element.tag == bpmn_tag("startEvent") and element.getparent().tag != bpmn_tag("process"):
        yield at(file, element, f"{owner}: form fields on the start event of a sub process are never shown")
    for name in form_data.attrib:
        yield at(file, element, f"{owner}: camunda:formData {etree.QName(name).localname} is not supported")
    seen = set()
    for child in form_data.iterchildren(etree.Element):
        if child.tag != _camunda("formField"):
            yield at(
                file,
                child,
                f"{owner}: {etree.QName(child).localname} in camunda:formData is not a form field",
            )
            continue
        name = child.get("id")
        if not name:
            yield at(file, child, f"{owner} has a form field without an id")
            continue
        if name in seen:
            yield at(file, child, f'{owner} has two form fields "{name}"')
        seen.add(name)
        yield from _field_problems(file, child, f'form field "{name}" of {owner}')


def _field_problems(file: str, field: etree._Element, where: str) -> Iterator[Problem]:
    kind = field.get("type") or "string"
    if kind not in TYPES:
        known = ", ".join(TYPES)
        yield at(file, field, f'{where} has the type "{kind}", which is not supported: use one of {known}')
        return
    default = field.get("defaultValue")
    if default is not None:
        yield from _default_problems(file, field, where, kind, default)
    for child in field.iterchildren(etree.Element):
        local = etree.QName(child).localname
        if child.tag == _camunda("validation"):
            yield from _constraint_problems(file, field, where, kind)
        elif child.tag == _camunda("value") and kind == "enum":
            if not child.get("id"):
                yield at(file, child, f"a value of {where} has no id")
        elif child.tag != _camunda("properties"):  # properties describe the field, as in Camunda
            yield at(file, child, f"{where}: {local} is not supported here")
    if kind == "enum" and not list(field.iterchildren(_camunda("value"))):
        yield at(file, field, f"{where} is an enum without values: add its values")


def _default_problems(file, field, where, kind, default) -> Iterator[Problem]:
    if _EXPRESSION.search(default):
        yield at(
            file, field, f'{where} has the default value "{default}", an expression: expressions in form '
            "fields are not supported yet: write the value itself",
        )  # fmt: skip
        return
    fault = None
    if kind == "long" and not re.fullmatch(r"[+-]?\d+", default.strip()):
        fault = "is not a whole number"
    elif kind == "boolean" and default.strip() not in ("true", "false"):
        fault = "is neither true nor false"
    elif kind == "date" and not _is_iso_date(default):
        fault = "is not a date written YYYY-MM-DD"
    elif kind == "enum" and default not in {v.get("id") for v in field.iterchildren(_camunda("value"))}:
        fault = "is not one of its values"
    if fault:
        yield at(file, field, f'the default value "{default}" of {where} {fault}')


def _constraint_problems(file, field, where, kind) -> Iterator[Problem]:
    for name, config in _constraints(field):
        if name in ("required", "readonly"):
            continue
        if name in ("min", "max"):
            if kind != "long":
                yield at(file, field, f"{where}: the constraint {name} applies to a long field only")
            elif not _is_number(config):
                yield at(file, field, f'{where}: the constraint {name} needs a number, not "{config}"')
        elif name in ("minlength", "maxlength"):
            if kind not in _TEXT_TYPES:
                yield at(file, field, f"{where}: the constraint {name} applies to a text field only")
            elif not re.fullmatch(r"\d+", (config or "").strip()):
                yield at(file, field, f'{where}: the constraint {name} needs a whole number, not "{config}"')
        else:
            known = "required, readonly, min, max, minlength, maxlength"
            yield at(file, field, f'{where}: the constraint "{name}" is not supported: use {known}')


def _is_number(text: str | None) -> bool:
    try:
        float(text or "")
    except ValueError:
        return False
    return True


def _is_iso_date(text: str) -> bool:
    try:
        date.fromisoformat(text.strip())
    except ValueError:
        return False
    return bool(re.fullmatch(r"\d{4}-\d\d-\d\d", text.strip()))
