"""The ``handoffs``, ``handoff_notes`` and ``handoff_views`` tables: conversations handed to a person, staff's
internal notes on them and who has a handoff page open.

The policy (when a handoff opens, what it holds, priorities and categories) is in bot/service/conversation.py and
bot/service/handoffs.py; this module only reads and writes.
"""
from __future__ import annotations

from . import sql


def _dicts(cursor) -> list:
    # A plain execute, not ``db.query``: this runs on every message, and ``db.query`` adds a savepoint.
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def latest_of_user(db, user_id: str, states) -> dict | None:
    """The user's newest handoff in one of ``states``, or None."""
    marks = ", ".join("?" for _ in states)
    rows = _dicts(db.execute(f"select * from handoffs where user_id = ? and state in ({marks}) "
                             "order by id desc limit 1", [user_id, *states]))
    return rows[0] if rows else None


def created_and_category(db, handoff_id: int) -> dict | None:
    """created_at and category of a handoff, or None."""
    rows = _dicts(db.execute("select created_at, category from handoffs where id = ?", [handoff_id]))
    return rows[0] if rows else None


# ---- the staff's side: the queue, claims, notes, presence, resolving (bot/service/handoffs.py) --------------

# A handoff's category as staff last said, else as the bot recognised it.
EFFECTIVE_CATEGORY = "(case when h.staff_label = 'none' then null else coalesce(h.staff_label, h.category) end)"

# A handoff with what the queue shows about it: its last delivered staff reply, how many replies failed or wait,
# when the user last wrote, the first message since the last reply, how many came since, the newest one.
_SELECT = """
with replies as (
  select handoff_id, max(sent_at) as last_reply_at from outbox
  where kind = 'staff_reply' and status = 'sent' group by handoff_id
), failures as (
  select handoff_id, count(*) as failed from outbox
  where kind = 'staff_reply' and status in ('failed', 'pending') group by handoff_id
)
select h.*, r.last_reply_at, coalesce(f.failed, 0) as failed_replies, u.last_message_at as user_last_message_at,
  (select min(m.created_at) from messages m
   where m.handoff_id = h.id and m.created_at > coalesce(r.last_reply_at, '')) as first_unanswered_at,
  (select count(*) from messages m where m.handoff_id = h.id and m.msg_type != 'event'
   and m.created_at > coalesce(r.last_reply_at, '')) as new_messages,
  lm.text as latest_text, lm.msg_type as latest_type, lm.created_at as latest_at
from handoffs h
left join replies r on r.handoff_id = h.id
left join failures f on f.handoff_id = h.id
left join users u on u.user_id = h.user_id
left join messages lm on lm.id = (select max(m.id) from messages m where m.handoff_id = h.id and m.msg_type != 'event')
"""



def queue(db, state: str, priority: str | None = None, claimed_by: str | None = None, unclaimed: bool = False,
          search: str = "", category: str = "", limit: int = 200) -> list:
    """Rows (as ``one`` gives them) of the handoffs in ``state``: "open" (not resolved), "all", or one state.

    Filters: ``priority``; ``claimed_by`` that person, or ``unclaimed``; ``search`` text (taken literally) in the
    question, key message or one of the user's messages in the handoff; ``category`` "complaint", "opinion" or
    "flagged" (either), as staff last said else as recognised. Open ones first, unsorted; of the resolved ones only
    the ``limit`` most recently resolved.
    """
    extra, params = "", []
    if category == "flagged":
        extra += f" and {EFFECTIVE_CATEGORY} is not null"
    elif category:
        extra, params = extra + f" and {EFFECTIVE_CATEGORY} = ?", params + [category]
    if priority:
        extra, params = extra + " and h.priority = ?", params + [priority]
    if claimed_by is not None:
        extra, params = extra + " and h.claimed_by = ?", params + [claimed_by]
    elif unclaimed:
        extra += " and h.claimed_by is null"
    if search:
        pattern = "%" + sql.like_escape(search) + "%"
        extra += (" and (h.question like ? escape '\\' or h.key_message like ? escape '\\' or exists "
                  "(select 1 from messages s where s.handoff_id = h.id and s.text like ? escape '\\'))")
        params += [pattern] * 3
    statements = []
    if state in ("open", "all"):
        statements.append((_SELECT + " where h.state != 'resolved'" + extra, params))
    elif state != "resolved":
        statements.append((_SELECT + " where h.state = ?" + extra, [state, *params]))
    if state in ("resolved", "all"):
        statements.append((_SELECT + " where h.state = 'resolved'" + extra
                           + " order by coalesce(h.resolved_at, h.updated_at) desc limit ?", [*params, limit]))
    return [r for statement, args in statements for r in db.query(statement, args)]


