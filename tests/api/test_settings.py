"""Settings come from one place: a value given wins over KANTA_* in the environment, which wins over the
default; making the app only wires things (no migration, no deployment, no timer thread)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from api import catalogue_report
from api.app import create_app
from api.cli import main
from api.server import prepare
from api.settings import Settings
from engine import Conflict, Engine
from tests.conftest import PROCESSES


def test_a_given_value_wins_over_the_environment_which_wins_over_the_default(tmp_path):
    environment = {"KANTA_DATA_DIR": str(tmp_path / "from-env"), "KANTA_PROCESSES_DIR": "elsewhere"}
    settings = Settings.from_environment(environment, data_dir=str(tmp_path / "given"), processes_dir=None)
    assert settings.data_dir == str(tmp_path / "given")
    assert settings.processes_dir == "elsewhere"
    assert (settings.clock, settings.timer_interval, settings.tokens) == ("system", "5", "")


def test_the_default_database_is_sqlite_in_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert Settings.from_environment({}).database_url == f"sqlite:///{tmp_path}/data/kanta.sqlite3"
    given = Settings.from_environment({"KANTA_DATA_DIR": "/srv/kanta"})
    assert given.database_url == "sqlite:////srv/kanta/kanta.sqlite3"
    url = "postgresql+psycopg://kanta@db/kanta"
    assert Settings.from_environment({"KANTA_DATABASE_URL": url}).database_url == url


def test_an_unknown_setting_is_refused():
    with pytest.raises(TypeError, match="no such setting: colour"):
        Settings.from_environment({}, colour="blue")


@pytest.mark.parametrize("given", ["yes", "-1", "1.5"])
def test_trusted_proxies_are_counted_in_whole_hops_and_none_by_default(given):
    assert Settings.from_environment({}).as_config()["KANTA_TRUSTED_PROXIES"] == 0
    assert Settings.from_environment({"KANTA_TRUSTED_PROXIES": "2"}).as_config()["KANTA_TRUSTED_PROXIES"] == 2
    with pytest.raises(ValueError, match=f"KANTA_TRUSTED_PROXIES is '{given}': write how many proxies"):
        Settings.from_environment({"KANTA_TRUSTED_PROXIES": given}).as_config()


def test_making_the_app_creates_no_table_and_starts_no_thread(tmp_path):
    database = tmp_path / "untouched.sqlite3"
    app = create_app(
        {
            "KANTA_DATABASE_URL": f"sqlite:///{database}",
            "KANTA_DATA_DIR": str(tmp_path),
            "KANTA_PROCESSES_DIR": str(PROCESSES),
            "KANTA_TIMER_INTERVAL": 0.1,
        }
    )
    assert app.extensions["kanta_engine"] is not None
    assert "kanta_timers" not in app.extensions
    app.extensions["kanta_engine"].close()
    assert not database.exists()


def test_the_app_reads_the_environment_when_given_no_configuration(tmp_path, monkeypatch):
    monkeypatch.setenv("KANTA_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("KANTA_TOKENS", "viewer:monitor:tok-env-0123456789abcdef0123456789:0737546-2")
    monkeypatch.setenv("KANTA_TIMER_INTERVAL", "0")
    app = create_app()
    assert app.config["KANTA_DATABASE_URL"] == f"sqlite:///{tmp_path}/kanta.sqlite3"
    assert app.config["KANTA_TIMER_INTERVAL"] == 0
    assert [caller.actor for caller in app.config["KANTA_CALLERS"].values()] == ["viewer:monitor"]
    assert [caller.scope for caller in app.config["KANTA_CALLERS"].values()] == ["0737546-2"]
    app.extensions["kanta_engine"].close()


@pytest.mark.parametrize(
    ("arguments", "environment", "said"),
    [
        (["serve", "--clock", "sundial"], {}, "--clock: KANTA_CLOCK is 'sundial'"),
        (["serve", "--clock", "adjustable", "--workers", "2"], {}, "run it with --workers 1"),
        (["serve"], {"KANTA_CLOCK": "adjustable@2026-01-05T09:00"}, "needs a timezone"),
        (["serve"], {"KANTA_TIMER_INTERVAL": "often"}, "KANTA_TIMER_INTERVAL is 'often'"),
        (["serve"], {"KANTA_MESSAGE_KEY_HOURS": "-1"}, "KANTA_MESSAGE_KEY_HOURS is '-1'"),
        (["serve"], {"KANTA_TOKENS": f"integrator:bot:{'t' * 40}"}, "integrator:bot names no party"),
        (["serve"], {"KANTA_UNSCOPED_TOKENS": "sometimes"}, "KANTA_UNSCOPED_TOKENS is 'sometimes'"),
        (["serve"], {"KANTA_OIDC_ISSUER": "https://idp.example"}, "OpenID Connect needs KANTA_OIDC_AUDIENCE"),
        (["serve", "--port", "eighty"], {}, "'eighty' is not a valid integer"),
        (["worker", "--everywhere"], {}, "No such option"),
    ],
)
def test_a_command_it_can_not_run_exits_2_saying_why(
    tmp_path, monkeypatch, capsys, arguments, environment, said
):
    monkeypatch.chdir(tmp_path)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert main(arguments) == 2
    assert said in capsys.readouterr().err
    assert not Path(tmp_path / "data").exists()  # refused before anything was made
    assert gc.isenabled()  # a serve that starts turns collecting off until its workers fork; a refusal too


def test_validate_answers_its_exit_status(capsys):
    assert main(["validate", str(PROCESSES)]) == 0
    assert capsys.readouterr().out.startswith("ok: ")
    assert main(["validate", str(PROCESSES / "nowhere.bpmn")]) == 1


@pytest.mark.parametrize("folder", ["empty", "missing"])
def test_serve_prepares_an_empty_or_missing_catalogue_as_an_empty_one(tmp_path, capsys, folder):
    processes = tmp_path / folder
    if folder == "empty":
        processes.mkdir()
    settings = Settings.from_environment(
        database_url=f"sqlite:///{tmp_path / 'kanta.sqlite3'}",
        data_dir=str(tmp_path),
        processes_dir=str(processes),
    )
    prepare(settings)
    assert "deployed 0 new version(s); 0 process(es) unchanged" in capsys.readouterr().out


def test_serve_prepares_a_catalogue_with_problems_by_reporting_them_and_deploying_nothing(tmp_path, capsys):
    processes = tmp_path / "processes"
    processes.mkdir()
    (processes / "sketch.bpmn").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" '
        'targetNamespace="x">\n'
        '<bpmn:process id="sketch" isExecutable="false" />\n</bpmn:definitions>\n'
    )
    settings = Settings.from_environment(
        database_url=f"sqlite:///{tmp_path / 'kanta.sqlite3'}",
        data_dir=str(tmp_path / "data"),
        processes_dir=str(processes),
    )
    prepare(settings)  # no traceback, no exit: the service starts with what was deployed before
    err = capsys.readouterr().err
    assert f"the catalogue in {processes} can not be deployed; the versions deployed before it go on" in err
    assert 'sketch.bpmn:3: [sketch] nothing to deploy: process "sketch" is not executable' in err
    report = catalogue_report.read(tmp_path / "data")
    assert report["files"] == ["sketch.bpmn"]
    assert report["problems"][0]["element_id"] == "sketch"


def test_retire_stops_new_starts_of_a_key_and_undo_reinstates_it(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'kanta.sqlite3'}"
    running = Engine(url)
    running.deploy_folder(PROCESSES, actor="analyst:test")
    running.close()
    arguments = ["--database-url", url, "--data-dir", str(tmp_path)]

    assert main(["retire", "simple_onboarding", "--reason", "replaced", *arguments]) == 0
    assert 'process "simple_onboarding" is retired' in capsys.readouterr().out
    assert main(["retire", "simple_onboarding", *arguments]) == 1
    assert 'process "simple_onboarding" was retired at' in capsys.readouterr().err
    running = Engine(url)
    retirement = running.get_definition("simple_onboarding").retirement
    assert (retirement.reason, retirement.retired_by.startswith("cli:")) == ("replaced", True)
    with pytest.raises(Conflict):
        running.start_instance("simple_onboarding", actor="integrator:test")
    running.close()

    assert main(["retire", "simple_onboarding", "--undo", *arguments]) == 0
    assert main(["retire", "nowhere", *arguments]) == 1
    assert 'no process "nowhere" is deployed' in capsys.readouterr().err
