"""The WeChat webhook at /wechat: a thin adapter between WeChat's XML and the conversation logic."""
from flask import Blueprint

bp = Blueprint("wechat", __name__)
