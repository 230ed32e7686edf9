"""资源库: HQ's libraries edited from the HQ desk (issue 12) — institutions with their
服务清单, experts, policies with their targets and relay coverage, pick-lists, and the
enterprise library across stations with its duplicates, merges and requests.

Server side only: functions over a SQLAlchemy `Connection` in the caller's transaction,
returning JSON-able dicts.  Every write is checked by the row rules the push path uses
(app.domain.row_rules) plus the library's own rules, published with
app.hq.hq_edits.publish_reference (stations get it at their next sync) and audited
through the caller's `Audit` (before and after, in the same transaction).
"""
