"""HQ read models: typed, indexed per-station facts kept current by every write to replica_row.

HQ pages never read `replica_row`'s JSON; they read these tables (app.hq.readmodel):
- rm_month (station, month): live service records and their satisfaction scores by score;
- rm_served (station, month, enterprise): the set of enterprises served in the month, with
  the number of live records behind each (so a deletion can take one away);
- rm_served_period (station, "2026-03" / "2026-Q1" / "2026"): distinct enterprises served
  (a year's figure is its own distinct count, never a sum of months), kept by rm_served's changes;
- rm_event, rm_demand, rm_staff, rm_report, rm_station: typed copies of the live rows the
  network page and a station's page list (events carry their turnout).
The tables hold facts only (scores, statuses, instants); the definitions (satisfied from
which score, which statuses are open, held by the cut-off, Guangzhou month edges) are applied
when read, from app.domain.figure_rules, the module the station's own figures use.

Kept current by statement-level AFTER triggers with transition tables (rm_refresh_insert,
_update, _delete): every statement that writes replica_row (a push's upsert, a merge re-pointing references, an unmerge, an HQ edit,
the tombstone purge) updates the read models in the same transaction.  Service records are
applied as deltas (old rows subtracted, new rows added: the cost follows the batch, not the
month); events, demands, staff, reports and the station are re-read by id; served counts are
moved only by the members that came or went (an index probe each), never recounted.  Upserts take
their rows in key order, so two transactions touching the same keys (a merge re-pointing a
station's records while that station pushes) wait for each other instead of deadlocking.
A value counts when PostgreSQL can cast it: plain casts first, and only when one fails, the
statement again with row-by-row casts that answer NULL (a bad stored value never fails a push).

Revision ID: 0004_read_models
Revises: 0003_hq_users_audit
Create Date: 2026-12-07 00:45:00
"""

from __future__ import annotations

from alembic import op
from sqlalchemy.exc import DBAPIError

revision = "0004_read_models"
down_revision = "0003_hq_users_audit"
branch_labels = None
depends_on = None

_UUID = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
_DAY = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
_MOMENT = (
    r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[T ]([01][0-9]|2[0-3]):[0-5][0-9]"
    r"(:[0-5][0-9](\.[0-9]{1,6})?)?(Z|[+-]([01][0-9]|2[0-3]):?[0-5][0-9])?$"
)
_ZONED = r"(Z|[+-][0-9]{2}:?[0-9]{2})$"

# STABLE, not IMMUTABLE, where the body casts text to a date or an instant (casts that are
# only STABLE): PostgreSQL inlines a SQL function only when its body is no more volatile than
# declared, and an inlined call costs ~0.1 µs where a called one costs ~20 µs (measured per row).
FUNCTIONS = [
    # a wire date (YYYY-MM-DD, validated by app.domain.row_rules) → date; anything else → NULL
    f"""CREATE FUNCTION rm_day(t text) RETURNS date LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN t ~ '{_DAY}' AND left(t, 4) <> '0000' THEN
            CASE WHEN substr(t, 9, 2)::int <= extract(day from date_trunc('month', (left(t, 7) || '-01')::date)
                                                    + interval '1 month - 1 day') THEN t::date END END $$""",
    # a cast that answers NULL instead of failing: the fallback when a statement's plain casts
    # fail (one subtransaction per row, so only for the rare batch holding a bad stored value)
    """CREATE FUNCTION rm_try_date(t text) RETURNS date LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
        BEGIN RETURN t::date; EXCEPTION WHEN others THEN RETURN NULL; END $$""",
    """CREATE FUNCTION rm_try_uuid(t text) RETURNS uuid LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
        BEGIN RETURN t::uuid; EXCEPTION WHEN others THEN RETURN NULL; END $$""",
    # a wire timestamp (ISO 8601; the station sends UTC with +00:00, a naive one is UTC as the
    # station's codec reads it) → timestamptz, whatever the session's time zone
    f"""CREATE FUNCTION rm_ts(t text) RETURNS timestamptz LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN t ~ '{_MOMENT}' AND left(t, 4) <> '0000' AND rm_day(left(t, 10)) IS NOT NULL THEN
            CASE WHEN t ~ '{_ZONED}' THEN t::timestamptz ELSE t::timestamp AT TIME ZONE 'UTC' END END $$""",
    f"""CREATE FUNCTION rm_uuid(t text) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN t ~ '{_UUID}' THEN t::uuid END $$""",
    """CREATE FUNCTION rm_int(t text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN t ~ '^-?[0-9]{1,9}$' THEN t::integer END $$""",
]

