"""openapi.yaml is a valid OpenAPI 3.1 document and describes exactly the API routes the server answers."""
import os
import pathlib
import subprocess

import yaml
from openapi_spec_validator import validate

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = ROOT / ".build" / "debug" / "betalt"
DOCUMENT = ROOT / "openapi.yaml"
METHODS = {"get", "put", "post", "delete", "patch", "head", "options"}


def load():
    with open(DOCUMENT, encoding="utf-8") as file:
        return yaml.safe_load(file)


def server_routes(directory):
    """`METHOD /path` pairs from `betalt routes`, run against a throwaway SQLite database."""
    assert BINARY.exists(), f"{BINARY} is missing: build it with `swift build --product betalt`"
    database = directory / "routes.sqlite"
    environment = dict(os.environ, BETALT_DATABASE_URL=f"sqlite://{database}", BETALT_HOME=str(ROOT), BETALT_RUN_AT="off")
    done = subprocess.run([str(BINARY), "routes"], env=environment, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return {tuple(line.split(" ", 1)) for line in done.stdout.splitlines() if line.strip()}


def documented_operations(document):
    return {(method.upper(), path) for path, item in document["paths"].items() for method in item if method in METHODS}


def test_document_is_valid_openapi_3_1():
    document = load()
    assert document["openapi"].startswith("3.1")
    validate(document)


def test_document_and_server_agree_on_the_api_routes(tmp_path):
    documented = documented_operations(load())
    routes = server_routes(tmp_path)
    assert ("GET", "/health") in routes, "the route listing should include the server's other routes too"
    assert documented - routes == set(), "documented but not routed"
    served_api = {(method, path) for method, path in routes if path.startswith("/api/")}
    assert served_api - documented == set(), "routed but not documented"


def test_every_operation_is_secured_by_the_bearer_token():
    document = load()
    scheme = document["components"]["securitySchemes"]["bearerToken"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    assert document["security"] == [{"bearerToken": []}]
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                assert operation.get("security", document["security"]) == [{"bearerToken": []}], f"{method} {path}"
                assert "401" in operation["responses"], f"{method} {path} documents no 401"