def one(db, handoff_id: int) -> dict | None:
    """A handoff's row with the queue's columns (last reply, failed replies, the user's last and newest
    messages, ...), or None."""
    rows = list(db.query(_SELECT + " where h.id = ?", [handoff_id]))
    return rows[0] if rows else None


def state_counts(db) -> dict:
    """Number of handoffs per state present: ``{state: n}``."""
    return {r["state"]: r["n"] for r in db.query("select state, count(*) as n from handoffs group by state")}


def unclaimed_urgent(db) -> list:
    """Urgent pending handoffs not public-opinion risks, newest key message first: id, key_message (else the
    question), key_message_at (else created_at), created_at, distress_kind."""
    return list(db.query(
        "select id, coalesce(nullif(trim(key_message), ''), question, '') as key_message, "
        "coalesce(key_message_at, created_at) as key_message_at, created_at, distress_kind from handoffs "
        "where priority = 'urgent' and state = 'pending' and (category is null or category != 'opinion') "
        "order by coalesce(key_message_at, created_at) desc, id desc"
    ))


def triage_row(db, handoff_id: int) -> dict | None:
    """state, priority, claimed_by and category of a handoff, or None."""
    row = db.execute("select state, priority, claimed_by, category from handoffs where id = ?",
                     [handoff_id]).fetchone()
    return None if row is None else dict(zip(("state", "priority", "claimed_by", "category"), row))


def claim(db, handoff_id: int, staff: str, at: str, take_over: bool = False) -> bool:
    """Mark an unresolved handoff claimed by ``staff`` in one conditional UPDATE (unless ``take_over``, only when
    nobody or ``staff`` has it); False when it was not."""
    mine = "" if take_over else " and (claimed_by is null or claimed_by = ?)"
    cursor = db.execute(
        "update handoffs set state = 'claimed', claimed_by = ?, updated_at = ?, "
        "claimed_at = case when claimed_by is not distinct from ? then coalesce(claimed_at, ?) else ? end "
        "where id = ? and state != 'resolved'" + mine,
        [staff, at, staff, at, at, handoff_id, *([] if take_over else [staff])],
    )
    return cursor.rowcount == 1


def touch(db, handoff_id: int, at: str, first_reply_at: str | None = None) -> None:
    """Mark a handoff changed at ``at`` (and set its ``first_reply_at`` when given)."""
    changes = {"updated_at": at}
    if first_reply_at:
        changes["first_reply_at"] = first_reply_at
    sql.update(db, "handoffs", handoff_id, changes)


def mark_resolved(db, handoff_id: int, staff: str, claimed_by: str, at: str) -> None:
    """Set a handoff resolved by ``staff`` at ``at``, handled by ``claimed_by``."""
    sql.update(db, "handoffs", handoff_id, {"state": "resolved", "resolved_at": at, "resolved_by": staff,
                                            "claimed_by": claimed_by, "updated_at": at})


def mark_closed(db, handoff_id: int, staff: str, at: str) -> None:
    """Set a handoff resolved by ``staff`` at ``at`` (a bulk close); ``staff`` handles it if nobody did."""
    db.execute("update handoffs set state = 'resolved', resolved_at = ?, resolved_by = ?, "
               "claimed_by = coalesce(claimed_by, ?), updated_at = ? where id = ?",
               [at, staff, staff, at, handoff_id])


def reopen(db, handoff_id: int, staff: str, note: str, at: str) -> None:
    """In one transaction: ``note`` by ``staff``, and the handoff pending again, unclaimed, reopened by ``staff``."""
    with db.atomic():
        add_note(db, handoff_id, staff, note, at)
        sql.update(db, "handoffs", handoff_id, {
            "state": "pending", "resolved_at": None, "resolved_by": None, "claimed_by": None, "claimed_at": None,
            "reopened_at": at, "reopened_by": staff, "updated_at": at,
        })


def relabel(db, handoff_id: int, label: str, staff: str, note: str, at: str) -> None:
    """In one transaction: staff's ``label`` on the handoff (by ``staff``, at ``at``) and ``note`` saying so."""
    with db.atomic():
        sql.update(db, "handoffs", handoff_id, {"staff_label": label, "labelled_by": staff, "labelled_at": at,
                                                "updated_at": at})
        add_note(db, handoff_id, staff, note, at)


