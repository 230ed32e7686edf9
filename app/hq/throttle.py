"""Per-address back-off for failed enrolment codes and bad tokens (docs/sync-protocol.md,
"Limits and throttling").

An address may fail FREE_FAILURES times; one failure is forgiven every FORGIVE_SECONDS.
Past that allowance each further failure locks the address for FIRST_WAIT seconds, then
twice as long, … up to MAX_WAIT.  While locked, its enrolment attempts and its unknown
tokens are answered 429 with `Retry-After` before any database work.  Guessing was never
feasible (100-bit codes, 256-bit tokens); what this stops is the cost: every guess was a
database round trip and, for enrol, a body to decompress.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

FREE_FAILURES = 10
FORGIVE_SECONDS = 60.0
FIRST_WAIT = 1.0
MAX_WAIT = 900.0
MAX_ADDRESSES = 100_000  # memory bound: a flood from many addresses forgets the oldest


@dataclass
class _Record:
    failures: float  # decayed count of recent failures
    at: float  # when `failures` was last updated
    strikes: int = 0  # failures past the allowance: the back-off's exponent
    locked_until: float = 0.0


class AddressThrottle:
    """Thread-safe; `clock` is monotonic seconds (tests inject a fake one)."""

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        free: int = FREE_FAILURES,
        forgive_seconds: float = FORGIVE_SECONDS,
        first_wait: float = FIRST_WAIT,
        max_wait: float = MAX_WAIT,
        max_addresses: int = MAX_ADDRESSES,
    ) -> None:
        self.clock, self.free, self.forgive_seconds = clock, free, forgive_seconds
        self.first_wait, self.max_wait, self.max_addresses = first_wait, max_wait, max_addresses
        self._lock = threading.Lock()
        self._records: dict[str, _Record] = {}

    def retry_after(self, address: str) -> int | None:
        """Whole seconds `address` must still wait, or None when it may try now."""
        now = self.clock()
        with self._lock:
            record = self._records.get(address)
            if record is None or record.locked_until <= now:
                return None
            return max(1, math.ceil(record.locked_until - now))

    def failed(self, address: str) -> int | None:
        """Count one failure of `address`; the wait it now owes (seconds), or None."""
        now = self.clock()
        with self._lock:
            record = self._records.get(address)
            if record is None:
                if len(self._records) >= self.max_addresses:
                    self._prune(now)
                record = self._records[address] = _Record(0.0, now)
            record.failures = self._decayed(record, now) + 1
            record.at = now
            if record.failures <= self.free:
                record.strikes = 0
                return None
            record.strikes += 1
            wait: float = min(self.first_wait * float(2 ** min(record.strikes - 1, 30)), self.max_wait)
            record.locked_until = now + wait
            return max(1, math.ceil(wait))

    def _decayed(self, record: _Record, now: float) -> float:
        return max(0.0, record.failures - (now - record.at) / self.forgive_seconds)

    def _prune(self, now: float) -> None:
        """Forget addresses that are neither locked nor owed anything; if that frees too
        little, the least recently failed half."""
        self._records = {
            a: r for a, r in self._records.items() if r.locked_until > now or self._decayed(r, now) > 0
        }
        if len(self._records) >= self.max_addresses:
            keep = sorted(self._records.items(), key=lambda item: item[1].at)[len(self._records) // 2 :]
            self._records = dict(keep)
