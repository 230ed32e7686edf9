"""A list that fits its width instead of scrolling sideways (issue 13: 服务记录 and 政策 at 1024×600).

The text column (an enterprise's name, a policy's title) takes what is left, but never less than
its floor.  When the others would leave it less, they first give up what they have beyond their
least width (their heading, a date, or — for a column of names from a list — their widest name,
which is never cut), then whole columns step aside in the page's order: ones whose facts the row's
form or the page's detail pane also shows.  Widen the window and they come back.  Cells still cut
short show their whole text as a tooltip (app/ui/widgets/elided_tips.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

from app.ui.widgets.elided_tips import CELL_PADDING

DATE_SAMPLE = "2026-12-31"


class ColumnFitter(QObject):
    """Event filter on the table's viewport: refits the columns whenever its width changes."""

    def __init__(self, table: QTableView, *, stretch: int, floor: int, keep: Iterable[int] = (),
                 samples: Mapping[int, str] | None = None, least: Mapping[int, int] | None = None,
                 drop: Sequence[int] = ()) -> None:
        super().__init__(table)
        self.table, self.stretch, self.floor, self.drop = table, stretch, floor, tuple(drop)
        header = table.horizontalHeader()
        self.wanted = {c: table.columnWidth(c) for c in range(header.count())}
        metrics, keep, samples, least = table.fontMetrics(), set(keep), samples or {}, least or {}
        sample_widths = {c: metrics.horizontalAdvance(text) + CELL_PADDING for c, text in samples.items()}
        self.least = {c: self.wanted[c] if c in keep else
                      max(header.sectionSizeHint(c), sample_widths.get(c, 0), least.get(c, 0))
                      for c in self.wanted}
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.width = -1
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize and self.table.viewport().width() != self.width:
            self.fit()
        return False

    def fit(self) -> None:
        table = self.table
        self.width = room = table.viewport().width()
        for column in self.drop:
            table.setColumnHidden(column, False)
        shown = [c for c in self.wanted if c != self.stretch and not table.isColumnHidden(c)]
        dropping = list(self.drop)
        while sum(self.least[c] for c in shown) + self.floor > room and dropping:
            column = dropping.pop(0)
            table.setColumnHidden(column, True)
            shown.remove(column)
        spare = room - self.floor - sum(self.least[c] for c in shown)
        for column in shown:  # give back what each wants, left to right, while there is room
            extra = max(0, min(self.wanted[column] - self.least[column], spare))
            spare -= extra
            table.setColumnWidth(column, self.least[column] + extra)


def fit_columns(table: QTableView, *, stretch: int, floor: int = 160, keep: Iterable[int] = (),
                samples: Mapping[int, str] | None = None, least: Mapping[int, int] | None = None,
                drop: Sequence[int] = ()) -> ColumnFitter:
    """Fit `table` to its width, `stretch` taking the rest (at least `floor` pixels).  Call after the
    widths are set (list_view, fit_to_names).  `keep`: columns never narrower than now (names from a
    list); `samples`: columns at least as wide as a sample text (a date, a credit code); `least`: other
    columns' least widths in pixels; `drop`: columns that may step aside, first first."""
    return ColumnFitter(table, stretch=stretch, floor=floor, keep=keep, samples=samples, least=least, drop=drop)
