"""A refused field's message in the caller's language (``Accept-Language``: Finnish by default, Swedish,
English), its field's path unchanged.

Two libraries refuse fields, each in its own English: marshmallow a request's body, query or headers, and
jsonschema the data a form takes (a task's, the start page's, a message's payload). The engine gives a
form's refusal as a stable ``reason`` with the ``values`` it speaks of (engine/catalogue/forms.py); a
marshmallow message is read back into one here, by the library's own default wording. The common ones are
worded here in Finnish and Swedish; English is the library's sentence as it was; a message with no words
here (a schema's own check, a rarer keyword) stays as the library says it."""

from __future__ import annotations

import json
import re

from .refusals import ENGLISH, filled

# Each reason's sentence, with the names of its values in braces.
SENTENCES = {
    # jsonschema, as engine/catalogue/forms.py names its reasons
    "required": {"fi": "Kenttä on pakollinen.", "sv": "Fältet är obligatoriskt."},
    "required-with": {
        "fi": "Kenttä on pakollinen, kun {given} on annettu.",
        "sv": "Fältet är obligatoriskt när {given} är angivet.",
    },
    "not-a-field": {"fi": "Kenttä ei kuulu tähän lomakkeeseen.", "sv": "Fältet hör inte till formuläret."},
    "read-only": {
        "fi": "Kenttä on vain luettavissa: lomake näyttää sen, mutta tehtävä ei ota sitä vastaan.",
        "sv": "Fältet är skrivskyddat: formuläret visar det, men uppgiften tar inte emot det.",
    },
    "format-fi-business-id": {
        "fi": "{given} ei ole kelvollinen Y-tunnus: seitsemän numeroa, väliviiva ja oikea tarkistusnumero.",
        "sv": "{given} är inget giltigt FO-nummer: sju siffror, ett bindestreck och rätt kontrollsiffra.",
    },
    "format-oid": {
        "fi": "{given} ei ole OID-tunnus: pisteillä erotettuja numeroita, kuten 1.2.246.537.",
        "sv": "{given} är ingen OID: siffror åtskilda av punkter, till exempel 1.2.246.537.",
    },
    "format-date": {
        "fi": "{given} ei ole päivämäärä muodossa VVVV-KK-PP.",
        "sv": "{given} är inget datum i formen ÅÅÅÅ-MM-DD.",
    },
    "format-email": {"fi": "{given} ei ole sähköpostiosoite.", "sv": "{given} är ingen e-postadress."},
    "format-ipv4": {
        "fi": "{given} ei ole IPv4-osoite, kuten 192.0.2.10.",
        "sv": "{given} är ingen IPv4-adress, till exempel 192.0.2.10.",
    },
    "format-ipv6": {
        "fi": "{given} ei ole IPv6-osoite, kuten 2001:db8::10.",
        "sv": "{given} är ingen IPv6-adress, till exempel 2001:db8::10.",
    },
    "format-ip-address": {
        "fi": "{given} ei ole IP-osoite: IPv4, kuten 192.0.2.10, tai IPv6, kuten 2001:db8::10.",
        "sv": "{given} är ingen IP-adress: IPv4, till exempel 192.0.2.10, eller IPv6, till exempel "
        "2001:db8::10.",
    },
    "format-hostname": {
        "fi": "{given} ei ole DNS-nimi, kuten liityntapiste.example.fi.",
        "sv": "{given} är inget DNS-namn, till exempel liityntapiste.example.fi.",
    },
    "date-too-early": {
        "fi": "{given} on aikaisempi kuin kenttään käy: anna päivämäärä {bound} tai myöhemmin.",
        "sv": "{given} är tidigare än fältet tar emot: ange ett datum från och med {bound}.",
    },
    "date-too-late": {
        "fi": "{given} on myöhäisempi kuin kenttään käy: anna päivämäärä viimeistään {bound}.",
        "sv": "{given} är senare än fältet tar emot: ange ett datum senast {bound}.",
    },
    "must-tick": {"fi": "Arvon on oltava true.", "sv": "Värdet måste vara true."},
    "must-untick": {"fi": "Arvon on oltava false.", "sv": "Värdet måste vara false."},
    "not-a-choice": {
        "fi": "{given} ei ole mikään vaihtoehdoista.",
        "sv": "{given} är inget av alternativen.",
    },
    "fill-in": {"fi": "Kenttä ei voi olla tyhjä.", "sv": "Fältet får inte vara tomt."},
    "too-short": {"fi": "Kirjoita vähintään {count} merkkiä.", "sv": "Skriv minst {count} tecken."},
    "too-long": {
        "fi": "Kirjoita enintään {count} merkkiä (tässä on {length}).",
        "sv": "Skriv högst {count} tecken (här finns {length}).",
    },
    "at-least": {
        "fi": "{given} on liian pieni: anna vähintään {bound}.",
        "sv": "{given} är för litet: ange minst {bound}.",
    },
    "more-than": {
        "fi": "{given} on liian pieni: anna suurempi kuin {bound}.",
        "sv": "{given} är för litet: ange mer än {bound}.",
    },
    "at-most": {
        "fi": "{given} on liian suuri: anna enintään {bound}.",
        "sv": "{given} är för stort: ange högst {bound}.",
    },
    "less-than": {
        "fi": "{given} on liian suuri: anna pienempi kuin {bound}.",
        "sv": "{given} är för stort: ange mindre än {bound}.",
    },
    "not-as-asked": {
        "fi": "{given} ei ole kirjoitettu niin kuin kenttä edellyttää.",
        "sv": "{given} är inte skrivet så som fältet kräver.",
    },
    "wrong-type": {"fi": "Arvon on oltava {kind}.", "sv": "Värdet måste vara {kind}."},
    # marshmallow's, read back from its default messages (``_MARSHMALLOW``)
    "unknown-field": {"fi": "Tuntematon kenttä.", "sv": "Okänt fält."},
    "not-null": {"fi": "Kentän arvo ei voi olla null.", "sv": "Fältets värde kan inte vara null."},
    "one-of": {
        "fi": "Arvon on oltava jokin näistä: {choices}.",
        "sv": "Värdet måste vara något av dessa: {choices}.",
    },
    "length-at-least": {"fi": "Pituuden on oltava vähintään {min}.", "sv": "Längden måste vara minst {min}."},
    "length-at-most": {"fi": "Pituus saa olla enintään {max}.", "sv": "Längden får vara högst {max}."},
    "length-between": {
        "fi": "Pituuden on oltava vähintään {min} ja enintään {max}.",
        "sv": "Längden måste vara minst {min} och högst {max}.",
    },
    "length-equal": {"fi": "Pituuden on oltava {equal}.", "sv": "Längden måste vara {equal}."},
    "value-at-least": {"fi": "Arvon on oltava vähintään {min}.", "sv": "Värdet måste vara minst {min}."},
    "value-more-than": {
        "fi": "Arvon on oltava suurempi kuin {min}.",
        "sv": "Värdet måste vara större än {min}.",
    },
    "value-at-most": {"fi": "Arvo saa olla enintään {max}.", "sv": "Värdet får vara högst {max}."},
    "value-less-than": {
        "fi": "Arvon on oltava pienempi kuin {max}.",
        "sv": "Värdet måste vara mindre än {max}.",
    },
    "value-between": {
        "fi": "Arvon on oltava vähintään {min} ja enintään {max}.",
        "sv": "Värdet måste vara minst {min} och högst {max}.",
    },
    "no-pattern-match": {
        "fi": "Arvoa ei ole kirjoitettu niin kuin kenttä edellyttää.",
        "sv": "Värdet är inte skrivet så som fältet kräver.",
    },
    "no-email": {"fi": "Arvo ei ole sähköpostiosoite.", "sv": "Värdet är ingen e-postadress."},
}

