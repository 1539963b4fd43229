"""Settings from the environment (JIFEN_*) and an optional .env file."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="JIFEN_", env_file=".env", extra="ignore")

    database_url: str = "sqlite+aiosqlite:///jifen.db"
    # Seconds a request may wait on PostgreSQL (to connect, for a pooled connection, for each
    # statement) before it is answered 503: a database that stops answering must not hang it.
    database_timeout: float = Field(default=10.0, gt=0)
    # Where each process journals the replies it sent before the database has their marks
    # (bot/sent_marks_journal.py); None: jifen-sent-marks-<uid> in the system's temp folder.
    sent_marks_folder: Path | None = None
    default_locale: Literal["zh-CN", "en"] = "zh-CN"
    host: str = "127.0.0.1"
    port: int = 8080
    metrics_host: str = "127.0.0.1"  # /metrics listens here only, never on host:port
    metrics_port: int = Field(default=9464, ge=0, le=65535)  # 0: no metrics listener
    public_url: str | None = None
    log_format: Literal["text", "json"] = "text"
    reminders_in_serve: bool = True
    # Retention (bot/retention.py, run by the reminders worker): what was said is deleted this
    # many days later; a person silent this long, with nothing pending, is erased.
    transcript_retention_days: int = Field(default=365, ge=1)
    inactive_user_days: int = Field(default=365, ge=1)

    staff_opens: str = "09:00"  # staff hours, Asia/Shanghai, on working days (chinesecalendar)
    staff_closes: str = "18:00"
    staff_working_days_only: bool = True
    staff_claim_timeout: int = 600  # seconds a claimed conversation may go unanswered
    console_secure_cookies: bool = False  # set when HTTPS ends at a proxy in front
    trusted_proxies: str = ""  # proxies (addresses, networks) whose X-Forwarded-For is believed

    # Web chat: messages per client address (a token bucket per process; 0 = no limit), and
    # who may frame the page (a CSP source list, e.g. "'self' https://www.example.com").
    web_rate_per_second: float = Field(default=2.0, ge=0)
    web_rate_burst: int = Field(default=60, ge=1)
    web_poll_rate_per_second: float = Field(default=4.0, ge=0)  # history and updates
    web_poll_rate_burst: int = Field(default=120, ge=1)
    web_frame_ancestors: str = Field(default="'self'", pattern=r"^[^;,\r\n]+$")

    telegram_token: SecretStr | None = None
    telegram_mode: Literal["polling", "webhook"] = "webhook"
    telegram_webhook_secret: SecretStr | None = None
    telegram_api_base: str | None = None

    wechat_token: SecretStr | None = None
    wechat_appid: str | None = None
    wechat_secret: SecretStr | None = None
    wechat_aes_key: SecretStr | None = None
    wechat_api_base: str = "https://api.weixin.qq.com"
    wechat_passive_deadline: float = 4.0
    wechat_subscribe_template_id: str | None = None
