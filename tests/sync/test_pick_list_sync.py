"""HQ publishes the service-category list (station-desk-hq publish FILE.json); a real
sync brings it to a station, where it replaces the station's own pre-enrolment list."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from app.hq.cli import main as hq_main
from app.models.database import open_database
from app.services import pick_lists, references
from app.services.actor import Actor
from app.services.pick_lists import SERVICE_CATEGORY, EditItem
from app.services.station import identity as station_service
from app.sync.engine import sync
from app.sync.enrolment import enroll, open_client

from .conftest import new_enrol_code

PUBLISHED = {
    "pick_list_item": [
        {"id": "0192f3c0-0000-7000-8000-000000000001", "list_name": "service_category", "code": "policy",
         "label": "政策咨询", "sort_order": 10},
        {"id": "0192f3c0-0000-7000-8000-000000000002", "list_name": "service_category", "code": "trade",
         "label": "外贸服务", "sort_order": 20},
        {"id": "0192f3c0-0000-7000-8000-000000000003", "list_name": "service_category", "code": "finance_tax",
         "label": "财税服务", "sort_order": 30},
        {"id": "0192f3c0-0000-7000-8000-000000000004", "list_name": "service_category", "code": "startup",
         "label": "创业服务", "sort_order": 40, "active": False},
    ]
}


def test_hq_published_categories_reach_the_station(
    hq_url: str, hq_engine: Engine, hq_http: Any, tmp_path: Path, memory_keyring: object, capsys: Any
) -> None:
    db = open_database(tmp_path / "station.db")
    try:
        with db.begin() as s:
            station_service.create_station(
                s, station_service.NewStation(code="GZ-PICK-01", name="番禺区服务站", district="番禺区", manager_name="陈晓明")
            )
        with db.begin() as s:  # before enrolment the station kept its own list
            own = [EditItem(i.code, i.label) for i in pick_lists.items(s, SERVICE_CATEGORY)] + [EditItem(None, "本站自加类别")]
            pick_lists.save_local_list(s, SERVICE_CATEGORY, own, Actor("陈晓明"))
        file = tmp_path / "categories.json"
        file.write_text(json.dumps(PUBLISHED, ensure_ascii=False), encoding="utf-8")
        assert hq_main(["publish", "--db", hq_url, str(file)]) == 0
        assert "pick_list_item：已发布 4 条" in capsys.readouterr().out

        enroll(db, "http://testserver", new_enrol_code(hq_engine, "GZ-PICK-01"), http=hq_http)
        result = sync(db, open_client(db, http=hq_http))
        assert result.completed and result.rejected == 0, result
        with db.sessions() as s:
            assert references.categories(s) == {"policy": "政策咨询", "trade": "外贸服务", "finance_tax": "财税服务"}
            assert references.category_labels(s)["startup"] == "创业服务"  # retired by HQ, still labelled
            assert "本站自加类别" not in references.category_labels(s).values()  # the local list gave way
            assert not pick_lists.editable(s)
    finally:
        db.dispose()
