"""`serve --workers N`: each worker's pool keeps a connection for every endpoint thread and the
read-model drain, so a burst of syncs never closes connections only to open them again (a new
PostgreSQL backend plans every statement afresh with cold caches: benchmarks/README.md, "Session 7")."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from app.hq import cli, server
from app.hq.db import DB_ENV, make_engine
from app.hq.shared_bound import BOUND_ENV


def test_serve_gives_each_worker_a_pool_as_wide_as_its_threads(monkeypatch) -> None:
    started: dict[str, Any] = {}
    monkeypatch.setenv(DB_ENV, "postgresql://nowhere/none")  # restored afterwards, as the pool variable
    monkeypatch.setenv(server.POOL_ENV, "")
    monkeypatch.setenv(BOUND_ENV, "")
    monkeypatch.setattr(server, "serve_workers", lambda workers, options: started.update(workers=workers))
    for workers in (2, 3, 4, 8):
        assert cli.main(["serve", "--db", "postgresql://nowhere/none", "--workers", str(workers)]) == 0
        size, overflow = (int(x) for x in server.os.environ[server.POOL_ENV].split(","))
        assert started["workers"] == workers
        assert size >= server.THREADS + 1 and overflow >= 2


def test_a_burst_as_wide_as_the_threads_closes_no_connection(hq_url) -> None:
    engine = make_engine(hq_url, *server.worker_pool(2))
    closed: list[Any] = []
    event.listen(engine.pool, "close", lambda *_: closed.append(1))
    try:
        for _ in range(3):  # bursts: every thread and the drain hold a connection at once
            held = [engine.connect() for _ in range(server.THREADS + 1)]
            for conn in held:
                conn.close()
        assert closed == [] and engine.pool.checkedin() == server.THREADS + 1
    finally:
        engine.dispose()


def test_workers_are_given_time_to_start_on_a_busy_machine(monkeypatch) -> None:
    """uvicorn's supervisor killed a worker still importing after 5 s as hung (and its
    replacement, in a loop, at load 6-10): the workers get WORKER_HEALTHCHECK_SECONDS."""
    import inspect

    import uvicorn
    from uvicorn import supervisors

    if "timeout_worker_healthcheck" not in inspect.signature(uvicorn.Config).parameters:
        return  # an older uvicorn without the health check has nothing to wait for
    seen: dict[str, Any] = {}

    class Supervisor:
        def __init__(self, config: Any, sockets: list[Any], **_: Any) -> None:
            seen["timeout"] = config.timeout_worker_healthcheck
            for sock in sockets:
                sock.close()

        def run(self) -> None:
            seen["ran"] = True

    monkeypatch.setattr(supervisors, "Multiprocess", Supervisor)
    server.serve_workers(2, {"host": "127.0.0.1", "port": 0})
    assert seen == {"timeout": server.WORKER_HEALTHCHECK_SECONDS, "ran": True}
    assert server.WORKER_HEALTHCHECK_SECONDS >= 30


def test_a_started_worker_leaves_its_startup_objects_out_of_the_collectors_sight(hq_engine) -> None:
    """A full collection walked every module, class and the app on each pass (85 ms idle):
    the lifespan freezes what startup made."""
    import gc

    from starlette.testclient import TestClient

    gc.unfreeze()
    try:
        app = server.create_app(engine=hq_engine)
        assert gc.get_freeze_count() == 0
        with TestClient(app):
            assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()
