"""Every `/v1/admin/...` router, in the order app.hq.server includes them.  A feature adds
its router here (one line); tests/hqdesk/test_roles.py then checks its roles."""

from __future__ import annotations

from fastapi import APIRouter

from app.hq.admin import core_routes
from app.hq.cityreport import routes as cityreport_routes
from app.hq.files import admin_routes as inbox_routes
from app.hq.libraries import routes as libraries_routes
from app.hq.readmodel import routes as network_routes

ADMIN_ROUTERS: list[APIRouter] = [
    core_routes.router,
    network_routes.router,
    inbox_routes.router,
    cityreport_routes.router,
    libraries_routes.router,
]
