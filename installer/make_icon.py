"""Draws the application icon (a cut mineral on a rounded tile) as SVG, PNG, ICO and ICNS into resources/icons/."""

from __future__ import annotations

import math
import sys
from pathlib import Path

from PIL import Image, ImageDraw

CANVAS = 1024
TILE = (64, 64, 960, 960)
TILE_RADIUS = 192
TILE_COLOUR = "#1d3557"
OUTER_RADIUS = 330
TABLE_RADIUS = 165
CENTRE = (512, 512)
# Facet shades, clockwise from the upper-right facet; light comes from the upper left.
FACET_COLOURS = ("#e9b434", "#c98a12", "#a86f0b", "#c98a12", "#f2c94c", "#f7d774")
TABLE_COLOUR = "#fbe7a1"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_SIZE = 256
OUT_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"


def hexagon(radius: float) -> list[tuple[float, float]]:
    """Corners of a pointy-top hexagon around the centre, clockwise from the top."""
    cx, cy = CENTRE
    return [
        (cx + radius * math.cos(math.radians(-90 + 60 * i)), cy + radius * math.sin(math.radians(-90 + 60 * i)))
        for i in range(6)
    ]


def shapes() -> list[tuple[list[tuple[float, float]], str]]:
    """The gem as polygons with their fill colours: six trapezoid facets, then the flat table on top."""
    outer, table = hexagon(OUTER_RADIUS), hexagon(TABLE_RADIUS)
    facets = [
        ([outer[i], outer[(i + 1) % 6], table[(i + 1) % 6], table[i]], FACET_COLOURS[i]) for i in range(6)
    ]
    return [*facets, (table, TABLE_COLOUR)]


def svg() -> str:
    """The icon as a standalone SVG document."""
    x0, y0, x1, y1 = TILE
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{CANVAS}" height="{CANVAS}" viewBox="0 0 {CANVAS} {CANVAS}">',
        "  <title>Critical Minerals Workbench</title>",
        f'  <rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" rx="{TILE_RADIUS}" fill="{TILE_COLOUR}"/>',
    ]
    for points, colour in shapes():
        coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        parts.append(f'  <polygon points="{coords}" fill="{colour}" stroke="{colour}" stroke-width="2"/>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def raster(size: int) -> Image.Image:
    """The icon drawn at ``size`` pixels square (drawn four times larger, then reduced for smooth edges)."""
    scale = 4 * size / CANVAS
    big = Image.new("RGBA", (4 * size, 4 * size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)
    draw.rounded_rectangle([c * scale for c in TILE], radius=TILE_RADIUS * scale, fill=TILE_COLOUR)
    for points, colour in shapes():
        draw.polygon([(x * scale, y * scale) for x, y in points], fill=colour, outline=colour)
    return big.resize((size, size), Image.Resampling.LANCZOS)


def main(out_dir: Path = OUT_DIR) -> int:
    """Write app.svg, app.png, app.ico and app.icns into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "app.svg").write_text(svg(), encoding="utf-8")
    raster(PNG_SIZE).save(out_dir / "app.png", optimize=True)
    raster(256).save(out_dir / "app.ico", sizes=[(s, s) for s in ICO_SIZES])
    icns_sizes = (16, 32, 64, 128, 256, 512, 1024)
    raster(1024).save(out_dir / "app.icns", append_images=[raster(s) for s in icns_sizes[:-1]])
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT_DIR))
