"""The start form: what a person gives to start an onboarding, a JSON Schema like a task's form.

An onboarding is about one organisation, known by its business ID (Y-tunnus, the instance's business key)
and its name. The catalogue's start events draw no form of their own, so every process starts from this
one; its data is judged by the same checks as a task's form, so a wrong check digit is refused with the
field named before anything is stored.
"""

from __future__ import annotations

BUSINESS_KEY = "business_key"  # the field that becomes the instance's business key; the others, variables

START_FORM = {
    "title": "Start onboarding",
    "type": "object",
    "properties": {
        BUSINESS_KEY: {
            "type": "string",
            "format": "fi-business-id",
            "title": "Business ID (Y-tunnus)",
            "description": "Seven digits, a hyphen and the check digit, e.g. 0737546-2.",
        },
        "organisation_name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200,
            "title": "Organisation name",
            "description": "As in the Finnish Trade Register, e.g. Hoivakoti Aurinko Oy.",
        },
    },
    "required": [BUSINESS_KEY, "organisation_name"],
    "additionalProperties": False,
}
