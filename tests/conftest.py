"""Shared test fixtures. Older helpers still live in admin_support.py and webhook_support.py."""
from __future__ import annotations
