"""The features are known to bite: one gateway condition changed in a copy of a diagram fails a scenario."""

from __future__ import annotations

import shutil

from tests.features_run import ROOT, run_features


def test_turning_one_gateway_condition_around_fails_the_scenarios_that_pass_it(tmp_path):
    processes = tmp_path / "processes"
    shutil.copytree(ROOT / "processes", processes)
    diagram = processes / "vendor_package_onboarding.bpmn"
    original = diagram.read_text()
    condition = 'decision == "approved"'  # Applications approved? → Update the self-monitoring plan
    assert original.count(condition) == 1
    diagram.write_text(original.replace(condition, 'decision != "approved"'))

    run = run_features("vendor_package_onboarding", tmp_path / "out", processes=processes)

    assert run.returncode == 1, run.output
    # Every scenario that passes Kela's decision now goes the wrong way; the outline stops before it.
    assert sorted(run.failed_scenarios()) == [
        "Ilman reseptiä hyväksytty hakemus vie suoraan omavalvontasuunnitelman päivitykseen",
        "Resepti haetaan erikseen, Kela hylkää ensin ja hyväksyy korjatut hakemukset",
    ]
    # … and says where it went instead: to the self-monitoring plan where a correction was due.
    assert "('Service provider', 'Update the self-monitoring plan')" in run.output


def test_an_invalid_catalogue_stops_the_features_at_once_with_what_validate_says(tmp_path):
    processes = tmp_path / "processes"
    shutil.copytree(ROOT / "processes", processes)
    form = processes / "forms" / "kj_register_check.json"
    form.write_text(form.read_text().replace('"register_entries_valid"', '"register_entries_ok"'))

    run = run_features("kanta_joining", tmp_path / "out", processes=processes)

    assert run.returncode == 1, run.output
    assert "reads 'register_entries_valid'" in run.output
    assert "did you mean 'register_entries_ok'?" in run.output
    assert "Traceback" not in run.output and len(run.output.splitlines()) < 40, run.output
