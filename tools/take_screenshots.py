"""Render every page of the main window offscreen over a demo profile and save PNGs.

    .venv/bin/python tools/take_screenshots.py [--out docs/screenshots] [--width 1100] [--lang zh_CN]

Uses a throwaway STATION_DESK_HOME with generated demo data (500 enterprises, 5,000
records), so the pictures never show anyone's real data.  Look at the result before
committing it.  HQ mode's pages (HQ_PAGES): tools/take_hq_screenshots.py.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = {
    "home": "dashboard.png",
    "enterprises": "enterprises_page.png",
    "service_records": "records_page.png",
    "demands": "demands_page.png",
    "events": "events_calendar.png",
    "staff": "staff_page.png",
    "institutions": "institutions_page.png",
    "policies": "policies_page.png",
    "reports": "reports_page.png",
    "sync": "sync_page.png",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--width", type=int, default=1100)
    parser.add_argument("--height", type=int, default=720)
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    parser.add_argument("--only", nargs="*", help="page keys to render (default: all)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["STATION_DESK_HOME"] = tempfile.mkdtemp(prefix="station-desk-shots-")

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from app.demo import data as demo_data
    from app.services.station.identity import current_station
    from app.services.station.profiles import open_profile
    from app.settings import Settings
    from app.ui import fonts, i18n
    from app.ui.shell.main_window import MainWindow

    fonts.install_cjk_font(app)
    translators = i18n.install_translators(app, args.lang)  # keep a reference
    db = open_profile("default")
    demo_data.generate(db, enterprises=500, records=5000)
    with db.sessions() as session:
        station = current_station(session)
    window = MainWindow(db, "default", station, Settings(), remember=False)
    window.resize(args.width, args.height)
    window.show()
    keys = [k for k in PAGES if not args.only or k in args.only]
    args.out.mkdir(parents=True, exist_ok=True)

    def shoot(index: int = 0) -> None:
        if index >= len(keys):
            app.quit()
            return
        window.show_page(keys[index])

        def grab() -> None:
            path = args.out / PAGES[keys[index]]
            window.grab().save(str(path))
            print(path)
            shoot(index + 1)

        QTimer.singleShot(1500, grab)  # let the page's background load finish

    QTimer.singleShot(300, shoot)
    app.exec()
    del translators
    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
