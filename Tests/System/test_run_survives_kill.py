"""`betalt run` killed with SIGKILL at random moments and started again ends exactly as one clean run."""
import os
import pathlib
import random
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = ROOT / ".build" / "debug" / "betalt"
DAY = "2026-11-23"


def environment(database):
    return dict(os.environ, BETALT_DATABASE_URL=f"sqlite://{database}", BETALT_TODAY=DAY, BETALT_HOME=str(ROOT))


def state(database):
    """Everything a run writes, without generated ids, run ids or timestamps."""
    connection = sqlite3.connect(database)
    queries = [
        "SELECT claim_id, step_id, kind, act_date, channel, fee_minor, compensation_minor, interest_minor, "
        "amount_due_minor, deadline, group_key, reasons FROM collection_acts",
        "SELECT claim_id, sequence, kind, component, amount_minor, entry_date, text FROM ledger_entries",
        "SELECT id, stage, next_action_date, open_minor, fee_open_minor, interest_open_minor, "
        "compensation_open_minor, last_sequence, interest_charged_through FROM claims",
        "SELECT claim_id, decided_on, outcome, step_id, reason, citation FROM claim_decisions",
        "SELECT creditor_id, run_date, status FROM creditor_runs",
    ]
    rows = sorted(repr(row) for query in queries for row in connection.execute(query))
    connection.close()
    return rows


def test_killed_runs_finish_as_one_clean_run():
    assert BINARY.exists(), f"{BINARY} is missing: build it with `swift build --product betalt`"
    work = pathlib.Path(tempfile.mkdtemp(prefix="betalt-kill-"))
    clean, killed = work / "clean.sqlite", work / "killed.sqlite"
    demo = subprocess.run([str(BINARY), "demo"], env=environment(clean), capture_output=True, text=True, timeout=300)
    assert demo.returncode == 0, demo.stderr
    shutil.copy(clean, killed)
    before = state(killed)

    done = subprocess.run([str(BINARY), "run"], env=environment(clean), capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    expected = state(clean)
    assert expected != before

    chooser = random.Random(20261123)
    kills = 0
    for _ in range(5):
        # One claim per transaction: a run lasts about a second, so a kill lands mid-run.
        process = subprocess.Popen([str(BINARY), "run", "--batch-size", "1"], env=environment(killed),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(chooser.uniform(0.15, 0.6))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait(timeout=60)
    finish = subprocess.run([str(BINARY), "run", "--batch-size", "1"], env=environment(killed), capture_output=True,
                            text=True, timeout=300)
    assert finish.returncode == 0, finish.stderr
    assert "taken" not in finish.stdout, finish.stdout
    assert kills >= 1, "no run was still going when killed: the test proved nothing"
    assert state(killed) == expected
    shutil.rmtree(work)
