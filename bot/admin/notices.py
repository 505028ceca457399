"""航行通告推送: who subscribed navigation notices, by place, and per notice how many got it and how."""
from __future__ import annotations

from flask import current_app, render_template

from .. import get_db, get_engine
from ..clock import local
from ..service import notices
from ..store import notices as notice_store
from . import bp

STATE_LABELS = {"upcoming": "未生效", "active": "生效中", "ended": "已结束", "removed": "已从知识库删除"}
# The columns of the per-notice table, in order (bot.store.notices.delivery_outcome names).
OUTCOMES = ("custom", "template", "waiting", "sending", "refused", "expired", "cancelled")


@bp.route("/notices")
def notice_subscriptions():
    """Subscribers by place, consent to the notice template, and each dated notice's deliveries by channel."""
    template = current_app.config["BOT"].WECHAT_NOTICE_TEMPLATE_ID
    data = notices.overview(get_db(), get_engine().kb, template)
    return render_template("admin/notices.html", d=data, template=template, outcomes=OUTCOMES,
                           outcome_labels=notices.OUTCOME_LABELS, state_labels=STATE_LABELS,
                           all_places=notice_store.ALL, local=local)
