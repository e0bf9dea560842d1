"""Every rule of the catalogue says where it comes from.

Each user task, deciding gateway, timer, message catch and business rule task of a diagram, and each rule of a
decision table, carries in its documentation (a rule: its description) at least one line

    Source: <seed prefix> "<the Finnish sentence, quoted>"
    Source: organisation's own practice: <why>

and every quoted sentence is in the seed it names (``../shared/seeds/<prefix>_*.txt`` beside the repository,
as CI has it), compared with whitespace collapsed, since the seeds break lines anywhere. A gateway that only
merges flows decides nothing, so it needs no source.

A documentation text that names a seed ("(seed 003)", "seeds 001, 002", "Seed 004", "lähde 004", in a
``Rule:`` line or any other) quotes that seed: an element in a ``Source:`` line of its own, a process or a
decision table (whose summary speaks for its elements) in one of its elements or rules. A rule that names a
seed no quote of it backs sends the reader to a seed that does not say it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from features.traceability import OWN_PRACTICE, QUOTED, collapsed, seed_texts, traced_elements

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "processes"
SEEDS = ROOT.parent / "shared" / "seeds"
# "seed 003", "Seeds 001, 000 and 004", "lähde 004", "lähteessä 001", "(004 "…")": a seed named in prose
SEED_NAMED = re.compile(
    r"\b(?:seeds?|lähde|lähteet|lähteen|lähteessä|lähteiden)\s+(?P<seeds>\d{3}(?:(?:\s*,\s*|\s+(?:and|ja)\s+)\d{3})*)"
    r"|\((?P<bare>00\d)\s",  # an own-practice line's aside: (001 "3. Tee lopuksi …"), (000 lists …)
    re.IGNORECASE,
)


def source_problems(text: str, seeds: dict[str, str]) -> list[str]:
    """What is wrong with the sources a documentation text gives: none, a malformed line, a misquote."""
    lines = [line.strip() for line in text.splitlines() if line.strip().startswith("Source:")]
    if not lines:
        return [
            'no source: add a line Source: <seed> "<quote>" or Source: organisation\'s own practice: <why>'
        ]
    problems = []
    for line in lines:
        quoted = QUOTED.match(line)
        if quoted:
            seed, quote = quoted["seed"], collapsed(quoted["quote"])
            if seed not in seeds:
                problems.append(f"seed {seed} does not exist (seeds: {', '.join(seeds)})")
            elif quote not in seeds[seed]:
                problems.append(f'seed {seed} does not say "{quote}"')
        elif not OWN_PRACTICE.match(line):
            problems.append(f"not a source line: {line}")
    return problems


def misquotes(catalogue: Path, seeds: dict[str, str]) -> list[str]:
    """``file:line: [element id]`` and the problem of each ``Source:`` line anywhere in the catalogue's
    diagrams and decision tables (a process's, a call activity's, an end event's documentation too, not only
    the elements that must have one) whose quote is not in the seed it names."""
    found = []
    for path in sorted([*catalogue.glob("*.bpmn"), *catalogue.glob("*.dmn")]):
        for text in etree.parse(str(path), _PARSER).iter(etree.Element):
            if etree.QName(text).localname not in ("documentation", "description") or not text.text:
                continue
            owner = text.getparent().get("id")
            for number, line in enumerate(text.text.splitlines()):
                quoted = QUOTED.match(line.strip())
                if quoted is None:
                    continue
                seed, quote = quoted["seed"], collapsed(quoted["quote"])
                if quote not in seeds.get(seed, ""):
                    where = f"{path.name}:{text.sourceline + number}: [{owner}]"
                    found.append(f'{where} seed {seed} does not say "{quote}"')
    return found


def seeds_named(text: str) -> set[str]:
    """The seeds a documentation text names in prose, not counting the seed prefixes of its quoted sources."""
    named = set()
    for line in text.splitlines():
        if QUOTED.match(line.strip()) is None:
            for naming in SEED_NAMED.finditer(line):
                named.update(re.findall(r"\d{3}", naming["seeds"] or naming["bare"]))
    return named


def seeds_quoted(text: str) -> set[str]:
    return {quoted["seed"] for line in text.splitlines() if (quoted := QUOTED.match(line.strip()))}


def unquoted_seeds(catalogue: Path) -> list[str]:
    """``file: [owner id] names seed 00N ...`` for each seed a documentation text names but does not quote.
    An element's text (a task's, an event's, a flow's, a decision rule's) quotes the seeds it names itself;
    the summary of a process or a decision speaks for the whole: a quote in it or its elements backs it."""
    found = []
    for path in sorted([*catalogue.glob("*.bpmn"), *catalogue.glob("*.dmn")]):
        root = etree.parse(str(path), _PARSER).getroot()
        for text in root.iter(etree.Element):
            if etree.QName(text).localname not in ("documentation", "description") or not text.text:
                continue
            owner = text.getparent()
            if etree.QName(owner).localname in ("process", "decision"):
                within = [t.text or "" for t in owner.iter(text.tag)]  # its own lines too
                quoted, where = set().union(*map(seeds_quoted, within)), "it and its elements"
            else:
                quoted, where = seeds_quoted(text.text), "its own Source lines"
            for seed in sorted(seeds_named(text.text) - quoted):
                found.append(
                    f"{path.name}: [{owner.get('id')}] names seed {seed} but {where} quote nothing of it: "
                    f'add Source: {seed} "<the sentence>", or correct the seed it names'
                )
    return found


def catalogue_problems(catalogue: Path, seeds: dict[str, str]) -> list[str]:
    return [
        f"{traced.file}: [{traced.element_id}] {problem}"
        for traced in traced_elements(catalogue)
        for problem in source_problems(traced.text, seeds)
    ]


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    # Not a skip: without the seeds nothing here can be checked, so the set-up is broken.
    assert SEEDS.is_dir(), f"the seed documents are expected beside the repository, in {SEEDS}"
    texts = seed_texts(SEEDS)
    assert texts, f"no seed documents (*.txt) in {SEEDS}"
    return texts


def test_every_rule_of_the_catalogue_quotes_its_seed_or_says_it_is_own_practice(seeds):
    traced = traced_elements(CATALOGUE)
    assert len(traced) > 100, "the catalogue's elements were not found"
    assert catalogue_problems(CATALOGUE, seeds) == []


def test_every_quote_anywhere_in_the_catalogue_is_in_the_seed_it_names(seeds):
    assert misquotes(CATALOGUE, seeds) == []


def test_every_seed_a_rule_names_is_quoted_where_it_is_named():
    assert unquoted_seeds(CATALOGUE) == []


def test_a_seed_named_but_not_quoted_is_found(tmp_path):
    (tmp_path / "naming.bpmn").write_text(NAMING, encoding="utf-8")
    assert [problem.split(" but ")[0] for problem in unquoted_seeds(tmp_path)] == [
        "naming.bpmn: [p] names seed 002",
        "naming.bpmn: [Task_named_elsewhere] names seed 003",
        "naming.bpmn: [Task_named_elsewhere] names seed 004",
        "naming.bpmn: [Task_aside] names seed 001",
        "naming.bpmn: [End_finnish] names seed 004",
    ]


NAMING = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:documentation>Process (seeds 001 and 003, 002): the summary</bpmn:documentation>
    <bpmn:userTask id="Task_backed" name="A">
      <bpmn:documentation>Rule: contact the vendor (seed 001)
Source: 001 "Ota yhteyttä järjestelmätoimittajaasi."</bpmn:documentation>
    </bpmn:userTask>
    <bpmn:userTask id="Task_named_elsewhere" name="B">
      <bpmn:documentation>Rule: report to Kela (Seeds 001, 003, 004); 500 000 documents
Source: 001 "Saat heiltä ohjeet."
Source: organisation's own practice: seed 003 says it</bpmn:documentation>
    </bpmn:userTask>
    <bpmn:userTask id="Task_aside" name="D">
      <bpmn:documentation>Rule: 500 000 documents, Act 703/2023 (own practice)
Source: organisation's own practice: straight to the test (001 "Saat heiltä ohjeet.")</bpmn:documentation>
    </bpmn:userTask>
    <bpmn:userTask id="Task_quoting_only" name="C">
      <bpmn:documentation>Source: 003 "Saat heiltä ohjeet."</bpmn:documentation>
    </bpmn:userTask>
    <bpmn:endEvent id="End_finnish">
      <bpmn:documentation>Lähde 004 sanoo niin.</bpmn:documentation>
    </bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>
"""


