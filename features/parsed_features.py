"""pytest-bdd's read of a feature file, kept between runs: a text that has not changed is not parsed again.

Every process of a features run parses every feature file (each worker collects all of them, and the
controller weighs them for the shares): the Gherkin parser took 0.3–0.4 s of CPU a process over the
catalogue's features, three processes a run. What the Gherkin parser answers for a text is plain data (the
document as a dict), the same whenever that text is parsed by the same parser, so it is kept as JSON under
``build/features/parsed/``, named by a digest of the text and the versions of the Gherkin parser and
pytest-bdd; pytest-bdd builds its document from it as it does from a fresh parse. A text the parser refuses
is never kept: it is parsed by pytest-bdd's own function, which says why. pytest-bdd offers no option or hook
for this, so this module replaces the one function it reads a file with (``install``).
``tests/unit/test_parsed_features.py`` fails if pytest-bdd no longer reads its files through that function,
or if a kept document differs from a fresh parse.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import tempfile
from pathlib import Path

from gherkin.errors import CompositeParserException
from gherkin.parser import Parser
from pytest_bdd import parser as bdd_parser
from pytest_bdd.gherkin_parser import GherkinDocument

UNCACHED = bdd_parser.get_gherkin_document
KEPT = Path(__file__).resolve().parent.parent / "build" / "features" / "parsed"
# what a kept document depends on besides the text: the parser that made it, and the reader of it
_PARSERS = " ".join(
    f"{name}=={importlib.metadata.version(name)}" for name in ("gherkin-official", "pytest-bdd")
)


def kept_file(text: str, kept: Path = KEPT) -> Path:
    """Where the document of ``text`` is kept."""
    digest = hashlib.sha256((_PARSERS + "\n" + text).encode()).hexdigest()
    return kept / f"{digest}.json"


def get_gherkin_document(abs_filename: str, encoding: str = "utf-8", kept: Path = KEPT) -> GherkinDocument:
    """The document of a feature file, as pytest-bdd's own function reads it: from the kept parse of the
    same text, else parsed (and then kept)."""
    with open(abs_filename, encoding=encoding) as feature_file:
        text = feature_file.read()
    path = kept_file(text, kept)
    try:
        return GherkinDocument.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):  # none kept yet (or a file broken by a full disk): parsed anew
        pass
    try:
        data = Parser().parse(text)
    except CompositeParserException:
        return UNCACHED(abs_filename, encoding)  # pytest-bdd's own refusal, with the line it names
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # written aside and renamed: the workers of a run read and write the same files at once
        descriptor, written = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False)
        os.replace(written, path)
    except OSError:
        pass  # a folder not writable: the next run parses it again
    return GherkinDocument.from_dict(data)


def install() -> None:
    """Route pytest-bdd's read of a feature file through this module (its parser calls its module's
    ``get_gherkin_document`` by name)."""
    bdd_parser.get_gherkin_document = get_gherkin_document
