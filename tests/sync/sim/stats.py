"""What a simulation run injected and saw, by kind (printed by the test and the soak)."""

from __future__ import annotations

from collections import Counter

# Every kind must fire in a test run (asserted there).
KINDS = (
    "lose_request", "lose_reply", "duplicate", "crash_before_request", "crash_after_commit",
    "crash_at_step", "crash_after_step", "crash_page_cursor", "revoke", "edit_in_flight", "clock_skew",
)
TRANSPORT_KINDS = (
    "lose_request", "lose_reply", "duplicate", "crash_before_request", "crash_after_commit", "revoke", "edit_in_flight",
)
# What the hostile station sends (tests/sync/sim/hostile.py); every kind must fire in a test run too.
HOSTILE_KINDS = (
    "bad_type", "missing_required", "bad_enum", "bad_credit_code", "long_name", "oversized_row",
    "forged_row_station", "forged_other_row", "forged_profile", "hq_reference", "unknown_table", "bad_shape",
    "forged_body_station", "far_future", "delete_foreign", "merge_foreign", "create_own", "replay_batch",
    "replay_batch_new_rows", "replay_rows",
)
STATS: Counter[str] = Counter()  # kind → times injected (and "seeds", "held_for_hq", "clamped", …)
