"""The command line says what PostgreSQL answered when it cannot use the database, not a generic text."""
import os
import pathlib
import re
import socket
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = ROOT / ".build" / "debug" / "betalt"


def migrate(url):
    assert BINARY.exists(), f"{BINARY} is missing: build it with `swift build --product betalt`"
    return subprocess.run([str(BINARY), "migrate"], env=dict(os.environ, BETALT_DATABASE_URL=url, BETALT_HOME=str(ROOT)),
                          capture_output=True, text=True, timeout=120)


def test_a_database_that_does_not_exist_is_named():
    url = os.environ["BETALT_TEST_POSTGRES_URL"]
    done = migrate(re.sub(r"/[^/]+$", "/no_such_database", url))
    assert done.returncode != 0
    last = done.stderr.strip().splitlines()[-1]
    assert 'Error: PostgreSQL answered: database "no_such_database" does not exist [SQLSTATE 3D000]' == last, done.stderr
    assert "Generic description" not in done.stderr


def test_a_server_that_is_not_there_is_said_so():
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    done = migrate(f"postgres://postgres@127.0.0.1:{port}/betalt")
    assert done.returncode != 0
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("Error: PostgreSQL: no connection could be made:"), done.stderr
    assert "Connection refused" in last, done.stderr
