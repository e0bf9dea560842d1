"""The form a person fills to start an onboarding: the organisation's business ID (Y-tunnus, the instance's
business key) and the fields of the process's own start form, or, for a process that draws none, the
organisation's name. Judged by the same checks as a task's form, so a wrong check digit is refused with its
field named before anything is stored.
"""

from __future__ import annotations

BUSINESS_KEY = "business_key"  # the field that becomes the instance's business key; the others, variables

# Worded in Finnish with the English beside, as the catalogue's forms are (engine/form_words.py).
_BUSINESS_ID = {
    "type": "string",
    "format": "fi-business-id",
    "title": "Y-tunnus",
    "x-title-en": "Business ID (Y-tunnus)",
    "description": "Seitsemän numeroa, yhdysmerkki ja tarkistenumero, esim. 0737546-2.",
    "x-description-en": "Seven digits, a hyphen and the check digit, e.g. 0737546-2.",
}

# What a process that draws no start form of its own is started with.
DEFAULT_START_FORM = {
    "type": "object",
    "properties": {
        "organisation_name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200,
            "title": "Organisaation nimi",
            "x-title-en": "Organisation name",
            "description": "Kuten kaupparekisterissä, esim. Hoivakoti Aurinko Oy.",
            "x-description-en": "As in the Finnish Trade Register, e.g. Hoivakoti Aurinko Oy.",
        },
    },
    "required": ["organisation_name"],
    "additionalProperties": False,
}


_TITLE = {"title": "Aloita liittyminen", "x-title-en": "Start onboarding"}


def start_page_form(start_form: dict | None) -> dict:
    """The business ID, then the fields of ``start_form`` (the process's own, from camunda:formData), or of
    DEFAULT_START_FORM when it has none."""
    own = start_form or DEFAULT_START_FORM
    return {
        **own,
        **({} if own.get("title") else _TITLE),
        "type": "object",
        "properties": {BUSINESS_KEY: _BUSINESS_ID, **own.get("properties", {})},
        "required": [BUSINESS_KEY, *(name for name in own.get("required", []) if name != BUSINESS_KEY)],
    }
