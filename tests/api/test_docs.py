"""The OpenAPI document and Swagger UI are open and served from the app's own files."""

from api.app import create_app


def test_openapi_and_swagger_ui_are_served_without_a_cdn(tmp_path):
    database = f"sqlite:///{tmp_path}/docs.sqlite3"
    app = create_app({"KANTA_DATABASE_URL": database, "KANTA_TIMER_INTERVAL": 0, "KANTA_TOKENS": ""})
    client = app.test_client()
    spec = client.get("/openapi.json")
    assert spec.status_code == 200
    assert "/api/v1/process-instances" in spec.json["paths"]
    assert spec.json["components"]["securitySchemes"]["bearerAuth"] == {"type": "http", "scheme": "bearer"}
    page = client.get("/docs")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "/static/swagger-ui/swagger-ui-bundle.js" in html and "cdn" not in html.lower()
    for asset in ("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css"):
        served = client.get(f"/static/swagger-ui/{asset}")
        assert served.status_code == 200 and len(served.data) > 10_000
        served.close()
    app.extensions["kanta_engine"].close()


def test_the_document_written_when_first_read_is_the_one_written_as_blueprints_are_registered(
    tmp_path, monkeypatch
):
    from concurrent.futures import ThreadPoolExecutor

    from flask_smorest import Api

    import api.app

    def served(apis_class, name: str, readers: int) -> list[bytes]:
        monkeypatch.setattr(api.app, "_Api", apis_class)
        database = f"sqlite:///{tmp_path}/{name}.sqlite3"
        app = create_app({"KANTA_DATABASE_URL": database, "KANTA_TIMER_INTERVAL": 0, "KANTA_TOKENS": ""})
        try:
            with ThreadPoolExecutor(readers) as pool:  # the first readers may come together
                return list(pool.map(lambda _: app.test_client().get("/openapi.json").data, range(readers)))
        finally:
            app.extensions["kanta_engine"].close()

    lazy_class = api.app._Api
    eager = served(Api, "eager", 1)  # flask-smorest's own: every view documented as it is registered
    lazy = served(lazy_class, "lazy", 4)
    assert len(eager[0]) > 100_000 and lazy == eager * 4


# The OpenAPI document of an app made in a fresh interpreter, whose views' decorators deep-copy their
# documentation (schema instances and all) as flask-smorest does when ``copied``.
_DOCUMENT_OF_A_FRESH_APP = """
import sys, tempfile
import api.schemas
if sys.argv[1] == "copied":
    del api.schemas.Schema.__deepcopy__  # marshmallow's own: every instance copied field by field
from api.app import create_app
database = f"sqlite:///{tempfile.mkdtemp()}/docs.sqlite3"
app = create_app({"KANTA_DATABASE_URL": database, "KANTA_TIMER_INTERVAL": 0, "KANTA_TOKENS": ""})
sys.stdout.buffer.write(app.test_client().get("/openapi.json").data)
app.extensions["kanta_engine"].close()
"""


def test_the_document_is_the_same_when_the_views_share_their_schema_instances_as_when_they_copy_them():
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]

    def document(schemas: str) -> bytes:
        command = [sys.executable, "-c", _DOCUMENT_OF_A_FRESH_APP, schemas]
        return subprocess.run(command, cwd=root, capture_output=True, check=True, timeout=120).stdout

    shared, copied = document("shared"), document("copied")
    assert len(shared) > 100_000 and shared == copied
