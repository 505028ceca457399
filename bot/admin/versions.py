"""Which knowledge version is served: the current published version, what every host serves since when, who
published which version (with the ``kb check`` summary of it) and every publish and rollback."""
from __future__ import annotations

from flask import current_app, render_template

from .. import get_db
from ..kb.publish import ALIVE_SECONDS, host_rows
from ..kb.live import HEARTBEAT_SECONDS
from ..store import knowledge_versions as store
from . import bp

LIST_LIMIT = 50


@bp.context_processor
def _knowledge_served():
    """What this process serves (no database query), for the dashboard's line about the knowledge base."""
    live = current_app.extensions.get("knowledge")
    return {"knowledge_served": live.served() if live is not None else None}


@bp.route("/knowledge")
def knowledge_versions():
    """The knowledge version page: current version, hosts, published versions and the switch history."""
    db = get_db()
    current = store.current(db)
    hosts = host_rows(db, current["id"] if current else None)
    return render_template(
        "admin/knowledge.html", current=current, hosts=hosts, versions=store.versions(db, limit=LIST_LIMIT),
        activations=store.activations(db, limit=LIST_LIMIT), alive_seconds=ALIVE_SECONDS, heartbeat_seconds=HEARTBEAT_SECONDS,
        behind=[h for h in hosts if h["alive"] and not h["up_to_date"]],
    )
