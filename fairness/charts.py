"""Server-rendered SVG bar charts of an adverse-impact report (pure, no JS, no CDN)."""

from __future__ import annotations

from html import escape

ROW = 18
LABEL_WIDTH = 260
BAR_WIDTH = 300
FLAGGED = "#b3261e"
FINE = "#2e6b3f"


def _bar(y: int, label: str, rate: float, flagged: bool, note: str) -> str:
    width = round(BAR_WIDTH * rate)
    colour = FLAGGED if flagged else FINE
    return (
        f'<text x="0" y="{y + 13}" font-size="12">{escape(label)}</text>'
        f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{width}" height="{ROW - 6}" '
        f'fill="{colour}"><title>{escape(note)}</title></rect>'
        f'<text x="{LABEL_WIDTH + width + 4}" y="{y + 13}" font-size="11">'
        f"{escape(note)}</text>"
    )


def category_svg(category: dict) -> str:
    """Return an SVG of each shown group's selection rate per stage (red: flagged)."""
    parts, y = [], 0
    for stage in category["stages"]:
        shown = [g for g in stage["groups"] if not g["suppressed"]]
        hidden = len(stage["groups"]) - len(shown)
        title = f"{stage['stage']}" + (
            f" ({hidden} group(s) suppressed)" if hidden else ""
        )
        parts.append(
            f'<text x="0" y="{y + 13}" font-size="12" font-weight="bold">'
            f"{escape(title)}</text>"
        )
        y += ROW
        for group in shown:
            rate = group["selection_rate"] or 0.0
            ratio = group["impact_ratio"]
            note = f"{rate:.0%} ({group['selected']}/{group['applicants']})"
            if ratio is not None:
                note += f", ratio {ratio:.2f}"
            label = group["group"].replace("_", " ")
            parts.append(_bar(y, label, rate, group["four_fifths_flag"], note))
            y += ROW
    height = max(y, ROW)
    width = LABEL_WIDTH + BAR_WIDTH + 180
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-label="{escape(category["category"])} selection rates">'
        + "".join(parts)
        + "</svg>"
    )
