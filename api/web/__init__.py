"""The web cockpit: pages for people, served by the API's own Flask app.

The pages are static HTML shells; their JavaScript calls the REST API under /api/v1 signed in by the
browser's HttpOnly cookie (set once from the person's token, api/resources/session.py), so a page can show
and do exactly what the API lets that token do. bpmn-js draws the diagrams from the vendored copy under
``static/vendor/bpmn-js`` (refreshed from npm by ``refresh_vendor.sh``): nothing comes from a CDN and nothing
is built at run time.
"""

from __future__ import annotations

from flask import Blueprint, Response, redirect, render_template, url_for

from ..languages import preferred_language

LANGUAGES = ("fi", "sv", "en")  # the cockpit's texts (static/i18n.js); Finnish first, the default

blp = Blueprint(
    "web",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/cockpit-static",
)


def _page(template: str, **context) -> Response:
    """A page of the cockpit. Its Content-Security-Policy is the app's (api/security.py): scripts only from
    here, as the pages hold no inline script: injected code could act as the signed-in person (though it
    can never read the token, which only an HttpOnly cookie holds)."""
    # The language a page opens in before its script reads the person's choice: the browser's first of
    # the cockpit's three, else Finnish.
    language = preferred_language(LANGUAGES)
    response = Response(render_template(template, language=language, **context))
    response.headers["Cache-Control"] = "no-store"
    return response


@blp.get("/")
def home():
    return redirect(url_for("web.instances"))


@blp.get("/login")
def login():
    return _page("login.html", page="login", title="Log in")


@blp.get("/processes")
def definitions():
    return _page("definitions.html", page="definitions", title="Processes")


@blp.get("/processes/<string:process_key>")
def definition(process_key: str):
    return _page("definition.html", page="definition", title=process_key, process_key=process_key)


@blp.get("/processes/<string:process_key>/oversight")
def oversight(process_key: str):
    return _page("oversight.html", page="oversight", title=process_key, process_key=process_key)


@blp.get("/instances")
def instances():
    return _page("instances.html", page="instances", title="Instances")


@blp.get("/instances/start")
def start():
    return _page("start.html", page="start", title="Start onboarding")


@blp.get("/instances/<string:instance_id>")
def instance(instance_id: str):
    return _page("instance.html", page="instance", title="Instance", instance_id=instance_id)


@blp.get("/tasks")
def tasks():
    return _page("tasks.html", page="tasks", title="Tasks")


@blp.get("/tasks/<string:task_id>")
def task(task_id: str):
    return _page("task.html", page="task", title="Task", task_id=task_id)
