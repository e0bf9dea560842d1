"""Forms in the language a reader asks for.

A form (a user task's, a start form, a message contract) words its titles, descriptions and choice labels in
Finnish, the catalogue's language, and keeps the English beside each as a JSON Schema annotation named by one
rule: the keyword, without its own ``x-``, as ``x-<keyword>-en``: ``x-title-en`` beside ``title``,
``x-description-en`` beside ``description``, ``x-enum-labels-en`` beside ``x-enum-labels``
(processes/README.md). A reader who asks for another language gets each of them in it where the form gives
it, else the Finnish; the schema is otherwise the form as deployed (field names, types, choices and rules
never change with the language)."""

from __future__ import annotations

from collections.abc import Hashable

WORDED = ("title", "description", "x-enum-labels")  # the keywords a person reads


def annotation(keyword: str, language: str) -> str:
    """The keyword that keeps ``keyword``'s words in ``language``: ``x-title-en`` beside ``title``,
    ``x-enum-labels-en`` beside ``x-enum-labels``."""
    return f"x-{keyword.removeprefix('x-')}-{language}"


def _words(value) -> bool:
    """Text, or a list of labels; a property named "title" is a subschema (a dict), not words."""
    return isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))


def worded(schema, language: str, diagram_language: str) -> tuple[object, frozenset[str]]:
    """``schema`` with every title, description and list of choice labels in ``language`` where it gives
    them, and the languages the words shown are in (none for a schema without words)."""
    used: set[str] = set()

    def walk(node):
        if isinstance(node, list):
            return [walk(item) for item in node]
        if not isinstance(node, dict):
            return node
        out = {key: walk(value) for key, value in node.items()}
        for keyword in WORDED:
            if not _words(node.get(keyword)):
                continue
            translated = node.get(annotation(keyword, language))
            if language != diagram_language and _words(translated):
                out[keyword] = translated
                used.add(language)
            else:
                used.add(diagram_language)
        return out

    if language == diagram_language:
        walk(schema)  # only to learn whether it has words; the schema is shown as deployed
        return schema, frozenset(used)
    return walk(schema), frozenset(used)


class FormWordCache:
    """The worded forms of each definition version; a deployed form never changes, so they are kept for good.
    What is kept is shared by the answers that show it: readers must not change it."""

    def __init__(self, diagram_language: str):
        self._diagram_language = diagram_language
        self._kept: dict[Hashable, tuple[object, frozenset[str]]] = {}

    def of(self, where: Hashable | None, schema, language: str) -> tuple[object, frozenset[str]]:
        """``schema`` worded in ``language``; ``where`` names the form within a definition version (None: a
        form of no known version, worked out each time)."""
        if schema is None:
            return None, frozenset()
        if where is None:
            return worded(schema, language, self._diagram_language)
        kept = self._kept.get((where, language))
        if kept is None:
            kept = worded(schema, language, self._diagram_language)
            self._kept[(where, language)] = kept
        return kept
