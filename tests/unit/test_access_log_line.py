"""The worker's access-log line is gunicorn's own, byte for byte, whatever the format names: made from only
the atoms the format names, or, for a format naming headers or environ entries, from gunicorn's whole set."""

from __future__ import annotations

import base64
import logging
import re
import sys
from datetime import timedelta
from types import SimpleNamespace

import pytest
from gunicorn.config import Config
from gunicorn.glogging import Logger

from api.http_worker import AccessLog

DEFAULT = Config().access_log_format
FORMATS = [
    DEFAULT,
    '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s %(B)s "%(f)s" "%(a)s" %(m)s %(U)s %(q)s %(H)s',
    "%(T)s %(D)s %(M)s %(L)s %(p)s %(x)s",  # %(x)s: an atom gunicorn does not know is "-"
    '%(h)s "%(r)s" %(s)s "%({user-agent}i)s" %({content-type}o)s %({remote_port}e)s',
]


def _request(user_agent: str, authorization: str | None):
    headers = [("HOST", "127.0.0.1:8000"), ("USER-AGENT", user_agent), ("CONTENT-TYPE", "application/json")]
    environ = {
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "REQUEST_METHOD": "POST",
        "RAW_URI": "/api/v1/tasks/t-1/complete?lang=fi",
        "PATH_INFO": "/api/v1/tasks/t-1/complete",
        "QUERY_STRING": "lang=fi",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "REMOTE_PORT": "53124",
        "HTTP_HOST": "127.0.0.1:8000",
        "HTTP_USER_AGENT": user_agent,
        "HTTP_REFERER": "http://127.0.0.1:8000/cockpit",
    }
    if authorization is not None:
        environ["HTTP_AUTHORIZATION"] = authorization
        headers.append(("AUTHORIZATION", authorization))
    return SimpleNamespace(headers=headers), environ


def _lines(path) -> list[str]:
    return path.read_text().splitlines()


@pytest.fixture(autouse=True)
def _closed_log_files():
    """gunicorn's loggers are the process's own: each test's log file is closed and let go after it."""
    yield
    for name in ("gunicorn.access", "gunicorn.error"):
        logger = logging.getLogger(name)
        for handler in [h for h in logger.handlers if isinstance(h, logging.FileHandler)]:
            handler.close()
            logger.removeHandler(handler)


@pytest.mark.parametrize("line_format", FORMATS)
@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer abc", "Basic " + base64.b64encode(b"ops-bot:secret").decode()],
    ids=["none", "bearer", "basic"],
)
def test_the_access_log_line_is_gunicorns_own(tmp_path, line_format, authorization):
    log_file = tmp_path / "access.log"
    config = Config()
    config.set("accesslog", str(log_file))
    config.set("access_log_format", line_format)
    log = Logger(config)
    answer = SimpleNamespace(
        status="201 CREATED", sent=1234, headers=[("Content-Type", "application/json"), ("Vary", "Accept")]
    )
    request, environ = _request('curl/8 "quoted"', authorization)
    took = timedelta(seconds=1, microseconds=2345)

    log.access(answer, request, environ, took)
    AccessLog(log).access(answer, request, environ, took)

    gunicorns, ours = _lines(log_file)
    # the time of day is the only atom that may move between the two lines
    same_second = re.compile(r"\[\d\d/\w{3}/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}\]")
    assert same_second.sub("[t]", ours) == same_second.sub("[t]", gunicorns)
    assert "[t]" in same_second.sub("[t]", ours) or "%(t)s" not in line_format


def test_no_line_without_an_access_log(caplog):
    log = Logger(Config())
    answer = SimpleNamespace(status="200 OK", sent=2, headers=[])
    request, environ = _request("curl/8", None)
    with caplog.at_level(logging.INFO, logger="gunicorn.access"):
        AccessLog(log).access(answer, request, environ, timedelta(0))
    assert not [r for r in caplog.records if r.name == "gunicorn.access"]