# What a value must be, as "Arvon on oltava …" / "Värdet måste vara …" goes on: by JSON Schema's type
# names and marshmallow's.
_KINDS = {
    "fi": {
        "string": "tekstiä",
        "integer": "kokonaisluku",
        "number": "luku",
        "boolean": "totuusarvo (true tai false)",
        "array": "lista",
        "object": "JSON-olio",
        "null": "null",
        "date": "päivämäärä",
        "datetime": "ajanhetki",
        "uuid": "UUID-tunniste",
    },
    "sv": {
        "string": "text",
        "integer": "ett heltal",
        "number": "ett tal",
        "boolean": "ett sanningsvärde (true eller false)",
        "array": "en lista",
        "object": "ett JSON-objekt",
        "null": "null",
        "date": "ett datum",
        "datetime": "en tidpunkt",
        "uuid": "ett UUID",
    },
}

# marshmallow's default messages (fields.py, validate.py, schema.py) -> the reason they say; the kind of
# a "Not a valid …" message is its JSON Schema name.
_NOT_A_VALID = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
    "list": "array",
    "tuple": "array",
    "mapping type": "object",
    "date": "date",
    "datetime": "datetime",
    "UUID": "uuid",
}
_MARSHMALLOW = [
    (re.compile(r"Missing data for required field\."), "required"),
    (re.compile(r"Field may not be null\."), "not-null"),
    (re.compile(r"Unknown field\."), "unknown-field"),
    (re.compile(r"Invalid input type\."), "wrong-type", {"kind": "object"}),
    (re.compile(r"Not a valid (?P<kind>.+)\."), "wrong-type"),
    (re.compile(r"Must be one of: (?P<choices>.*)\."), "one-of"),
    (re.compile(r"Shorter than minimum length (?P<min>\S+)\."), "length-at-least"),
    (re.compile(r"Longer than maximum length (?P<max>\S+)\."), "length-at-most"),
    (re.compile(r"Length must be between (?P<min>\S+) and (?P<max>\S+)\."), "length-between"),
    (re.compile(r"Length must be (?P<equal>\S+)\."), "length-equal"),
    (
        re.compile(r"Must be greater than or equal to (?P<min>\S+) and less than or equal to (?P<max>\S+)\."),
        "value-between",
    ),
    (re.compile(r"Must be greater than or equal to (?P<min>\S+)\."), "value-at-least"),
    (re.compile(r"Must be greater than (?P<min>\S+)\."), "value-more-than"),
    (re.compile(r"Must be less than or equal to (?P<max>\S+)\."), "value-at-most"),
    (re.compile(r"Must be less than (?P<max>\S+)\."), "value-less-than"),
    (re.compile(r"String does not match expected pattern\."), "no-pattern-match"),
    (re.compile(r"Not a valid email address\."), "no-email"),
]


def marshmallow_reason(message: str) -> tuple[str | None, dict]:
    """The reason a marshmallow default message says, with its values; (None, {}) for another message."""
    for pattern, reason, *fixed in _MARSHMALLOW:
        matched = pattern.fullmatch(message)
        if matched is None:
            continue
        values = {**(fixed[0] if fixed else {}), **matched.groupdict()}
        if reason == "wrong-type":
            if values["kind"] not in _NOT_A_VALID.values():
                values["kind"] = _NOT_A_VALID.get(values["kind"])
            if values["kind"] is None:
                return None, {}
        return reason, values
    return None, {}


def worded(reason: str | None, values: dict | None, language: str, english: str) -> str:
    """A field's refusal in ``language``; ``english`` (the library's words) in English, or when the reason
    has no words in the language."""
    template = SENTENCES.get(reason or "", {}).get(language) if language != ENGLISH else None
    if template is None:
        return english
    shown = {name: _shown(name, value, language) for name, value in (values or {}).items()}
    return filled(template, shown, english)


def _shown(name: str, value, language: str) -> str:
    if name == "kind":
        return _KINDS[language].get(str(value), str(value))
    if name == "given" and isinstance(value, str):
        return f"”{value}”"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
