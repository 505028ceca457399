"""Every SQL statement of navigation-notice subscriptions (migration 7): subscriptions by place, consent to a
subscription-notification template, the notices seen active and their deliveries (one per notice and user).

Portable SQL (bot/store/__init__.py). The functions that write join the caller's transaction when there is one.
"""
from __future__ import annotations

import json

from ..clock import iso

# The place of a subscription to every place (the whole jurisdiction).
ALL = ""
# Unsent outbox statuses of a notice (as bot.wechat.outbox names them).
UNSENT = ("pending", "failed", "sending")


def _rows(db, sql: str, params=()) -> list:
    cursor = db.execute(sql, list(params))
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _marks(values) -> str:
    return ", ".join("?" for _ in values)


# ---- subscriptions -----------------------------------------------------------------------------------------

def places(db, user_id: str) -> list:
    """The places a user subscribed notices for, oldest first: ``[ALL]`` for every place, ``[]`` when none."""
    return [r["place"] for r in _rows(db, "select place from notice_subscriptions where user_id = ? "
                                          "order by created_at, place", [user_id])]


def subscribe(db, user_id: str, wanted: tuple, now, source: str = "chat") -> None:
    """Add ``wanted`` places (``()`` = every place) to the user's subscription.

    Every place replaces a list of places; a place replaces a subscription to every place (it narrows it). A
    place already subscribed keeps its time, so asking again never delays a notice.
    """
    current = places(db, user_id)
    if not wanted:
        if current == [ALL]:
            return
        db.execute("delete from notice_subscriptions where user_id = ?", [user_id])
        wanted = (ALL,)
    elif ALL in current:
        db.execute("delete from notice_subscriptions where user_id = ? and place = ?", [user_id, ALL])
    for place in wanted:
        db.execute("insert into notice_subscriptions (user_id, place, created_at, source) values (?, ?, ?, ?) "
                   "on conflict (user_id, place) do nothing", [user_id, place, iso(now), source])


def unsubscribe(db, user_id: str, unwanted: tuple = ()) -> int:
    """Remove the given places (``()``: the whole subscription); return how many rows went."""
    if not unwanted:
        return db.execute("delete from notice_subscriptions where user_id = ?", [user_id]).rowcount
    return db.execute(f"delete from notice_subscriptions where user_id = ? and place in ({_marks(unwanted)})",
                      [user_id, *unwanted]).rowcount


def subscribed_places(db) -> list:
    """Every place someone subscribed for (not ALL)."""
    return [r["place"] for r in _rows(db, "select distinct place from notice_subscriptions where place != ? "
                                          "order by place", [ALL])]


def subscribers(db, notice_places: tuple, active_at: str) -> list:
    """Users whose subscription, made by ``active_at``, covers a notice of these places (none: every subscriber)."""
    if not notice_places:
        rows = _rows(db, "select distinct user_id from notice_subscriptions where created_at <= ? order by user_id",
                     [active_at])
    else:
        rows = _rows(db, f"select distinct user_id from notice_subscriptions where created_at <= ? "
                         f"and (place = ? or place in ({_marks(notice_places)})) order by user_id",
                     [active_at, ALL, *notice_places])
    return [r["user_id"] for r in rows]


def subscribers_by_place(db) -> list:
    """``[(place, users)]``, ALL first, then by number of users; and the count of distinct subscribers."""
    rows = _rows(db, "select place, count(*) as n from notice_subscriptions group by place")
    rows.sort(key=lambda r: (r["place"] != ALL, -r["n"], r["place"]))
    return [(r["place"], r["n"]) for r in rows]


def subscriber_count(db) -> int:
    """How many users subscribed notices (for any place)."""
    return db.execute("select count(distinct user_id) from notice_subscriptions").fetchone()[0]


def subscriber_list(db, limit: int = 200) -> list:
    """The newest subscriptions: ``{user_id, place, created_at, source, consent}`` (consent to any template)."""
    return _rows(db, "select s.user_id, s.place, s.created_at, s.source, "
                     "(select max(c.status) from template_consents c where c.user_id = s.user_id) as consent "
                     "from notice_subscriptions s order by s.created_at desc, s.user_id limit ?", [limit])


# ---- consent to a template ---------------------------------------------------------------------------------

def consent(db, user_id: str, template_id: str) -> str | None:
    """'accept', 'reject' or None (never said) for one user and template."""
    row = db.execute("select status from template_consents where user_id = ? and template_id = ?",
                     [user_id, template_id]).fetchone()
    return row[0] if row else None


def set_consent(db, user_id: str, template_id: str, status: str, source: str, now) -> None:
    """Record what the user said about a template (popup, change, a sent event, a send refused with 43101)."""
    db.execute("insert into template_consents (user_id, template_id, status, source, updated_at) "
               "values (?, ?, ?, ?, ?) on conflict (user_id, template_id) do update set status = excluded.status, "
               "source = excluded.source, updated_at = excluded.updated_at",
               [user_id, template_id, status, source, iso(now)])


def consent_counts(db, template_id: str) -> dict:
    """``{"accept": n, "reject": m}`` for one template."""
    out = {"accept": 0, "reject": 0}
    for r in _rows(db, "select status, count(*) as n from template_consents where template_id = ? group by status",
                   [template_id]):
        out[r["status"]] = r["n"]
    return out


# ---- notices and deliveries ----------------------------------------------------------------------------------