TABLES = [
    """CREATE TABLE rm_station (
        station_id uuid CONSTRAINT pk_rm_station PRIMARY KEY,
        code text NOT NULL DEFAULT '', name text NOT NULL DEFAULT '', district text NOT NULL DEFAULT '',
        host_organisation text NOT NULL DEFAULT '', status text NOT NULL DEFAULT '',
        signage_hung_on date, work_rules_filed_on date)""",
    """CREATE TABLE rm_staff (
        id uuid CONSTRAINT pk_rm_staff PRIMARY KEY, station_id uuid NOT NULL,
        name text NOT NULL DEFAULT '', role text NOT NULL DEFAULT '', full_time boolean NOT NULL DEFAULT false,
        start_date date, end_date date)""",
    "CREATE INDEX ix_rm_staff_station_id ON rm_staff (station_id)",
    """CREATE TABLE rm_month (
        station_id uuid NOT NULL, month date NOT NULL,
        records integer NOT NULL DEFAULT 0,
        score_1 integer NOT NULL DEFAULT 0, score_2 integer NOT NULL DEFAULT 0, score_3 integer NOT NULL DEFAULT 0,
        score_4 integer NOT NULL DEFAULT 0, score_5 integer NOT NULL DEFAULT 0,
        CONSTRAINT pk_rm_month PRIMARY KEY (station_id, month))""",
    "CREATE INDEX ix_rm_month_month ON rm_month (month)",
    """CREATE TABLE rm_served (
        station_id uuid NOT NULL, month date NOT NULL, enterprise_id uuid NOT NULL, records integer NOT NULL,
        CONSTRAINT pk_rm_served PRIMARY KEY (station_id, month, enterprise_id))""",
    """CREATE TABLE rm_served_period (
        station_id uuid NOT NULL, period text NOT NULL, served integer NOT NULL,
        CONSTRAINT pk_rm_served_period PRIMARY KEY (station_id, period))""",
    "CREATE INDEX ix_rm_served_period_period ON rm_served_period (period)",
    """CREATE TABLE rm_event (
        id uuid CONSTRAINT pk_rm_event PRIMARY KEY, station_id uuid NOT NULL,
        title text NOT NULL DEFAULT '', event_type text NOT NULL DEFAULT '', starts_at timestamptz NOT NULL,
        registered integer NOT NULL DEFAULT 0, checked_in integer NOT NULL DEFAULT 0,
        walk_in integer NOT NULL DEFAULT 0, enterprises integer NOT NULL DEFAULT 0)""",
    "CREATE INDEX ix_rm_event_station_id_starts_at ON rm_event (station_id, starts_at)",
    "CREATE INDEX ix_rm_event_starts_at ON rm_event (starts_at)",
    """CREATE TABLE rm_demand (
        id uuid CONSTRAINT pk_rm_demand PRIMARY KEY, station_id uuid NOT NULL,
        status text NOT NULL DEFAULT '', received_on date, due_on date, closed_at timestamptz)""",
    "CREATE INDEX ix_rm_demand_station_id_received_on ON rm_demand (station_id, received_on)",
    "CREATE INDEX ix_rm_demand_station_id_closed_at ON rm_demand (station_id, closed_at)",
    """CREATE TABLE rm_report (
        id uuid CONSTRAINT pk_rm_report PRIMARY KEY, station_id uuid NOT NULL,
        kind text NOT NULL, period text NOT NULL DEFAULT '', status text NOT NULL DEFAULT '', submitted_at timestamptz)""",
    "CREATE INDEX ix_rm_report_station_id ON rm_report (station_id)",
    # an event's attendances, found by the event when its turnout is recounted
    "CREATE INDEX ix_replica_row_event_ref ON replica_row ((data->>'event_id')) WHERE tbl = 'event_attendance'",
    # (station, enterprise) → its months: is the enterprise served elsewhere in the quarter, the year?
    "CREATE INDEX ix_rm_served_station_id_enterprise_id_month ON rm_served (station_id, enterprise_id, month)",
    # one change to a served set: +1 a new member, -1 a member gone, 0 a row to drop (net <= 0, never a member)
    "CREATE TYPE rm_change AS (station_id uuid, month date, enterprise_id uuid, change integer)",
]

