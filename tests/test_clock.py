"""Days are China's: validity windows end at midnight in Shanghai, whatever zone the server runs in."""
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from bot.clock import LOCAL_TZ, today_local

ROOT = Path(__file__).resolve().parent.parent
UTC = dt.timezone.utc


def test_today_is_the_date_in_shanghai():
    assert today_local(dt.datetime(2026, 12, 31, 15, 59, tzinfo=UTC)) == dt.date(2026, 12, 31)
    assert today_local(dt.datetime(2026, 12, 31, 16, 0, tzinfo=UTC)) == dt.date(2027, 1, 1)
    assert today_local(dt.datetime(2027, 1, 1, 7, 0, tzinfo=dt.timezone(dt.timedelta(hours=-10)))) == dt.date(2027, 1, 2)


def a_zone_on_another_day() -> str:
    """A server time zone whose date differs from Shanghai's right now (UTC-12 until 20:00 in Shanghai, then UTC+14)."""
    shanghai = dt.datetime.now(LOCAL_TZ)
    return "Etc/GMT+12" if shanghai.hour < 20 else "Etc/GMT-14"


def test_ask_serves_a_notice_on_its_day_in_shanghai_even_if_the_server_clock_says_otherwise(tmp_path):
    day = today_local().isoformat()
    (tmp_path / "notices.yaml").write_text(
        "category: 航行通告\n"
        "faqs:\n"
        "  - id: notice-today\n"
        "    question: 今天焦山水道施工有什么要注意的？\n"
        "    answer: 施工水域减速慢行。\n"
        f"    valid_from: {day}\n"
        f"    valid_until: {day}\n",
        encoding="utf-8",
    )
    env = {**os.environ, "TZ": a_zone_on_another_day()}
    out = subprocess.run([sys.executable, "-m", "bot", "ask", "--kb", str(tmp_path), "--jsonl"],
                         input="焦山水道施工要注意什么\n", capture_output=True, text=True, env=env, cwd=ROOT,
                         timeout=60, check=True).stdout
    d = json.loads(out)
    assert (d["action"], d["faq_id"]) == ("answer", "notice-today"), d