def record_notice(db, key: str, faq_id: str, title: str, valid_from: str, valid_until: str,
                  notice_places: tuple, now) -> dict:
    """The notice's row, stored the first time any process sees it active (its ``active_at``)."""
    seen = notice(db, key)
    if seen is not None:
        return seen
    db.execute("insert into notices (notice_key, faq_id, title, valid_from, valid_until, places, active_at) "
               "values (?, ?, ?, ?, ?, ?, ?) on conflict (notice_key) do nothing",
               [key, faq_id, title, valid_from, valid_until, json.dumps(list(notice_places), ensure_ascii=False),
                iso(now)])
    return notice(db, key)


def notice(db, key: str) -> dict | None:
    """One notice's row (``places`` as a list), or None."""
    rows = _rows(db, "select * from notices where notice_key = ?", [key])
    if not rows:
        return None
    row = rows[0]
    row["places"] = json.loads(row["places"] or "[]")
    return row


def mark_dispatched(db, key: str, now) -> None:
    """Every subscriber of the notice has a delivery: the job need not look at it again."""
    db.execute("update notices set dispatched_at = ? where notice_key = ? and dispatched_at is null", [iso(now), key])


def claim_delivery(db, key: str, user_id: str, now) -> bool:
    """Claim the notice for this user; True only for the one caller (of any process) whose row was new."""
    return db.execute("insert into notice_deliveries (notice_key, user_id, created_at) values (?, ?, ?) "
                      "on conflict (notice_key, user_id) do nothing", [key, user_id, iso(now)]).rowcount == 1


def link_delivery(db, key: str, user_id: str, outbox_id: int) -> None:
    """The outbox row that carries the notice to the user."""
    db.execute("update notice_deliveries set outbox_id = ? where notice_key = ? and user_id = ?",
               [outbox_id, key, user_id])


def queue_delivery(db, key: str, user_id: str, now, outbox_row: dict) -> bool:
    """Claim the notice for this user and queue ``outbox_row`` for it, in one transaction of its own; True when
    this call queued it (False: another call, of any process, had claimed it)."""
    db.execute("BEGIN")
    try:
        if not claim_delivery(db, key, user_id, now):
            db.conn.rollback()
            return False
        link_delivery(db, key, user_id, insert_outbox(db, outbox_row))
        db.conn.commit()
        return True
    except BaseException:
        db.conn.rollback()
        raise


def insert_outbox(db, row: dict) -> int:
    """An outbox row written inside the caller's transaction; its id."""
    names = list(row)
    cursor = db.execute(f"insert into outbox ({', '.join(names)}) values ({_marks(names)}) returning id",
                        [row[n] for n in names])
    return cursor.fetchall()[0][0]


def unsent_deliveries(db, user_id: str) -> list:
    """The user's notices not sent yet: ``{outbox_id, places}``."""
    rows = _rows(db, f"select o.id as outbox_id, n.places from notice_deliveries d "
                     f"join notices n on n.notice_key = d.notice_key join outbox o on o.id = d.outbox_id "
                     f"where d.user_id = ? and o.status in ({_marks(UNSENT)})", [user_id, *UNSENT])
    for r in rows:
        r["places"] = json.loads(r["places"] or "[]")
    return rows


def wake_waiting(db, user_id: str, now) -> int:
    """Notices waiting for a way to reach the user (window closed, no consent) are tried again now."""
    return db.execute("update outbox set next_attempt_at = ? where user_id = ? and kind = 'notice' "
                      "and status = 'failed' and next_attempt_at is null and coalesce(errcode, 0) != 43101",
                      [iso(now), user_id]).rowcount


def notification_row(db, user_id: str, msgid: str) -> dict | None:
    """The notification a sent event is about: by WeChat's msgid, else the user's oldest one still unconfirmed."""
    if msgid:
        rows = _rows(db, "select * from outbox where msgid = ? and user_id = ?", [msgid, user_id])
        if rows:
            return rows[0]
    rows = _rows(db, "select * from outbox where user_id = ? and channel = 'template' and status = 'sent' "
                     "and receipt is null order by sent_at, id limit 1", [user_id])
    return rows[0] if rows else None


def notices_seen(db) -> dict:
    """Every notice row by key (``places`` as a list)."""
    out = {}
    for row in _rows(db, "select * from notices order by active_at desc"):
        row["places"] = json.loads(row["places"] or "[]")
        out[row["notice_key"]] = row
    return out


def delivery_counts(db) -> dict:
    """Per notice key, how its deliveries stand: ``{outcome: count}`` (outcomes as ``delivery_outcome`` names)."""
    out: dict = {}
    for r in _rows(db, "select d.notice_key, o.status, o.channel, o.errcode, o.next_attempt_at, o.receipt "
                       "from notice_deliveries d left join outbox o on o.id = d.outbox_id"):
        counts = out.setdefault(r["notice_key"], {})
        outcome = delivery_outcome(r)
        counts[outcome] = counts.get(outcome, 0) + 1
    return out


def delivery_outcome(row: dict) -> str:
    """Where one delivery stands, from its outbox row: custom / template (sent that way), refused (43101),
    waiting (no way to reach the user now), sending (queued or retrying), expired, cancelled or lost."""
    status = row.get("status")
    if status is None:
        return "lost"
    if status == "sent":
        return "template" if row.get("channel") == "template" else "custom"
    if status == "failed" and row.get("errcode") == 43101:
        return "refused"
    if status == "failed" and not row.get("next_attempt_at"):
        return "waiting"
    if status in ("expired", "cancelled"):
        return status
    return "sending"


def forget(db, user_id: str) -> None:
    """Delete the user's subscriptions, consents and deliveries (the user unfollowed the account)."""
    for table in ("notice_deliveries", "notice_subscriptions", "template_consents"):
        db.execute(f"delete from {table} where user_id = ?", [user_id])
