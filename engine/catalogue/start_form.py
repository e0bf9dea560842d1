"""The form a person fills to start an onboarding: the organisation's business ID (Y-tunnus, the instance's
business key) and the fields of the process's own start form, or, for a process that draws none, the
organisation's name. Judged by the same checks as a task's form, so a wrong check digit is refused with its
field named before anything is stored.
"""

from __future__ import annotations

BUSINESS_KEY = "business_key"  # the field that becomes the instance's business key; the others, variables

# The words of the fields this form adds, in each language a reader may ask for (engine/names.py): what a
# process's own start form says is the analysts' and stays as they wrote it.
_WORDS = {
    "fi": {
        "business_id": ("Y-tunnus", "Seitsemän numeroa, väliviiva ja tarkistusnumero, esim. 0737546-2."),
        "organisation_name": ("Organisaation nimi", "Kuten kaupparekisterissä, esim. Hoivakoti Aurinko Oy."),
        "form": "Aloita liittyminen",
    },
    "sv": {
        "business_id": (
            "FO-nummer (Y-tunnus)",
            "Sju siffror, ett bindestreck och kontrollsiffran, t.ex. 0737546-2.",
        ),
        "organisation_name": ("Organisationens namn", "Som i handelsregistret, t.ex. Hoivakoti Aurinko Oy."),
        "form": "Starta anslutning",
    },
    "en": {
        "business_id": (
            "Business ID (Y-tunnus)",
            "Seven digits, a hyphen and the check digit, e.g. 0737546-2.",
        ),
        "organisation_name": (
            "Organisation name",
            "As in the Finnish Trade Register, e.g. Hoivakoti Aurinko Oy.",
        ),
        "form": "Start onboarding",
    },
}


def _business_id(words: dict) -> dict:
    title, description = words["business_id"]
    return {"type": "string", "format": "fi-business-id", "title": title, "description": description}


def default_start_form(language: str = "fi") -> dict:
    """What a process that draws no start form of its own is started with: the organisation's name."""
    title, description = _WORDS[language]["organisation_name"]
    return {
        "type": "object",
        "properties": {
            "organisation_name": {
                "type": "string",
                "minLength": 1,
                "maxLength": 200,
                "title": title,
                "description": description,
            },
        },
        "required": ["organisation_name"],
        "additionalProperties": False,
    }


def start_page_form(start_form: dict | None, language: str = "fi") -> dict:
    """The business ID, then the fields of ``start_form`` (the process's own, from camunda:formData), or of
    the default start form when it has none; the fields this adds worded in ``language``."""
    words = _WORDS[language]
    own = start_form or default_start_form(language)
    return {
        **own,
        "title": own.get("title") or words["form"],
        "type": "object",
        "properties": {BUSINESS_KEY: _business_id(words), **own.get("properties", {})},
        "required": [BUSINESS_KEY, *(name for name in own.get("required", []) if name != BUSINESS_KEY)],
    }