# -- the typed copies: one SELECT each, used by the trigger (for some ids) and the backfill (all)
STATION_SELECT = """SELECT r.id, coalesce(r.data->>'code', ''), coalesce(r.data->>'name', ''),
    coalesce(r.data->>'district', ''), coalesce(r.data->>'host_organisation', ''), coalesce(r.data->>'status', ''),
    rm_day(r.data->>'signage_hung_on'), rm_day(r.data->>'work_rules_filed_on')
    FROM replica_row r WHERE r.tbl = 'station' AND NOT r.deleted"""
STAFF_SELECT = """SELECT r.id, r.station_id, coalesce(r.data->>'name', ''), coalesce(r.data->>'role', ''),
    coalesce(r.data->'full_time' = 'true'::jsonb, false), rm_day(r.data->>'start_date'), rm_day(r.data->>'end_date')
    FROM replica_row r WHERE r.tbl = 'staff_member' AND NOT r.deleted AND r.station_id IS NOT NULL"""
DEMAND_SELECT = """SELECT r.id, r.station_id, coalesce(r.data->>'status', ''), rm_day(r.data->>'received_on'),
    rm_day(r.data->>'due_on'), rm_ts(r.data->>'closed_at')
    FROM replica_row r WHERE r.tbl = 'demand' AND NOT r.deleted AND r.station_id IS NOT NULL"""
REPORT_SELECT = """SELECT r.id, r.station_id, CASE WHEN r.tbl = 'info_report' THEN 'info' ELSE coalesce(r.data->>'kind', '') END,
    coalesce(CASE WHEN r.tbl = 'info_report' THEN r.data->>'period' ELSE r.data->>'year' END, ''),
    coalesce(r.data->>'status', ''), rm_ts(r.data->>'submitted_at')
    FROM replica_row r WHERE r.tbl IN ('annual_report', 'info_report') AND NOT r.deleted AND r.station_id IS NOT NULL"""
# turnout: live attendances, those checked in, and the distinct enterprises among those
EVENT_SELECT = """SELECT r.id, r.station_id, coalesce(r.data->>'title', ''), coalesce(r.data->>'event_type', ''),
    rm_ts(r.data->>'starts_at'), t.registered, t.checked_in, greatest(coalesce(rm_int(r.data->>'walk_in_count'), 0), 0),
    t.enterprises
    FROM replica_row r CROSS JOIN LATERAL (
        SELECT count(*) AS registered, count(*) FILTER (WHERE a.data->>'checked_in_at' IS NOT NULL) AS checked_in,
               count(DISTINCT rm_uuid(a.data->>'enterprise_id')) FILTER (WHERE a.data->>'checked_in_at' IS NOT NULL) AS enterprises
        FROM replica_row a WHERE a.tbl = 'event_attendance' AND a.data->>'event_id' = r.id::text AND NOT a.deleted) t
    WHERE r.tbl = 'event' AND NOT r.deleted AND r.station_id IS NOT NULL AND rm_ts(r.data->>'starts_at') IS NOT NULL"""
COPIES = {  # read model: (its columns, the SELECT)
    "rm_station": ("station_id, code, name, district, host_organisation, status, signage_hung_on, work_rules_filed_on",
                   STATION_SELECT),
    "rm_staff": ("id, station_id, name, role, full_time, start_date, end_date", STAFF_SELECT),
    "rm_demand": ("id, station_id, status, received_on, due_on, closed_at", DEMAND_SELECT),
    "rm_report": ("id, station_id, kind, period, status, submitted_at", REPORT_SELECT),
    "rm_event": ("id, station_id, title, event_type, starts_at, registered, checked_in, walk_in, enterprises", EVENT_SELECT),
}
_KEY = {"rm_station": "station_id"}

