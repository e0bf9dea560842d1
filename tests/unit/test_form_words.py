"""The catalogue's forms are worded in Finnish with the English kept beside each title, description and choice
label (processes/README.md), and ``engine.form_words`` picks the words of the language asked for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine.form_words import FormWordCache, annotation, worded

CATALOGUE = Path(__file__).parents[2] / "processes"
FORMS = sorted([*CATALOGUE.glob("forms/*.json"), *CATALOGUE.glob("messages/*.json")])

FORM = {
    "title": "Käyttöönottokoe",
    "x-title-en": "Deployment test",
    "type": "object",
    "properties": {
        "result": {
            "title": "Tulos",
            "x-title-en": "Result",
            "enum": ["passed", "failed"],
            "x-enum-labels": ["Onnistui", "Epäonnistui"],
            "x-enum-labels-en": ["Passed", "Failed"],
        },
        # a field named "description" is a subschema, not words
        "description": {"type": "string", "title": "Kuvaus"},
    },
}


def test_the_english_of_a_keyword_is_kept_by_one_rule():
    assert annotation("title", "en") == "x-title-en"
    assert annotation("description", "en") == "x-description-en"
    assert annotation("x-enum-labels", "en") == "x-enum-labels-en"


def test_finnish_shows_the_form_as_deployed():
    schema, languages = worded(FORM, "fi", "fi")
    assert schema is FORM
    assert languages == {"fi"}


def test_english_takes_the_english_beside_each_word_and_keeps_the_rest():
    schema, languages = worded(FORM, "en", "fi")
    assert schema["title"] == "Deployment test"
    assert schema["properties"]["result"]["title"] == "Result"
    assert schema["properties"]["result"]["x-enum-labels"] == ["Passed", "Failed"]
    assert schema["properties"]["result"]["enum"] == ["passed", "failed"]
    assert schema["properties"]["description"] == {"type": "string", "title": "Kuvaus"}
    assert languages == {"en", "fi"}  # "Kuvaus" has no English
    assert FORM["title"] == "Käyttöönottokoe"  # the deployed form is not changed


def test_a_form_without_words_is_in_no_language():
    assert worded({"type": "object"}, "en", "fi") == ({"type": "object"}, frozenset())


def test_what_is_worked_out_once_is_kept_per_form_and_language():
    cache = FormWordCache("fi")
    first, _ = cache.of(("p", 1, "form", "forms/a.json"), FORM, "en")
    again, _ = cache.of(("p", 1, "form", "forms/a.json"), FORM, "en")
    finnish, _ = cache.of(("p", 1, "form", "forms/a.json"), FORM, "fi")
    assert again is first
    assert (first["title"], finnish["title"]) == ("Deployment test", "Käyttöönottokoe")


def _worded_nodes(node, path="#"):
    """Each schema object of a form with its JSON Pointer."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _worded_nodes(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _worded_nodes(value, f"{path}/{index}")


@pytest.mark.parametrize("path", FORMS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_catalogue_form_is_finnish_with_the_english_beside_it(path):
    form = json.loads(path.read_text(encoding="utf-8"))
    assert form.get("x-title-en"), "the form's title has no English beside it"
    for where, node in _worded_nodes(form):
        for keyword in ("title", "description"):
            if isinstance(node.get(keyword), str):
                english = node.get(annotation(keyword, "en"))
                assert isinstance(english, str) and english.strip(), (
                    f"{where}/{keyword} has no English beside it"
                )
                if len(english) > 12:  # a short one may be the same word in both (OID, Kela, eRA)
                    assert node[keyword] != english, f"{where}/{keyword} is not in Finnish"
    for name, field in form.get("properties", {}).items():
        for choices in (field, field.get("items") or {}):
            if isinstance(choices.get("enum"), list) and len(choices["enum"]) > 1:
                for labels in ("x-enum-labels", "x-enum-labels-en"):
                    assert len(choices.get(labels) or []) == len(choices["enum"]), f"{name}: {labels}"
