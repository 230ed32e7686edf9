"""The main window's pages, each built the first time it is shown or asked for.

A page that is never shown costs nothing: until then the stack holds an empty widget in
its place, and the page's module is not even imported.  Building at start-up cost 1.2 s
of first paint and ~30 MB (issue 14): 报表 alone imports reportlab and QtPdf.

`pages[key]` builds the page when needed, so callers (the main window's click-throughs
from 首页, tests) read it as a plain mapping; `built()` says which exist without building
(`values()` and `items()` would build every page: the window never calls them).

While the window's frame is painted before the database is open (`waiting`, app/ui/shell/
launcher.py start_staged), showing a section shows its stand-in, a 加载中… label; `release()`
then builds the page shown."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget


def _stand_in() -> QLabel:
    label = QLabel(QCoreApplication.translate("LazyPages", "加载中…"))
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setEnabled(False)  # greyed: nothing to act on yet
    return label


class LazyPages(Mapping[str, QWidget]):
    def __init__(self, stack: QStackedWidget, keys: Sequence[str], build: Callable[[str], QWidget],
                 *, waiting: bool = False) -> None:
        self._stack, self._keys, self._build = stack, list(keys), build
        self._built: dict[str, QWidget] = {}
        self.waiting = waiting  # True: show() shows stand-ins and builds nothing until release()
        for _key in self._keys:
            stack.addWidget(_stand_in())  # until the page is built

    def __getitem__(self, key: str) -> QWidget:
        page = self._built.get(key)
        if page is None:
            if key not in self._keys:
                raise KeyError(key)
            row = self._keys.index(key)
            page = self._built[key] = self._build(key)
            stand_in = self._stack.widget(row)
            self._stack.insertWidget(row, page)
            self._stack.removeWidget(stand_in)
            stand_in.deleteLater()
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def built(self) -> dict[str, QWidget]:
        """The pages built so far (building none)."""
        return dict(self._built)

    def show(self, row: int) -> None:
        """Build the page at `row` if needed, then make it the stack's current page."""
        if 0 <= row < len(self._keys):
            if not self.waiting:
                self[self._keys[row]]
            self._stack.setCurrentIndex(row)

    def release(self) -> None:
        """Stop waiting: build the page shown now (its stand-in was shown meanwhile)."""
        self.waiting = False
        self.show(self._stack.currentIndex())