# Service records as (sign, station, month, enterprise, score text): one change row each.
# A value counts when PostgreSQL can cast it.  FAST casts plainly (a bad value fails the whole
# statement); SAFE casts row by row with rm_try_*, and runs only when FAST failed: both give the
# same answer wherever FAST succeeds, so what one adds the other subtracts exactly.
RECORDS = """SELECT c.sign, c.station_id, CAST(date_trunc('month', CAST({day} AS timestamp)) AS date) AS month, {enterprise} AS enterprise_id,
    c.data->>'satisfaction' AS s
    FROM ({{src}}) c WHERE c.tbl = 'service_record' AND NOT c.deleted AND c.station_id IS NOT NULL"""
FAST = {"day": "CAST(c.data->>'service_date' AS date)", "enterprise": "CAST(c.data->>'enterprise_id' AS uuid)"}
SAFE = {"day": "rm_try_date(c.data->>'service_date')", "enterprise": "rm_try_uuid(c.data->>'enterprise_id')"}
_SCORES = ", ".join(f"coalesce(sum(sign) FILTER (WHERE s = '{n}'), 0)" for n in range(1, 6))


def month_delta(casts: dict[str, str]) -> str:
    records = RECORDS.format(**casts)
    return f"""INSERT INTO rm_month AS m (station_id, month, records, score_1, score_2, score_3, score_4, score_5)
    SELECT station_id, month, sum(sign), {_SCORES} FROM ({records}) x WHERE month IS NOT NULL GROUP BY station_id, month
    ORDER BY station_id, month
    ON CONFLICT (station_id, month) DO UPDATE SET records = m.records + EXCLUDED.records,
    {", ".join(f"score_{n} = m.score_{n} + EXCLUDED.score_{n}" for n in range(1, 6))}"""


def served_delta(casts: dict[str, str]) -> str:
    return f"""INSERT INTO rm_served AS v (station_id, month, enterprise_id, records)
    SELECT station_id, month, enterprise_id, sum(sign) FROM ({RECORDS.format(**casts)}) x
    WHERE month IS NOT NULL AND enterprise_id IS NOT NULL GROUP BY station_id, month, enterprise_id HAVING sum(sign) <> 0
    ORDER BY station_id, month, enterprise_id
    ON CONFLICT (station_id, month, enterprise_id) DO UPDATE SET records = v.records + EXCLUDED.records"""


def changed_keys(casts: dict[str, str]) -> str:
    """The delta of the served sets, answering the members that came or went (rm_change)."""
    return f"""WITH up AS ({served_delta(casts)}
    RETURNING station_id, month, enterprise_id, records, (xmax = 0) AS inserted)
    SELECT array_agg(ROW(station_id, month, enterprise_id,
        CASE WHEN inserted AND records > 0 THEN 1 WHEN NOT inserted AND records <= 0 THEN -1 ELSE 0 END)::rm_change)
    FROM up WHERE inserted OR records <= 0"""


# A period's count moves only with the members that came or went, by enterprise: it counts an
# enterprise before when it had a month there outside the changed ones ("keep") or one that
# went, and after when it has one outside them or one that came.
SERVED_MOVES = """INSERT INTO rm_served_period AS p (station_id, period, served)
    SELECT station_id, period, sum((keep OR came)::int - (keep OR went)::int) FROM (
        SELECT g.*, EXISTS (SELECT 1 FROM rm_served x WHERE x.station_id = g.station_id
            AND x.enterprise_id = g.enterprise_id AND x.month >= g.first AND x.month < g.after
            AND x.month <> ALL (g.months)) AS keep
        FROM (SELECT c.station_id, c.enterprise_id, q.period, q.first, q.after, bool_or(c.change > 0) AS came,
                     bool_or(c.change < 0) AS went, array_agg(c.month) AS months
              FROM unnest(changes) c CROSS JOIN LATERAL (VALUES
                (to_char(c.month, 'YYYY-MM'), c.month, (c.month + interval '1 month')::date),
                (to_char(c.month, 'YYYY') || '-Q' || extract(quarter FROM c.month), date_trunc('quarter', c.month)::date,
                 (date_trunc('quarter', c.month) + interval '3 months')::date),
                (to_char(c.month, 'YYYY'), date_trunc('year', c.month)::date,
                 (date_trunc('year', c.month) + interval '1 year')::date)
              ) AS q(period, first, after)
              WHERE c.change <> 0 GROUP BY c.station_id, c.enterprise_id, q.period, q.first, q.after) g) m
    GROUP BY station_id, period HAVING sum((keep OR came)::int - (keep OR went)::int) <> 0
    ORDER BY station_id, period
    ON CONFLICT (station_id, period) DO UPDATE SET served = p.served + EXCLUDED.served"""
