"""Small server-rendered SVG charts for the dashboard: no JavaScript, nothing fetched from elsewhere."""
from __future__ import annotations

import math

from markupsafe import Markup, escape


def _nice_max(value: float) -> float:
    """A round axis maximum at or above ``value`` (1, 2, 5 × 10^n)."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def column_chart(points, title: str, width: int = 1100, height: int = 240) -> Markup:
    """Vertical bars, one per ``(label, value)``; every label is shown when they fit, else every few."""
    left, right, top, bottom = 40, 10, 16, 28
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = _nice_max(max((v for _, v in points), default=0))
    slot = plot_w / max(len(points), 1)
    bar_w = max(slot * 0.7, 1)
    every = max(1, math.ceil(len(points) / (plot_w / 44)))
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for frac in (0, 0.5, 1) if top_value % 2 == 0 else (0, 1):
        y = top + plot_h * (1 - frac)
        label = f"{top_value * frac:g}"
        parts.append(f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}"/>'
                     f'<text class="axis" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{label}</text>')
    for i, (label, value) in enumerate(points):
        h = plot_h * value / top_value
        x = left + i * slot + (slot - bar_w) / 2
        y = top + plot_h - h
        parts.append(f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}">'
                     f'<title>{escape(label)}：{value}</title></rect>')
        if value and bar_w >= 14:
            parts.append(f'<text class="value" x="{x + bar_w / 2:.1f}" y="{y - 3:.1f}" '
                         f'text-anchor="middle">{value}</text>')
        if i % every == 0:
            parts.append(f'<text class="axis" x="{x + bar_w / 2:.1f}" y="{height - 8}" '
                         f'text-anchor="middle">{escape(label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def share_bar(parts, title: str, width: int = 1100, height: int = 40) -> Markup:
    """One horizontal bar split by share: ``[(label, value, css_class)]``; the legend is left to the page."""
    total = sum(v for _, v, _ in parts)
    out = [
        f'<svg class="chart share" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    if not total:
        out.append(f'<rect class="empty" x="0" y="0" width="{width}" height="{height}" rx="4"/>')
    x = 0.0
    for label, value, css in parts:
        if not value:
            continue
        w = width * value / total
        pct = 100 * value / total
        out.append(f'<rect class="{css}" x="{x:.1f}" y="0" width="{w:.1f}" height="{height}">'
                   f'<title>{escape(label)}：{value}（{pct:.0f}%）</title></rect>')
        if w >= 44:
            out.append(f'<text class="inside" x="{x + w / 2:.1f}" y="{height / 2 + 5:.1f}" '
                       f'text-anchor="middle">{pct:.0f}%</text>')
        x += w
    out.append("</svg>")
    return Markup("".join(out))


def bar_list(items, title: str, width: int = 540, row: int = 28, label_width: int = 260) -> Markup:
    """Horizontal bars, one row per ``(label, value, link or None)``, labels on the left (long ones shortened)."""
    height = max(row * len(items), row)
    top_value = max((v for _, v, _ in items), default=0) or 1
    plot_w = width - label_width - 40
    out = [
        f'<svg class="chart bars" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    max_chars = label_width // 14
    for i, (label, value, href) in enumerate(items):
        y = i * row
        short = label if len(label) <= max_chars else label[: max_chars - 1] + "…"
        w = max(plot_w * value / top_value, 2)
        text = (f'<text class="label" x="{label_width - 8}" y="{y + row / 2 + 5:.1f}" text-anchor="end">'
                f'<title>{escape(label)}</title>{escape(short)}</text>')
        out.append(f'<a href="{escape(href)}">{text}</a>' if href else text)
        out.append(f'<rect class="bar" x="{label_width}" y="{y + 5}" width="{w:.1f}" height="{row - 10}" rx="2"/>'
                   f'<text class="value" x="{label_width + w + 6:.1f}" y="{y + row / 2 + 5:.1f}">{value}</text>')
    out.append("</svg>")
    return Markup("".join(out))
