"""The features are known to bite: one gateway condition changed in a copy of a diagram fails a scenario."""

from __future__ import annotations

import shutil

from tests.features_run import ROOT, run_features

PRESCRIPTION_BESIDE = (
    "Resepti-palveluun tehdään oma erillinen hakemus Potilastietovarannon hakemuksen rinnalla aina, kun "
    "organisaatio laatii lääkemääräyksiä, ja muuten, jos se haluaa"
)


def test_turning_one_gateway_condition_around_fails_the_scenarios_that_pass_it(tmp_path):
    processes = tmp_path / "processes"
    shutil.copytree(ROOT / "processes", processes)
    diagram = processes / "vendor_package_onboarding.bpmn"
    original = diagram.read_text()
    # Patient Data Repository application approved? → its deployment test
    before, flow, after = original.partition('<bpmn:sequenceFlow id="Flow_pdr_approved"')
    condition = 'decision == "approved"'
    assert flow and after.index(condition) < after.index("</bpmn:sequenceFlow>")
    diagram.write_text(before + flow + after.replace(condition, 'decision != "approved"', 1))

    run = run_features("vendor_package_onboarding", tmp_path / "out", processes=processes)

    assert run.returncode == 1, run.output
    # Every scenario passes Kela's decision on the Patient Data Repository, and each now goes the wrong way.
    assert sorted(run.failed_scenarios()) == [
        "Ilman reseptiä hyväksytty hakemus vie suoraan käyttöönottokokeeseen, ja Kela pyytää "
        "myöhästynyttä raporttia",
        "Kumpikin hakemus odottaa omaa päätöstään rinnakkain, Kela hylkää ensin kummankin, ja "
        "käyttöönottokoe uusitaan korjauksen jälkeen",
        "Potilastietovarannon käyttöönottokoe ja raportti eivät odota Resepti-hakemuksen päätöstä, "
        "Resepti-palvelun omat tehtävät tehdään päätöstä odottaessa, ja epäonnistuneesta "
        "tuotantovalmiuden varmistamisesta voi luopua; uuden järjestelmän ensimmäisessä käyttöönotossa "
        "Resepti-palvelun käyttöönottokoe tehdään Kelan pyyntöä odottamatta, korjataan ja raportoidaan "
        "käytön aloittamisen rinnalla",
        "Resepti-palvelun käyttö aloitetaan ilman tuotantovalmiuden varmistamista Potilastietovarannon "
        "päätöstä odottamatta, ja vasta käyttöönoton loppu odottaa Potilastietovarannon "
        "käyttöönottokoetta; Kelan pyytämä Resepti-palvelun käyttöönottokoe tehdään ennen käytön "
        "aloitusta, ja myöhästyneestä raportista Kela muistuttaa",
        f"{PRESCRIPTION_BESIDE} (laatii: ei, haluaa: ei)",
        f"{PRESCRIPTION_BESIDE} (laatii: ei, haluaa: kyllä)",
        f"{PRESCRIPTION_BESIDE} (laatii: kyllä, haluaa: kyllä)",
        "Uusi Kanta-asiakas hyväksyy terveydenhuollon sitoumuksen hakemusten rinnalla, ja lääkemääräyksiä "
        "laatimaton organisaatio hakee Resepti-palvelua halutessaan ja tekee sen käyttöönottokokeen sanoin "
        "kirjatusta muusta syystä",
    ]
    # … and says where it went instead: to the correction where the approval should have led on.
    assert "('Palvelunantaja', 'Korjaa Potilastietovarannon hakemus')" in run.output


def test_an_invalid_catalogue_stops_the_features_at_once_with_what_validate_says(tmp_path):
    processes = tmp_path / "processes"
    shutil.copytree(ROOT / "processes", processes)
    form = processes / "forms" / "kj_joining_model.json"
    form.write_text(form.read_text().replace('"joining_model"', '"joining_mode"'))

    run = run_features("kanta_joining", tmp_path / "out", processes=processes)

    assert run.returncode == 1, run.output
    assert "reads 'joining_model'" in run.output
    assert "did you mean 'joining_mode'?" in run.output
    assert "Traceback" not in run.output and len(run.output.splitlines()) < 40, run.output

    # on every core: the workers are given no scenario, and their servers end with them
    every = run_features(None, tmp_path / "every", processes=processes, workers=2)

    assert every.returncode == 1, every.output
    assert "bringing up nodes" in every.output and "did you mean 'joining_mode'?" in every.output
    assert "no tests ran" in every.output, every.output
    assert "Traceback" not in every.output and len(every.output.splitlines()) < 40, every.output