SERVED_COUNT = """INSERT INTO rm_served_period AS p (station_id, period, served)
    SELECT k.station_id, k.period, (SELECT count(DISTINCT s.enterprise_id) FROM rm_served s
        WHERE s.station_id = k.station_id AND s.month >= k.first AND s.month < k.after)
    FROM (SELECT DISTINCT u.station_id, q.period, q.first, q.after FROM {keys} u CROSS JOIN LATERAL (VALUES
        (to_char(u.month, 'YYYY-MM'), u.month, (u.month + interval '1 month')::date),
        (to_char(u.month, 'YYYY') || '-Q' || extract(quarter FROM u.month), date_trunc('quarter', u.month)::date,
         (date_trunc('quarter', u.month) + interval '3 months')::date),
        (to_char(u.month, 'YYYY'), date_trunc('year', u.month)::date, (date_trunc('year', u.month) + interval '1 year')::date)
    ) AS q(period, first, after)) k
    ORDER BY k.station_id, k.period
    ON CONFLICT (station_id, period) DO UPDATE SET served = EXCLUDED.served"""


def _refresh_copies() -> str:
    """plpgsql: re-read the typed copies of the rows with ids in the arrays named after them."""
    parts = []
    for table, (columns, select) in COPIES.items():
        ids = f"ids_{table}"
        key = _KEY.get(table, "id")
        parts.append(f"""
        IF {ids} IS NOT NULL THEN
            DELETE FROM {table} WHERE {key} = ANY({ids});
            INSERT INTO {table} ({columns}) {select} AND r.id = ANY({ids});
        END IF;""")
    return "".join(parts)


# One function per trigger, with its transition tables named in static SQL: PL/pgSQL keeps
# the plans of static statements for the connection's life, where EXECUTE planned every
# statement again on every push (~1 ms each, most of an everyday 20-row push's extra cost).
SOURCES = {
    "insert": "SELECT 1 AS sign, tbl, id, station_id, deleted, data FROM rm_new",
    "update": "SELECT -1 AS sign, tbl, id, station_id, deleted, data FROM rm_old "
              "UNION ALL SELECT 1, tbl, id, station_id, deleted, data FROM rm_new",
    "delete": "SELECT -1 AS sign, tbl, id, station_id, deleted, data FROM rm_old",
}


def _served_keys(casts: dict[str, str], src: str) -> str:
    """changed_keys as a PL/pgSQL statement answering into `changes`."""
    return changed_keys(casts).format(src=src).replace("SELECT array_agg(ROW", "SELECT INTO changes array_agg(ROW")


def trigger_function(op_name: str) -> str:
    return f"""
CREATE FUNCTION rm_refresh_{op_name}() RETURNS trigger LANGUAGE plpgsql AS $fn${refresh_body(SOURCES[op_name])}
    RETURN NULL;
END $fn$"""


