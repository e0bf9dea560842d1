"""Element names in the caller's language: the ``Accept-Language`` request header picks Finnish (the
default, the diagrams' own), English or Swedish; the answer's ``Content-Language`` says which languages its
names are in (the diagram's Finnish after the one asked for when an element has no name in it)."""

from __future__ import annotations

from functools import wraps

from flask import Flask, current_app, g, request

from engine import NAME_LANGUAGES


def preferred_language(offered) -> str:
    """The first of ``offered`` in the caller's order of preference, a regional tag counting as its language
    (``en-GB,fi;q=0.5`` is English: werkzeug's ``best_match`` would take the exact ``fi`` over ``en-GB``);
    the first offered (Finnish) when none is accepted."""
    for tag, quality in request.accept_languages:  # highest quality first
        language = tag.lower().split("-")[0]
        if quality > 0 and language in offered:
            return language
    return offered[0]


def requested_language() -> str:
    """The best of the name languages the caller accepts; Finnish when none."""
    return preferred_language(NAME_LANGUAGES)


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
        if "Vary" in response.headers:
            response.vary.add("Accept-Language")
        else:  # the usual answer: set, without parsing and writing back a header set
            response.headers["Vary"] = "Accept-Language"
    return response


def register(app: Flask) -> None:
    app.after_request(_say_languages)
