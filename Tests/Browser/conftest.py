"""Starts `betalt serve` on a fresh SQLite file with the demo ledger, and a headless Chromium to drive it."""
import os
import pathlib
import socket
import subprocess
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = ROOT / ".build" / "debug" / "betalt"
SCREENSHOTS = ROOT / "screenshots"
TODAY = "2026-11-23"  # a Monday: notices go out on business days
# Where the session's server keeps its files (the SQLite database), for tests that look behind the pages.
STATE = {}


def wait(browser, seconds=10):
    """A wait that looks again when a form's answer replaces the page under it: an element found on the old page
    goes stale between finding it and reading it, which is the page changing, not a failure. Chromium says so either
    as a stale element or, when the old page goes at the very moment of reading, as an inspector error that its node
    "does not belong to the document"; any other error fails the wait at once."""
    return PageWait(WebDriverWait(browser, seconds, ignored_exceptions=(StaleElementReferenceException,)))


class PageWait:
    """`WebDriverWait.until`, with a condition that meets the page being replaced looked at again."""

    def __init__(self, wait):
        self._wait = wait

    def until(self, condition, message=""):
        def looking(browser):
            try:
                return condition(browser)
            except StaleElementReferenceException:
                raise
            except WebDriverException as error:
                if "does not belong to the document" in (error.msg or ""):
                    return False
                raise
        return self._wait.until(looking, message)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    assert BINARY.exists(), f"{BINARY} is missing: build it with `swift build --product betalt`"
    # pytest keeps the last three runs' directories and removes older ones; a failed run's files stay to look at.
    workdir = str(tmp_path_factory.mktemp("betalt-browser"))
    STATE["database"] = os.path.join(workdir, "betalt.sqlite")
    port = free_port()
    env = dict(os.environ,
               BETALT_DATABASE_URL=f"sqlite://{workdir}/betalt.sqlite",
               BETALT_PORT=str(port), BETALT_HOST="127.0.0.1",
               BETALT_TODAY=TODAY, BETALT_HOME=str(ROOT))
    STATE["env"] = env
    demo = subprocess.run([str(BINARY), "demo"], env=env, capture_output=True, text=True, timeout=300)
    assert demo.returncode == 0, demo.stderr
    assert "demo@betalt.example" in demo.stdout
    run = subprocess.run([str(BINARY), "run", "--date", TODAY], env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "claims considered" in run.stdout
    log = open(os.path.join(workdir, "serve.log"), "w")
    process = subprocess.Popen([str(BINARY), "serve"], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/health", timeout=2) as response:
                if response.read() == b"ok":
                    break
        except OSError:
            pass
        assert process.poll() is None, open(os.path.join(workdir, "serve.log")).read()
        assert time.time() < deadline, "betalt serve did not answer within 60 s"
        time.sleep(0.3)
    yield base
    process.terminate()
    process.wait(timeout=20)
    log.close()


@pytest.fixture(scope="session")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                     "--lang=nb-NO"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    SCREENSHOTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()
