"""Staff pages under /admin: the handoff queue, the dashboard, log search and the try box.

Every page needs a staff login and every form carries a CSRF token (see ``auth``); the pages only
call the framework-free modules ``bot.handoffs``, ``bot.stats`` and ``bot.staff``.
"""
from flask import Blueprint, render_template

bp = Blueprint("admin", __name__, url_prefix="/admin", template_folder="templates",
               static_folder="static", static_url_path="/static")


def error_page(message: str, status: int):
    """A short Chinese error page with the given HTTP status."""
    return render_template("admin/error.html", message=message, status=status), status


@bp.errorhandler(404)
def _not_found(e):
    return error_page("找不到这个页面或记录。", 404)


from . import auth, insights, queue, urgent  # noqa: E402,F401  (they register their routes on bp)
