"""Station Desk (中小企业服务站工作台)."""

__version__ = "0.1.0"
APP_NAME = "StationDesk"
