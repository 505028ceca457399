"""The three ways an alert reaches the duty staff: a WeCom group robot, e-mail, and a generic webhook.

Each sender makes one attempt and returns a ``ChannelResult`` (ok, and what the other side answered); network
and API failures are answers too, never exceptions, so the dispatcher can store them and retry.
"""
from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

import requests

# The WeCom group robot refuses text content over 2048 bytes of UTF-8.
WECOM_MAX_BYTES = 2048
# The robot's answer when more than about 20 messages a minute were sent to it.
WECOM_RATE_LIMITED = 45009
SMTP_SSL_PORT = 465
ANSWER_CHARS = 300


@dataclass
class ChannelResult:
    """One attempt's outcome: ``ok``, the other side's answer (or our error) and whether it was a rate limit."""

    ok: bool
    answer: str
    rate_limited: bool = False


def mention_list(setting: str) -> list:
    """ALERT_WECOM_MENTION as the robot's ``mentioned_mobile_list``: mobile numbers, or "@all"."""
    return [part.strip() for part in (setting or "").replace("，", ",").split(",") if part.strip()]


def send_wecom(config, content: str) -> ChannelResult:
    """Post a text message to the WeCom group robot; ok when it answers HTTP 200 with errcode 0."""
    body = {"msgtype": "text", "text": {"content": content}}
    mentions = mention_list(config.ALERT_WECOM_MENTION)
    if mentions:
        body["text"]["mentioned_mobile_list"] = mentions
    try:
        response = requests.post(config.ALERT_WECOM_WEBHOOK_URL, json=body, timeout=config.ALERT_TIMEOUT_SECONDS)
    except requests.RequestException as e:
        return ChannelResult(False, _network_error(e))
    if response.status_code != 200:
        return ChannelResult(False, f"HTTP {response.status_code}：{_short(response.text)}")
    try:
        answer = response.json()
        errcode = int(answer.get("errcode", -1))
    except (ValueError, AttributeError, TypeError):
        return ChannelResult(False, f"企业微信返回了无法识别的内容：{_short(response.text)}")
    if errcode == 0:
        return ChannelResult(True, _short(response.text))
    if errcode == WECOM_RATE_LIMITED:
        return ChannelResult(False, f"errcode {errcode}：企业微信机器人发送过快（每分钟约20条），稍后合并重发",
                             rate_limited=True)
    return ChannelResult(False, f"errcode {errcode}：{_short(str(answer.get('errmsg', '')))}")


def email_recipients(setting: str) -> list:
    """ALERT_EMAIL_TO as a list of addresses."""
    return [part.strip() for part in (setting or "").replace("，", ",").replace(";", ",").split(",") if part.strip()]


def send_email(config, subject: str, body: str) -> ChannelResult:
    """Send a UTF-8 mail through ALERT_SMTP_HOST (STARTTLS and login when configured; port 465 is TLS)."""
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = config.ALERT_EMAIL_FROM or config.ALERT_SMTP_USER or "msa-bot@localhost"
    message["To"] = ", ".join(email_recipients(config.ALERT_EMAIL_TO))
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="msa-bot")
    message.set_content(body, charset="utf-8")
    timeout = config.ALERT_TIMEOUT_SECONDS
    try:
        if config.ALERT_SMTP_PORT == SMTP_SSL_PORT:
            smtp = smtplib.SMTP_SSL(config.ALERT_SMTP_HOST, config.ALERT_SMTP_PORT, timeout=timeout,
                                    context=ssl.create_default_context())
        else:
            smtp = smtplib.SMTP(config.ALERT_SMTP_HOST, config.ALERT_SMTP_PORT, timeout=timeout)
        try:
            if config.ALERT_SMTP_STARTTLS and config.ALERT_SMTP_PORT != SMTP_SSL_PORT:
                smtp.starttls(context=ssl.create_default_context())
            if config.ALERT_SMTP_USER:
                smtp.login(config.ALERT_SMTP_USER, config.ALERT_SMTP_PASSWORD)
            refused = smtp.send_message(message)
            # The mail is accepted: a failing QUIT must not turn it into a failure that sends it twice.
            try:
                smtp.quit()
            except (smtplib.SMTPException, OSError):
                pass
        finally:
            smtp.close()
    except smtplib.SMTPResponseException as e:
        return ChannelResult(False, f"SMTP {e.smtp_code}：{_short(_decode(e.smtp_error))}")
    except smtplib.SMTPRecipientsRefused as e:
        return ChannelResult(False, f"收件人被拒绝：{', '.join(e.recipients)}")
    except (smtplib.SMTPException, OSError) as e:
        return ChannelResult(False, _network_error(e))
    if refused:
        return ChannelResult(True, f"已发送，但这些收件人被拒绝：{', '.join(refused)}")
    return ChannelResult(True, f"已发送给 {message['To']}")


def send_webhook(config, payload: dict) -> ChannelResult:
    """POST the alert's JSON to ALERT_WEBHOOK_URL; any 2xx answer is success."""
    try:
        response = requests.post(config.ALERT_WEBHOOK_URL, json=payload, timeout=config.ALERT_TIMEOUT_SECONDS)
    except requests.RequestException as e:
        return ChannelResult(False, _network_error(e))
    answer = f"HTTP {response.status_code}：{_short(response.text)}"
    return ChannelResult(200 <= response.status_code < 300, answer)


def _network_error(error: Exception) -> str:
    if isinstance(error, (requests.Timeout, TimeoutError)):
        return f"超时（{type(error).__name__}）"
    if isinstance(error, (requests.ConnectionError, ConnectionError)):
        return f"无法连接（{type(error).__name__}）"
    return f"{type(error).__name__}：{_short(str(error))}"


def _decode(value) -> str:
    return value.decode("utf-8", errors="replace") if isinstance(value, bytes) else str(value)


def _short(text: str) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= ANSWER_CHARS else flat[:ANSWER_CHARS] + "…"
