"""A feature file's kept parse (``features/parsed_features.py``) is what pytest-bdd's own read gives, is read
again while the text stands, is made anew when the text changes, and pytest-bdd still reads its files through
the function it replaces: a pytest-bdd or Gherkin parser that changes either fails here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_bdd import exceptions
from pytest_bdd import parser as bdd_parser

from features import parsed_features

FEATURES = Path(__file__).resolve().parents[2] / "features"

FEATURE = """# language: fi
Ominaisuus: Laskuri
  Tapaus: Yksi ja yksi
    Oletetaan luku 1
    Kun lisätään luku 1
    Niin tulos on 2
"""


def test_pytest_bdd_reads_its_feature_files_through_the_replaced_function(tmp_path, monkeypatch):
    (tmp_path / "laskuri.feature").write_text(FEATURE, encoding="utf-8")
    read = []

    def recording(abs_filename, encoding="utf-8"):
        read.append(abs_filename)
        return parsed_features.UNCACHED(abs_filename, encoding)

    monkeypatch.setattr(bdd_parser, "get_gherkin_document", recording)
    feature = bdd_parser.FeatureParser(str(tmp_path), "laskuri.feature").parse()
    assert read == [str(tmp_path / "laskuri.feature")]
    assert [step.name for step in feature.scenarios["Yksi ja yksi"].steps] == [
        "luku 1",
        "lisätään luku 1",
        "tulos on 2",
    ]


@pytest.mark.parametrize("feature_file", sorted(FEATURES.glob("*.feature")), ids=lambda path: path.name)
def test_a_kept_parse_is_pytest_bdds_own(feature_file, tmp_path):
    own = parsed_features.UNCACHED(str(feature_file))
    first = parsed_features.get_gherkin_document(str(feature_file), kept=tmp_path)
    assert parsed_features.kept_file(feature_file.read_text(encoding="utf-8"), tmp_path).exists()
    again = parsed_features.get_gherkin_document(str(feature_file), kept=tmp_path)
    assert first == own and again == own


def test_the_kept_parse_is_read_while_the_text_stands_and_a_changed_text_is_parsed_anew(tmp_path):
    feature_file = tmp_path / "laskuri.feature"
    feature_file.write_text(FEATURE, encoding="utf-8")
    kept = tmp_path / "kept"
    parsed_features.get_gherkin_document(str(feature_file), kept=kept)
    # the kept document says another scenario name: a read that parsed the file would not say it
    path = parsed_features.kept_file(FEATURE, kept)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["feature"]["children"][0]["scenario"]["name"] = "Luettu säilöstä"
    path.write_text(json.dumps(data), encoding="utf-8")
    read = parsed_features.get_gherkin_document(str(feature_file), kept=kept)
    assert read.feature.children[0].scenario.name == "Luettu säilöstä"

    changed = FEATURE.replace("Yksi ja yksi", "Kaksi ja yksi").replace("luku 1\n    Kun", "luku 2\n    Kun")
    feature_file.write_text(changed, encoding="utf-8")
    read = parsed_features.get_gherkin_document(str(feature_file), kept=kept)
    assert read == parsed_features.UNCACHED(str(feature_file))
    assert read.feature.children[0].scenario.name == "Kaksi ja yksi"
    assert sorted(kept.iterdir()) == sorted([path, parsed_features.kept_file(changed, kept)])


def test_a_text_the_parser_refuses_is_refused_as_pytest_bdd_refuses_it_and_never_kept(tmp_path):
    feature_file = tmp_path / "rikki.feature"
    feature_file.write_text(
        "# language: fi\nOminaisuus: Rikki\n  Tapaus: Rivi\n    Oletetaan luku 1\n    ei askel\n",
        encoding="utf-8",
    )
    with pytest.raises(exceptions.GherkinParseError) as own:
        parsed_features.UNCACHED(str(feature_file))
    with pytest.raises(exceptions.GherkinParseError) as refused:
        parsed_features.get_gherkin_document(str(feature_file), kept=tmp_path / "kept")
    assert (type(refused.value), str(refused.value)) == (type(own.value), str(own.value))
    assert not (tmp_path / "kept").exists()
