"""The support settings, read from `Settings` (JIFEN_STAFF_* and JIFEN_CONSOLE_* variables)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time, timedelta

from bot.config import Settings
from bot.support.hours import StaffHours
from bot.support.login import LoginLimits


@dataclass(frozen=True)
class SupportOptions:
    hours: StaffHours = field(default_factory=StaffHours)
    claim_timeout: timedelta = timedelta(minutes=10)
    session_lifetime: timedelta = timedelta(hours=12)
    secure_cookies: bool = False  # True: Secure even when HTTPS ends at a proxy in front
    login_limits: LoginLimits = field(default_factory=LoginLimits)

    @classmethod
    def from_settings(cls, settings: Settings) -> SupportOptions:
        hours = StaffHours(
            time.fromisoformat(settings.staff_opens),
            time.fromisoformat(settings.staff_closes),
            settings.staff_working_days_only,
        )
        return cls(
            hours=hours,
            claim_timeout=timedelta(seconds=settings.staff_claim_timeout),
            secure_cookies=settings.console_secure_cookies,
        )
