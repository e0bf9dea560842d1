"""`serve` fires due timers in the background of each API process when KANTA_TIMER_INTERVAL > 0."""

import time

from api.app import create_app
from api.server import start_background_timers
from engine import migrate_database
from tests.conftest import PROCESSES


def test_due_timers_fire_in_the_background(tmp_path, clock):
    database = f"sqlite:///{tmp_path}/timers.sqlite3"
    migrate_database(database)
    app = create_app(
        {
            "KANTA_DATABASE_URL": database,
            "KANTA_TIMER_INTERVAL": 0.1,
            "KANTA_CLOCK": clock,
            "KANTA_PROCESSES_DIR": str(PROCESSES),
            "KANTA_TOKENS": "",
        }
    )
    assert "kanta_timers" not in app.extensions  # making the app starts nothing
    engine = app.extensions["kanta_engine"]
    engine.deploy_folder(PROCESSES, actor="system:startup")
    start_background_timers(app)
    started = engine.start_instance("report_deadline", actor="integrator:a")
    engine.complete_task(started.ready_tasks[0].id, {"result": "passed"}, actor="integrator:a")
    time.sleep(0.5)
    assert not [e for e in engine.history(started.id) if e.kind == "timers_fired"]  # not due yet
    clock.advance(days=2)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        fired = [e for e in engine.history(started.id) if e.kind == "timers_fired"]
        if fired:
            break
        time.sleep(0.1)
    app.extensions["kanta_timers"].request()
    time.sleep(0.3)  # the loop notices within a tenth of a second
    engine.close()
    assert [e.data["timers"] for e in fired] == [["Timer_report_reminder"]]
    assert fired[0].actor.startswith("timer:")
