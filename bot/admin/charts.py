"""Small server-rendered SVG charts for the dashboard: no JavaScript, nothing fetched from elsewhere."""
from __future__ import annotations

import math

from markupsafe import Markup, escape

# Charts are drawn in percentages across and pixels down: they fill the card at any width while their text keeps
# its size (a scaled viewBox shrinks 12 px labels to 4 px on a phone). How many labels fit depends on the width,
# so a label that fits only on wider screens carries a class that admin.css hides below that width. Plot widths
# assumed for each class, in px: a phone (viewport up to 700), a tablet (up to 1000), a laptop.
SCREENS = (("", 280), ("not-phone", 580), ("laptop-only", 1100))
# What one date label ("11-18") needs across, gap included.
DATE_LABEL_PX = 48


def _screen_class(fits) -> str | None:
    """The class for a label that shows where ``fits(plot width in px)`` holds: "" (everywhere), "not-phone",
    "laptop-only", or None when it fits nowhere."""
    for css, plot_px in SCREENS:
        if fits(plot_px):
            return css
    return None


def _tick_classes(count: int, px_each: float) -> list:
    """Classes for ``count`` evenly spaced labels of ``px_each`` px: every nth is shown, n growing as the screen
    narrows, and the labels shown on a narrow screen are a subset of those on a wider one (None: never shown)."""
    step, steps = 1, {}
    for css, plot_px in reversed(SCREENS):
        needed = max(1, math.ceil(count * px_each / plot_px))
        step *= math.ceil(needed / step)
        steps[css] = step
    return [next((css for css, _ in SCREENS if i % steps[css] == 0), None) for i in range(count)]


def _classes(*names) -> str:
    """The non-empty class names, space-separated."""
    return " ".join(n for n in names if n)


def _nice_max(value: float) -> float:
    """A round axis maximum at or above ``value`` (1, 2, 5 × 10^n)."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def column_chart(points, title: str, height: int = 240) -> Markup:
    """Vertical bars, one per ``(label, value)``; every label is shown where they fit, else every few.

    The axis numbers are drawn left of the plot (negative x), in the gutter admin.css gives ``svg.column-chart``.
    """
    top, bottom = 16, 28
    plot_h = height - top - bottom
    top_value = _nice_max(max((v for _, v in points), default=0))
    slot = 100 / max(len(points), 1)
    bar_w = slot * 0.7
    ticks = _tick_classes(len(points), DATE_LABEL_PX)
    parts = [
        f'<svg class="chart column-chart" width="100%" height="{height}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for frac in (0, 0.5, 1) if top_value % 2 == 0 else (0, 1):
        y = top + plot_h * (1 - frac)
        label = f"{top_value * frac:g}"
        parts.append(f'<line class="grid" x1="0" x2="100%" y1="{y:.1f}" y2="{y:.1f}"/>'
                     f'<text class="axis" x="-6" y="{y + 4:.1f}" text-anchor="end">{label}</text>')
    for i, (label, value) in enumerate(points):
        h = plot_h * value / top_value
        x = i * slot + (slot - bar_w) / 2
        y = top + plot_h - h
        parts.append(f'<rect class="bar" x="{x:.2f}%" y="{y:.1f}" width="{bar_w:.2f}%" height="{h:.1f}">'
                     f'<title>{escape(label)}：{value}</title></rect>')
        # A number needs about 7 px a digit and must stay within its bar's slot.
        shown = _screen_class(lambda plot_px, v=value: plot_px * slot / 100 >= 7 * len(str(v)) + 4)
        if value and shown is not None:
            parts.append(f'<text class="{_classes("value", shown)}" x="{x + bar_w / 2:.2f}%" y="{y - 3:.1f}" '
                         f'text-anchor="middle">{value}</text>')
        if ticks[i] is not None:
            parts.append(f'<text class="{_classes("axis", ticks[i])}" x="{x + bar_w / 2:.2f}%" y="{height - 8}" '
                         f'text-anchor="middle">{escape(label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def share_bar(parts, title: str, height: int = 40) -> Markup:
    """One horizontal bar split by share: ``[(label, value, css_class)]``; the legend is left to the page."""
    total = sum(v for _, v, _ in parts)
    out = [
        f'<svg class="chart share" width="100%" height="{height}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    if not total:
        out.append(f'<rect class="empty" x="0" y="0" width="100%" height="{height}" rx="4"/>')
    x = 0.0
    for label, value, css in parts:
        if not value:
            continue
        pct = 100 * value / total
        out.append(f'<rect class="{css}" x="{x:.2f}%" y="0" width="{pct:.2f}%" height="{height}">'
                   f'<title>{escape(label)}：{value}（{pct:.0f}%）</title></rect>')
        # "89%" in bold 13 px needs about 40 px of its segment.
        shown = _screen_class(lambda plot_px, share=pct: plot_px * share / 100 >= 40)
        if shown is not None:
            out.append(f'<text class="{_classes("inside", shown)}" x="{x + pct / 2:.2f}%" y="{height / 2 + 5:.1f}" '
                       f'text-anchor="middle">{pct:.0f}%</text>')
        x += pct
    out.append("</svg>")
    return Markup("".join(out))


def bar_list(items, title: str, row: int = 46, max_chars: int = 22) -> Markup:
    """Horizontal bars, one row per ``(label, value, link or None)``, each label (long ones shortened, to fit a
    phone) above its bar."""
    height = max(row * len(items), row)
    top_value = max((v for _, v, _ in items), default=0) or 1
    out = [
        f'<svg class="chart bars" width="100%" height="{height}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for i, (label, value, href) in enumerate(items):
        y = i * row
        short = label if len(label) <= max_chars else label[: max_chars - 1] + "…"
        # The longest bar leaves room for its number on the right.
        w = max(85 * value / top_value, 0.5)
        text = (f'<text class="label" x="0" y="{y + 16}">'
                f'<title>{escape(label)}</title>{escape(short)}</text>')
        out.append(f'<a href="{escape(href)}">{text}</a>' if href else text)
        out.append(f'<rect class="bar" x="0" y="{y + 22}" width="{w:.2f}%" height="14" rx="2"/>'
                   f'<text class="value" x="{w:.2f}%" dx="6" y="{y + 34}">{value}</text>')
    out.append("</svg>")
    return Markup("".join(out))
