"""one insert stamp: a new enterprise writes one sync_field_clock row, not one per field

The enterprise INSERT trigger stamps every merged field with one row whose field is '+'
(app.sync.capture.ALL_FIELDS); push spells it out to the same per-field stamps as before,
so what HQ receives is unchanged.  Stamp rows already queued keep their per-field form
(push reads both).  Only the enterprise insert trigger changes; the others are re-created
as they were.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 03:10:00
"""
from __future__ import annotations

from alembic import op

from app.migrations.triggers import r0007, r0010, reinstall


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    reinstall(op.get_bind(), r0010.TRIGGERS)


def downgrade() -> None:
    # 0007's insert trigger stamps per field again; '+' rows still queued are spelled out
    # here so an older push (which does not know them) sends the same stamps.
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        fields = [r[1] for r in bind.exec_driver_sql("PRAGMA table_info(enterprise)")]
        merged = [f for f in fields if f not in ("id", "station_id", "version", "created_at", "updated_at")]
        values = ", ".join(f"('{f}')" for f in merged)
        bind.exec_driver_sql(
            "INSERT OR IGNORE INTO sync_field_clock(tbl, row_id, field, hlc) "
            f"SELECT c.tbl, c.row_id, f.column1, c.hlc FROM sync_field_clock AS c, (VALUES {values}) AS f "
            "WHERE c.field = '+'"
        )
        bind.exec_driver_sql("DELETE FROM sync_field_clock WHERE field = '+'")
    reinstall(bind, r0007.TRIGGERS)