def refresh_body(src: str) -> str:
    """The PL/pgSQL declarations and statements that apply the rows of `src` (also HQ migration
    0008's drain, over its batch of notes)."""
    return f"""
DECLARE
    has_records boolean;
    changes rm_change[];
    ids_rm_station uuid[]; ids_rm_staff uuid[]; ids_rm_demand uuid[]; ids_rm_report uuid[]; ids_rm_event uuid[];
BEGIN
    SELECT INTO has_records, ids_rm_station, ids_rm_staff, ids_rm_demand, ids_rm_report, ids_rm_event
        bool_or(tbl = 'service_record'),
        array_agg(DISTINCT id) FILTER (WHERE tbl = 'station'),
        array_agg(DISTINCT id) FILTER (WHERE tbl = 'staff_member'),
        array_agg(DISTINCT id) FILTER (WHERE tbl = 'demand'),
        array_agg(DISTINCT id) FILTER (WHERE tbl IN ('annual_report', 'info_report')),
        array_agg(DISTINCT CASE WHEN tbl = 'event' THEN id ELSE rm_uuid(data->>'event_id') END)
            FILTER (WHERE tbl = 'event' OR (tbl = 'event_attendance' AND rm_uuid(data->>'event_id') IS NOT NULL))
        FROM ({src}) c WHERE tbl IN ('service_record', 'station', 'staff_member', 'demand', 'annual_report',
                                    'info_report', 'event', 'event_attendance');
    IF has_records THEN
        BEGIN
            {month_delta(FAST).format(src=src)};
            {_served_keys(FAST, src)};
        EXCEPTION WHEN data_exception THEN  -- a value the plain casts refuse: again, row by row
            {month_delta(SAFE).format(src=src)};
            {_served_keys(SAFE, src)};
        END;
        IF changes IS NOT NULL THEN
            DELETE FROM rm_served s USING unnest(changes) k WHERE s.station_id = k.station_id
                AND s.month = k.month AND s.enterprise_id = k.enterprise_id AND s.records <= 0;
            {SERVED_MOVES};
        END IF;
    END IF;{_refresh_copies()}"""


TRIGGER_FUNCTIONS = [trigger_function(name) for name in SOURCES]

TRIGGERS = [
    """CREATE TRIGGER rm_refresh_insert AFTER INSERT ON replica_row REFERENCING NEW TABLE AS rm_new
        FOR EACH STATEMENT EXECUTE FUNCTION rm_refresh_insert()""",
    """CREATE TRIGGER rm_refresh_update AFTER UPDATE ON replica_row REFERENCING OLD TABLE AS rm_old NEW TABLE AS rm_new
        FOR EACH STATEMENT EXECUTE FUNCTION rm_refresh_update()""",
    """CREATE TRIGGER rm_refresh_delete AFTER DELETE ON replica_row REFERENCING OLD TABLE AS rm_old
        FOR EACH STATEMENT EXECUTE FUNCTION rm_refresh_delete()""",
]

ALL_ROWS = "SELECT 1 AS sign, tbl, id, station_id, deleted, data FROM replica_row WHERE tbl = 'service_record'"
BACKFILL = [
    SERVED_COUNT.format(keys="(SELECT DISTINCT station_id, month FROM rm_served)"),
    *(f"INSERT INTO {table} ({columns}) {select}" for table, (columns, select) in COPIES.items()),
]
READ_MODELS = ("rm_station", "rm_staff", "rm_month", "rm_served", "rm_served_period", "rm_event", "rm_demand", "rm_report")


def _backfill_records() -> None:
    """The service records already stored, with plain casts, or row by row if one fails."""
    conn = op.get_bind()
    try:
        with conn.begin_nested():
            for statement in (month_delta(FAST), served_delta(FAST)):
                conn.exec_driver_sql(statement.format(src=ALL_ROWS))
    except DBAPIError:
        for statement in (month_delta(SAFE), served_delta(SAFE)):
            conn.exec_driver_sql(statement.format(src=ALL_ROWS))


def upgrade() -> None:
    for statement in [*FUNCTIONS, *TABLES, *TRIGGER_FUNCTIONS, *TRIGGERS]:
        op.execute(statement)
    _backfill_records()
    for statement in BACKFILL:
        op.execute(statement)


def downgrade() -> None:
    for name in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS rm_refresh_{name} ON replica_row")
    for name in SOURCES:
        op.execute(f"DROP FUNCTION IF EXISTS rm_refresh_{name}()")
    op.execute("DROP INDEX IF EXISTS ix_replica_row_event_ref")
    for table in READ_MODELS:
        op.execute(f"DROP TABLE IF EXISTS {table}")
    op.execute("DROP TYPE IF EXISTS rm_change")
    for function in ("rm_day", "rm_try_date", "rm_try_uuid", "rm_ts", "rm_uuid", "rm_int"):
        op.execute(f"DROP FUNCTION IF EXISTS {function}(text)")
