"""Staff pages under /admin: the handoff queue, the dashboard, log search and the try box."""
from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin", template_folder="templates")