# ---- internal notes (handoff_notes) ----

def notes(db, handoff_id: int) -> list:
    """Internal notes of a handoff, oldest first."""
    return list(db.query("select * from handoff_notes where handoff_id = ? order by created_at, id", [handoff_id]))


def add_note(db, handoff_id: int, author: str, text: str, at: str) -> int:
    """Add an internal note and mark the handoff changed at ``at`` (outside a transaction, one after the other);
    return the note's id."""
    note_id = sql.insert(db, "handoff_notes", {"handoff_id": handoff_id, "author": author, "text": text,
                                               "created_at": at})
    sql.update(db, "handoffs", handoff_id, {"updated_at": at})
    return note_id


def insert_note(db, handoff_id: int, author: str, text: str, at: str) -> None:
    """Add an internal note only (the caller changes the handoff itself)."""
    db.execute("insert into handoff_notes (handoff_id, author, text, created_at) values (?, ?, ?, ?)",
               [handoff_id, author, text, at])


# ---- who has the handoff page open (handoff_views) ----

def record_view(db, handoff_id: int, staff: str, at: str, forget_before: str) -> None:
    """``staff`` has the handoff page open at ``at``; views older than ``forget_before`` (any handoff) go."""
    db.execute("insert into handoff_views (handoff_id, staff, seen_at) values (?, ?, ?) "
               "on conflict(handoff_id, staff) do update set seen_at = excluded.seen_at",
               [handoff_id, staff, at])
    db.execute("delete from handoff_views where seen_at < ?", [forget_before])


def viewers(db, handoff_id: int, since: str, exclude: str) -> list:
    """Names of those who had the handoff page open at ``since`` or later, but ``exclude``, by name."""
    return [r["staff"] for r in db.query(
        "select staff from handoff_views where handoff_id = ? and seen_at >= ? and staff != ? order by staff",
        [handoff_id, since, exclude])]


# ---- the handoff's staff replies and the user's outgoing messages (outbox) ----

def staff_replies(db, handoff_id: int) -> list:
    """Staff replies of a handoff (outbox rows), oldest first."""
    return list(db.query(
        "select * from outbox where handoff_id = ? and kind = 'staff_reply' order by created_at, id", [handoff_id]
    ))


def reply_row(db, handoff_id: int, outbox_id: int) -> dict | None:
    """The outbox row ``outbox_id`` if it belongs to the handoff, else None."""
    rows = list(db.query("select * from outbox where id = ? and handoff_id = ?", [outbox_id, handoff_id]))
    return rows[0] if rows else None


def unsent_reply_count(db, handoff_id: int) -> int:
    """How many staff replies of a handoff are queued or failed."""
    return db.execute("select count(*) from outbox where handoff_id = ? and kind = 'staff_reply' "
                      "and status in ('pending', 'failed')", [handoff_id]).fetchone()[0]


def conversation_outbox(db, user_id: str, since: str, handoff_id: int) -> list:
    """The handoff page's outgoing messages: the user's outbox rows queued since ``since`` or of the handoff,
    oldest first."""
    return list(db.query(
        "select * from outbox where user_id = ? and (created_at >= ? or handoff_id = ?) order by created_at, id",
        [user_id, since, handoff_id],
    ))


def outbox_after(db, user_id: str, after_id: int, limit: int) -> list:
    """The user's outbox rows after row ``after_id``, at most ``limit``, in order (the handoff page's poll)."""
    return list(db.query("select * from outbox where user_id = ? and id > ? order by id limit ?",
                         [user_id, after_id, limit]))


def outbox_rows(db, user_id: str, ids: list) -> list:
    """The user's outbox rows among ``ids`` (the handoff page asks again about replies it shows as not yet sent)."""
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    return list(db.query(f"select * from outbox where user_id = ? and id in ({marks}) order by id",
                         [user_id, *ids]))


def last_ids(db, user_id: str) -> tuple:
    """The user's newest message log id and outbox id, 0 when none (where the handoff page's poll starts)."""
    row = db.execute("select (select coalesce(max(id), 0) from messages where user_id = ?), "
                     "(select coalesce(max(id), 0) from outbox where user_id = ?)", [user_id, user_id]).fetchone()
    return row[0], row[1]
