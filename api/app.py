"""The Flask application: the REST API under /api/v1, its OpenAPI document and Swagger UI."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path
from types import FunctionType

from flask import Flask
from flask_smorest import Api
from werkzeug.middleware.proxy_fix import ProxyFix

from engine import Engine

from . import camunda, languages, problems, security, web
from .auth import Caller, parse_tokens
from .oidc import OidcSettings, OidcVerifier
from .parsing import ProcessKeyConverter
from .resources import (
    clock,
    definitions,
    external_tasks,
    health,
    incidents,
    instances,
    me,
    messages,
    migrations,
    oversight,
    session,
    tasks,
    usage_log,
)
from .settings import TOKEN_DIGESTS, Settings


class _Flask(Flask):
    """Flask, asking once per function whether it is a coroutine function: flask-smorest asks for every
    layer of a view's documented answers (about ten a call), and ``inspect`` answers slowly."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._made_sync: dict = {}

    def ensure_sync(self, func):
        # keyed by the function itself (a method is bound anew for every call); anything else is asked
        key = getattr(func, "__func__", func)
        if not isinstance(key, FunctionType):
            return super().ensure_sync(func)
        sync = self._made_sync.get(key)
        if sync is None:
            sync = self._made_sync[key] = super().ensure_sync(func) is func
        return func if sync else super().ensure_sync(func)


class _Api(Api):
    """flask-smorest's ``Api``, writing a blueprint's views into the OpenAPI document when the document is
    first read (``/openapi.json``, ``/docs``) rather than when the blueprint is registered: documenting every
    view took about two thirds of making the app, in every worker and every test server as it started, and
    most never serve the document. The blueprints are documented in the order they were registered, so the
    document is the same."""

    def __init__(self, *args, **kwargs):
        self._undocumented: list[tuple] = []  # (blueprint, name, parameters) as registered
        self._documenting = threading.RLock()
        self._documenting_now = False  # a view's documentation reads ``spec`` too: it is the one being made
        super().__init__(*args, **kwargs)

    @property
    def spec(self):
        if self._undocumented:
            with self._documenting:  # a second reader waits for the whole document
                if not self._documenting_now:
                    self._documenting_now = True
                    try:
                        while self._undocumented:
                            blp, name, parameters = self._undocumented[0]
                            blp.register_views_in_doc(
                                self, self._app, self._spec, name=name, parameters=parameters
                            )
                            self._spec.tag({"name": name, "description": blp.description})
                            self._undocumented.pop(0)
                    finally:
                        self._documenting_now = False
        return self._spec

    @spec.setter
    def spec(self, spec) -> None:
        self._spec = spec

    def register_blueprint(self, blp, *, parameters=None, **options):
        # flask-smorest's own, but for what it adds to the document (``spec``, above)
        name = options.get("name", blp.name)
        self._app.extensions["flask-smorest"]["blp_name_to_api"][name] = self
        self._app.register_blueprint(blp, **options)
        self._undocumented.append((blp, name, parameters))


def create_app(config: Mapping | None = None) -> Flask:
    """Wire the settings, the engine and the blueprints, and nothing else: the database is migrated and
    the catalogue deployed by ``kanta-onboarding serve`` before any app is made (``api.server``), which
    also starts each process's timer thread. Without ``config`` the settings come from the environment;
    with it (``serve``, tests), ``config`` is laid over the defaults."""
    app = _Flask(__name__)
    app.json.sort_keys = False  # a form's fields keep the order its author gave them
    app.url_map.converters["process_key"] = ProcessKeyConverter
    app.config.update(
        API_TITLE="Kanta onboarding",
        API_VERSION="v1",
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="openapi.json",
        OPENAPI_SWAGGER_UI_PATH="docs",
        OPENAPI_SWAGGER_UI_URL="/static/swagger-ui/",  # served from our own files: no CDN
        # No badge from the public validator: nothing on /docs comes from elsewhere (see the CSP).
        OPENAPI_SWAGGER_UI_CONFIG={"validatorUrl": None},
        MAX_CONTENT_LENGTH=5 * 1024 * 1024,
    )
    settings = Settings.from_environment() if config is None else Settings()
    app.config.update(settings.as_config())
    app.config.update(config or {})
    app.config["KANTA_CALLERS"] = _callers(app.config)
    oidc = OidcSettings.from_config(app.config)
    if oidc is not None:
        unscoped = app.config.get("KANTA_UNSCOPED_TOKENS", False)
        app.extensions["kanta_oidc"] = OidcVerifier(oidc, allow_unscoped=unscoped)
    app.extensions["kanta_engine"] = Engine(
        app.config["KANTA_DATABASE_URL"],
        clock_source=app.config["KANTA_CLOCK"],
        apply_migrations=False,
        message_keys_kept=app.config["KANTA_MESSAGE_KEY_HOURS"],
    )

    api = _Api(app, spec_kwargs={"info": {"description": _DESCRIPTION}})
    api.spec.components.security_scheme("bearerAuth", {"type": "http", "scheme": "bearer"})
    api.spec.options["security"] = [{"bearerAuth": []}]
    for module in (
        definitions,
        instances,
        tasks,
        external_tasks,
        messages,
        incidents,
        migrations,
        clock,
        usage_log,
    ):
        api.register_blueprint(module.blp)
    api.register_blueprint(oversight.blp)
    api.register_blueprint(migrations.batches)
    api.register_blueprint(health.blp)
    api.register_blueprint(me.blp)
    api.register_blueprint(session.blp)
    app.register_blueprint(web.blp)
    app.register_blueprint(camunda.blp)  # /engine-rest: Camunda's shapes, outside the OpenAPI document
    problems.register(app)
    languages.register(app)
    security.protect(app)
    if hops := app.config.get("KANTA_TRUSTED_PROXIES", 0):
        # Behind a TLS-terminating proxy the request reaches us as http://internal-host: the scheme, host
        # and client address its trusted hops forwarded are the request's own, so the cookie sign-in's
        # same-origin check compares with the address the browser used, and failed sign-ins are counted
        # per client rather than for the proxy.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops)
    return app


def _callers(config) -> dict:
    callers = parse_tokens(config["KANTA_TOKENS"], allow_unscoped=config.get("KANTA_UNSCOPED_TOKENS", False))
    digests = Path(config["KANTA_DATA_DIR"]) / TOKEN_DIGESTS
    if digests.exists():
        for line in digests.read_text().splitlines():
            if line.strip():
                role, name, digest = line.strip().split(":")
                callers[digest] = Caller(role, name)
    return callers


_DESCRIPTION = """Drive Kanta onboarding processes (BPMN) over HTTP: start instances, list and complete
human tasks, deliver messages, read history. Every endpoint under /api/v1 needs
`Authorization: Bearer <token>`; roles: viewer (read), integrator (start, complete, message, cancel),
analyst (deploy, read), admin (all). Errors are application/problem+json. Element names (tasks, lanes,
timers, processes) come in the language of `Accept-Language`: Finnish by default, English (`en`), Swedish
(`sv`) where the diagram gives it, and so do the titles, descriptions and choice labels of the forms and
message contracts an answer shows; `Content-Language` says which languages the words shown are in."""
