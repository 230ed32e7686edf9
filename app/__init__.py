"""Station Desk (中小企业服务站工作台)."""

import time

START_TIME = time.perf_counter()  # --smoke measures first paint from here

__version__ = "0.1.0"
APP_NAME = "StationDesk"
