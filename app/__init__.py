"""Station Desk (中小企业服务站工作台)."""

import time

START_TIME = time.perf_counter()  # --smoke measures first paint from here
START_CPU = time.process_time()  # … and the CPU time it took, which other processes on the machine disturb less

__version__ = "0.1.0"
APP_NAME = "StationDesk"