def test_a_quote_the_seed_lacks_is_found_on_any_element(tmp_path):
    (tmp_path / "quoting.bpmn").write_text(QUOTING, encoding="utf-8")
    seeds = {"001": collapsed("1. Ota yhteyttä järjestelmätoimittajaasi. Saat heiltä ohjeet.")}
    assert misquotes(tmp_path, seeds) == [
        'quoting.bpmn:4: [p] seed 001 does not say "Kanta on ilmainen."',
        'quoting.bpmn:9: [End_done] seed 003 does not say "Saat heiltä ohjeet."',
    ]


QUOTING = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:documentation>Source: 001 "Kanta on ilmainen."</bpmn:documentation>
    <bpmn:callActivity id="Call_quoted">
      <bpmn:documentation>Source: 001 "Saat heiltä   ohjeet."</bpmn:documentation>
    </bpmn:callActivity>
    <bpmn:endEvent id="End_done"><bpmn:documentation>Why it ends.
Source: 003 "Saat heiltä ohjeet."</bpmn:documentation></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>
"""


UNTRACED = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:userTask id="Task_without_source" name="A">
      <bpmn:documentation>FI: jotain
Rule: something (seed 001)</bpmn:documentation>
    </bpmn:userTask>
    <bpmn:userTask id="Task_misquoted" name="B">
      <bpmn:documentation>Source: 001 "Kanta-palvelut ovat maksuttomia."</bpmn:documentation>
    </bpmn:userTask>
    <bpmn:userTask id="Task_quoted" name="C">
      <bpmn:documentation>Source: 001 "Ota  yhteyttä   järjestelmätoimittajaasi."</bpmn:documentation>
    </bpmn:userTask>
    <bpmn:userTask id="Task_own_practice" name="D">
      <bpmn:documentation>Source: organisation's own practice: filed again</bpmn:documentation>
    </bpmn:userTask>
    <bpmn:exclusiveGateway id="Gateway_merge_only">
      <bpmn:outgoing>f1</bpmn:outgoing>
    </bpmn:exclusiveGateway>
    <bpmn:exclusiveGateway id="Gateway_deciding" name="?">
      <bpmn:outgoing>f2</bpmn:outgoing>
      <bpmn:outgoing>f3</bpmn:outgoing>
    </bpmn:exclusiveGateway>
    <bpmn:boundaryEvent id="Timer_unsourced" attachedToRef="Task_quoted">
      <bpmn:timerEventDefinition />
    </bpmn:boundaryEvent>
    <bpmn:intermediateCatchEvent id="Catch_unknown_seed">
      <bpmn:documentation>Source: 009 "Mitä tahansa"</bpmn:documentation>
      <bpmn:messageEventDefinition />
    </bpmn:intermediateCatchEvent>
  </bpmn:process>
</bpmn:definitions>
"""


def test_an_element_without_a_source_or_with_a_quote_the_seed_lacks_is_named(tmp_path):
    (tmp_path / "untraced.bpmn").write_text(UNTRACED, encoding="utf-8")
    seeds = {"001": collapsed("1. Ota yhteyttä järjestelmätoimittajaasi. Saat heiltä ohjeet.")}
    problems = catalogue_problems(tmp_path, seeds)
    assert [problem.split(" ", 2)[1] for problem in problems] == [
        "[Task_without_source]",
        "[Task_misquoted]",
        "[Gateway_deciding]",
        "[Timer_unsourced]",
        "[Catch_unknown_seed]",
    ]
    assert 'seed 001 does not say "Kanta-palvelut ovat maksuttomia."' in problems[1]
    assert "seed 009 does not exist" in problems[4]
