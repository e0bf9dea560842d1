"""Element names in the caller's language: the ``Accept-Language`` request header picks Finnish (the
default, the diagrams' own), English or Swedish; the answer's ``Content-Language`` says which languages its
names are in (the diagram's Finnish after the one asked for when an element has no name in it)."""

from __future__ import annotations

from functools import wraps

from flask import Flask, current_app, g, request

from engine import NAME_LANGUAGES


def requested_language() -> str:
    """The best of the name languages the caller accepts (``en-GB`` is English); Finnish when none."""
    return request.accept_languages.best_match(NAME_LANGUAGES, default=NAME_LANGUAGES[0])


def in_requested_language(view):
    """Shows the element names in what ``view`` answers in the caller's language."""

    @wraps(view)
    def named(*args, **kwargs):
        result = view(*args, **kwargs)
        answer, rest = (result[0], result[1:]) if isinstance(result, tuple) else (result, ())
        answer, languages = current_app.extensions["kanta_engine"].in_language(answer, requested_language())
        if languages:
            g.name_languages = languages
        return (answer, *rest) if rest else answer

    return named


def _say_languages(response):
    if languages := g.get("name_languages"):
        response.headers["Content-Language"] = ", ".join(languages)
    if request.path.startswith("/api/"):
        response.vary.add("Accept-Language")
    return response


def register(app: Flask) -> None:
    app.after_request(_say_languages)
