"""Every colour and the common spacing of the UI, named for what they mean (after Anki's aqt/theme.py).

Style sheets interpolate these (f"color: {theme.TEXT_MUTED};"); item models wrap them in QColor.
A test refuses hex colours anywhere else in app/ui.
"""

from __future__ import annotations

# -- text ----------------------------------------------------------------------------------
TEXT_STRONG = "#1f2d3d"  # figures and panel titles on the home page
TEXT_BODY = "#444444"  # running text inside a detail panel
TEXT_SECONDARY = "#555555"  # a summary or hint line beside a list
TEXT_MUTED = "#666666"  # notes, empty states, field names
TEXT_CARD_DETAIL = "#5c6b7a"  # the small lines under a home-page figure
TEXT_SUBTITLE = "#7a8794"  # a panel's subtitle on the home page
TEXT_SMALL_PRINT = "#8c959f"  # ids and other technical small print
TEXT_INACTIVE = "#8a8a8a"  # retired, former, expired or inactive rows
TEXT_UPCOMING = "#1f5f99"  # an event that has not happened yet
TEXT_ON_ACCENT = "white"

# -- status --------------------------------------------------------------------------------
ERROR = "#c0392b"  # the one error red: messages, refused fields, overdue marks
WARNING = "#a15c00"  # a value to check (checksum warning, possible duplicates)
OK = "#1d6b35"  # a value confirmed, a save done
CHECK_OK = "#2e8b57"  # compliance checklist: done
CHECK_PENDING = "#d08a00"  # compliance checklist: due soon

# -- accent and borders -----------------------------------------------------------------------
ACCENT = "#2f6fb3"  # links, the selected page, the checked toggle
TOGGLE_BORDER = "#b8c6d6"
FOCUS_FRAME = "#2f6fb3"  # the field the cursor is in, on the keyboard-driven quick-entry form
PANEL_BORDER = "#d5dde6"  # the home page's cards, charts and checklist

# -- tinted panels: (background, border, text) --------------------------------------------------
INFO_BACKGROUND, INFO_BORDER, INFO_TEXT = "#eef4fb", "#b9cfe8", "#1f4e79"  # a note about who may edit
EMPTY_BACKGROUND, EMPTY_BORDER = "#f3f7fb", "#c9d9ea"  # the home page with no data yet
NOTICE_BACKGROUND, NOTICE_BORDER, NOTICE_TEXT = "#fff4e5", "#f0b35a", "#7a4500"  # a report HQ sent back
DEMO_BACKGROUND, DEMO_BORDER, DEMO_TEXT = "#fff4d6", "#e0c36a", "#6b4e00"  # the demo-data banner
UNDO_BACKGROUND, UNDO_BORDER = "#fff8e1", "#e6d9a8"  # the undo bar after a delete
ALERT_BACKGROUND, ALERT_BORDER, ALERT_TEXT = "#fdecea", "#e6a19b", "#8c1d13"  # the station is understaffed
OVERDUE_ROW_BACKGROUND, OVERDUE_ROW_TEXT = "#fde2e1", "#a01b14"  # an overdue demand in the pool
DETAIL_BACKGROUND, DETAIL_BORDER = "#fafbfc", "#dde3ea"  # the event detail panel
READ_ONLY_BACKGROUND = "#f0f0f0"  # a field the user cannot change
PREVIEW_BACKGROUND = "#8a8a8a"  # around the pages of a PDF preview

# -- calendar and charts -----------------------------------------------------------------------
CALENDAR_EVENT_DAY, CALENDAR_EVENT_DAY_TEXT = "#d6e9fb", "#0b4f8a"  # a day with events
CHART_BAR = "#4f8fd6"
CHART_HIGHLIGHT = "#e08a2e"  # this month's bar
CHART_GRID = "#e6ebf0"
CHART_LABEL = "#3a4753"
CARD_EVENTS = "#3d8b6e"  # accent strips of the home page's figures (the others use ACCENT)
CARD_DEMANDS = "#b36b2f"
CARD_SATISFACTION = "#7a5aa6"

# -- spacing (px) ----------------------------------------------------------------------------------
SPACING = 12  # between the blocks of a page
PAGE_MARGIN_X, PAGE_MARGIN_Y = 24, 16  # around a scrolling page
