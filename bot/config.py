"""Configuration from environment variables, with defaults that work locally."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields

from .kb.loader import bundled_knowledge_dir

DEFAULT_API_BASE = "https://api.weixin.qq.com"


@dataclass
class Config:
    """Every setting the app reads; see README for what each does."""

    WECHAT_TOKEN: str = "change-me"
    WECHAT_ENCODING_AES_KEY: str = ""
    # With an AES key, plaintext pushes are refused unless this is on (WeChat's compatible mode while migrating).
    WECHAT_ALLOW_PLAIN: bool = False
    WECHAT_APP_ID: str = ""
    WECHAT_APP_SECRET: str = ""
    WECHAT_API_BASE_URL: str = DEFAULT_API_BASE
    # The subscription-notification template navigation notices go out with once a user's 48-hour window has closed
    # (empty: such users get the notice when they next write), and which template field carries what.
    WECHAT_NOTICE_TEMPLATE_ID: str = ""
    WECHAT_NOTICE_TEMPLATE_FIELDS: str = "thing1=title,time2=start,time3=end,thing4=place"
    BOT_DATABASE: str = "instance/bot.db"
    BOT_KNOWLEDGE_DIR: str = field(default_factory=bundled_knowledge_dir)
    # Days after which what users wrote (and were told) is deleted from the log; counts stay. 0 keeps it forever.
    BOT_RETENTION_DAYS: int = 180
    HOST: str = "127.0.0.1"
    PORT: int = 8000
    SECRET_KEY: str = "dev-secret-change-me"
    # Not from the environment in production: tests shorten these.
    REPLY_DEADLINE_SECONDS: float = 4.5
    # Test-only: hold every webhook reply back this long, to exercise the late-reply path (0 in production).
    REPLY_DELAY_SECONDS: float = 0.0
    RELOAD_CHECK_SECONDS: float = 2.0
    API_TIMEOUT_SECONDS: float = 5.0
    # A customer-service message still unsent this long after it was written is dropped (status 'expired'). 0: never.
    QUEUED_REPLY_EXPIRY_HOURS: float = 24.0
    # How many proxies in front of the app add to X-Forwarded-For (nginx: 1); with 0 the header is ignored.
    TRUSTED_PROXIES: int = 0
    # Session cookies without the Secure flag, for plain http on a developer's machine (python app.py sets it).
    BOT_INSECURE_COOKIES: bool = False
    # Distress alerts to the duty staff (bot/service/): each channel is on when its settings are present.
    ALERT_WECOM_WEBHOOK_URL: str = ""
    ALERT_WECOM_MENTION: str = ""
    ALERT_SMTP_HOST: str = ""
    ALERT_SMTP_PORT: int = 25
    ALERT_SMTP_USER: str = ""
    ALERT_SMTP_PASSWORD: str = ""
    ALERT_SMTP_STARTTLS: bool = False
    ALERT_EMAIL_FROM: str = ""
    ALERT_EMAIL_TO: str = ""
    ALERT_WEBHOOK_URL: str = ""
    ALERT_ESCALATE_MINUTES: float = 5.0
    # A public-opinion risk raises one alert; with this on, it is also escalated like distress when nobody claims it.
    ALERT_OPINION_ESCALATE: bool = False
    PUBLIC_BASE_URL: str = ""
    ALERT_POLL_SECONDS: float = 2.0
    ALERT_TIMEOUT_SECONDS: float = 5.0
    # A 'sending' alert older than this belongs to a process that died mid-send; must exceed one send's time.
    ALERT_LEASE_SECONDS: float = 60.0
    TESTING: bool = False

    @classmethod
    def from_env(cls, environ=None, **overrides) -> "Config":
        """Build from environment variables (unset or empty ones keep their defaults)."""
        environ = os.environ if environ is None else environ
        values = {}
        for f in fields(cls):
            raw = environ.get(f.name)
            if raw is None or raw == "":
                continue
            if f.type in ("int", int):
                values[f.name] = int(raw)
            elif f.type in ("float", float):
                values[f.name] = float(raw)
            elif f.type in ("bool", bool):
                values[f.name] = raw.lower() in ("1", "true", "yes")
            else:
                values[f.name] = raw
        values.update(overrides)
        return cls(**values)

    @property
    def serves_users(self) -> bool:
        """True when this is the office's real account (WECHAT_APP_ID and WECHAT_APP_SECRET set), not a local trial:
        then the knowledge base's example content (fictional notices, sample office hours) must be gone."""
        return bool(self.WECHAT_APP_ID and self.WECHAT_APP_SECRET)

    def production_gaps(self) -> list:
        """Settings production needs that are missing or left at a development default."""
        gaps = []
        if self.WECHAT_TOKEN == "change-me":
            gaps.append("WECHAT_TOKEN")
        if not self.WECHAT_APP_ID or not self.WECHAT_APP_SECRET:
            gaps.append("WECHAT_APP_ID/WECHAT_APP_SECRET (needed to send late replies and staff replies)")
        if self.SECRET_KEY == "dev-secret-change-me":
            gaps.append("SECRET_KEY")
        if self.WECHAT_ENCODING_AES_KEY and len(self.WECHAT_ENCODING_AES_KEY) != 43:
            gaps.append("WECHAT_ENCODING_AES_KEY (must be 43 characters)")
        return gaps
