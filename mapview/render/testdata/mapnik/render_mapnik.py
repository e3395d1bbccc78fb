#!/usr/bin/python3
"""Render the Event Atlas base map and events with Mapnik and time it.

Used by BenchmarkMapnikSideBySide (mapnik_test.go), which runs it with
Debian's /usr/bin/python3 (python3-mapnik). Reads one JSON request on
stdin and writes one JSON result on stdout:

request: {"geodata": dir of countries/admin1/places/crossings .geojson,
          "events": GeoJSON file of events (lon/lat, property "type") or "",
          "colors": {type: "#rrggbb"}, "bbox": [minx, miny, maxx, maxy] in
          EPSG:3857 metres, "width": px, "height": px, "frames": N,
          "png": path to save one frame to, or ""}
result:  {"ms_per_frame": mean, "min_ms": fastest, "frames": N,
          "load_ms": data loading and map set-up, "mapnik": version}

Only map.render into an in-memory mapnik.Image is timed. The data are
projected to Web Mercator while loading, so Mapnik does not reproject on
every frame (our engine also projects once).
"""
import json
import math
import os
import sys
import tempfile
import time
from xml.sax.saxutils import escape

import mapnik

R = 6378137.0


def merc(lon, lat):
    lat = max(-85.0511, min(85.0511, lat))
    return [R * math.radians(lon), R * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))]


def project(coords):
    if coords and isinstance(coords[0], (int, float)):
        return merc(coords[0], coords[1])
    return [project(c) for c in coords]


def projected(src, dst, keep):
    """Writes GeoJSON file src to dst in EPSG:3857 with only the properties in keep."""
    with open(src) as f:
        fc = json.load(f)
    feats = []
    for ft in fc["features"]:
        g = ft.get("geometry")
        if not g:
            continue
        props = {k: v for k, v in (ft.get("properties") or {}).items() if k in keep}
        feats.append({"type": "Feature", "properties": props,
                      "geometry": {"type": g["type"], "coordinates": project(g["coordinates"])}})
    with open(dst, "w") as f:
        json.dump({"type": "FeatureCollection", "features": feats}, f)
    return len(feats)


def layer(name, path, styles):
    s = "".join("<StyleName>%s</StyleName>" % st for st in styles)
    return ('<Layer name="%s" srs="epsg:3857">%s<Datasource>'
            '<Parameter name="type">geojson</Parameter><Parameter name="file">%s</Parameter>'
            '</Datasource></Layer>' % (name, s, escape(path)))


def stylesheet(files, colors, width, height):
    """The map in the look of LightStyle: land, focus countries, province
    lines, cased borders, place dots and labels, event areas, cased lines
    and circle markers with a white outline."""
    x = ['<Map srs="epsg:3857" background-color="#D3DDE4">']
    x.append('<Style name="land"><Rule><Filter>[adm0_a3] = \'AFG\' or [adm0_a3] = \'TJK\'</Filter>'
             '<PolygonSymbolizer fill="#F4F1EA"/></Rule>'
             '<Rule><ElseFilter/><PolygonSymbolizer fill="#E6E2DA"/></Rule></Style>')
    x.append('<Style name="provinces"><Rule><LineSymbolizer stroke="#8E8A86" stroke-opacity="0.59" stroke-width="0.8"/></Rule></Style>')
    x.append('<Style name="borders"><Rule><LineSymbolizer stroke="#B9B1C4" stroke-opacity="0.43" stroke-width="5"/>'
             '<LineSymbolizer stroke="#6F6873" stroke-width="1.4"/></Rule></Style>')
    x.append('<Style name="places"><Rule><Filter>[population] &gt;= 20000 or [fcode] = \'PPLC\' or [fcode] = \'PPLA\'</Filter>'
             '<MarkersSymbolizer marker-type="ellipse" width="5" height="5" fill="#3C3C3C" stroke="#FFFFFF" stroke-width="1.1" allow-overlap="true" ignore-placement="true"/>'
             '<TextSymbolizer face-name="DejaVu Sans Book" size="11" fill="#2E2E2E" halo-fill="#FFFFFF" halo-radius="1.5" dx="5" dy="-5" placement-type="simple" placements="NE,SE,NW,SW,E,W">[name]</TextSymbolizer>'
             '</Rule></Style>')
    x.append('<Style name="crossings"><Rule><MarkersSymbolizer marker-type="ellipse" width="14" height="12" fill="#5B4E7A" stroke="#FFFFFF" stroke-width="1.2" allow-overlap="true"/></Rule></Style>')
    x.append('<Style name="countrylabels"><Rule><TextSymbolizer face-name="DejaVu Sans Book" size="14" fill="#8A8077" halo-fill="#FFFFFF" halo-radius="1.5" placement="interior">[name]</TextSymbolizer></Rule></Style>')
    # Events: one rule per type and geometry kind, as a stylesheet would.
    areas, lines, points = [], [], []
    for t, c in sorted(colors.items()):
        f = "<Filter>[type] = '%s' and [mapnik::geometry_type] = %%s</Filter>" % escape(t.replace("'", "\\'"))
        areas.append('<Rule>%s<PolygonSymbolizer fill="%s" fill-opacity="0.27"/><LineSymbolizer stroke="%s" stroke-width="1.8"/></Rule>' % (f % "polygon", c, c))
        lines.append('<Rule>%s<LineSymbolizer stroke="#FFFFFF" stroke-width="5.6" stroke-linecap="round" stroke-linejoin="round"/>'
                     '<LineSymbolizer stroke="%s" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/></Rule>' % (f % "linestring", c))
        points.append('<Rule>%s<MarkersSymbolizer marker-type="ellipse" width="14" height="14" fill="%s" stroke="#FFFFFF" stroke-width="1.6" allow-overlap="true" ignore-placement="true"/></Rule>' % (f % "point", c))
    x.append('<Style name="ev-areas">%s</Style>' % "".join(areas))
    x.append('<Style name="ev-lines">%s</Style>' % "".join(lines))
    x.append('<Style name="ev-points">%s</Style>' % "".join(points))
    x.append(layer("countries", files["countries"], ["land"]))
    x.append(layer("admin1", files["admin1"], ["provinces"]))
    x.append(layer("borders", files["countries"], ["borders"]))
    x.append(layer("crossings", files["crossings"], ["crossings"]))
    if files.get("events"):
        x.append(layer("events-areas", files["events"], ["ev-areas"]))
        x.append(layer("events-lines", files["events"], ["ev-lines"]))
        x.append(layer("events-points", files["events"], ["ev-points"]))
    x.append(layer("places", files["places"], ["places"]))
    x.append(layer("country-labels", files["countries"], ["countrylabels"]))
    x.append("</Map>")
    return "".join(x)


def main():
    req = json.load(sys.stdin)
    t0 = time.perf_counter()
    tmp = tempfile.mkdtemp(prefix="mapnik-bench-")
    files = {}
    keep = {"countries": {"adm0_a3", "name"}, "admin1": {"name"}, "places": {"name", "population", "fcode"}, "crossings": {"name"}}
    for name, k in keep.items():
        files[name] = os.path.join(tmp, name + ".geojson")
        projected(os.path.join(req["geodata"], name + ".geojson"), files[name], k)
    if req.get("events"):
        files["events"] = os.path.join(tmp, "events.geojson")
        projected(req["events"], files["events"], {"type"})
    w, h = req["width"], req["height"]
    m = mapnik.Map(w, h)
    mapnik.load_map_from_string(m, stylesheet(files, req["colors"], w, h))
    m.zoom_to_box(mapnik.Box2d(*req["bbox"]))
    im = mapnik.Image(w, h)
    mapnik.render(m, im)  # warm up: the GeoJSON plugin reads and indexes on first use
    load_ms = (time.perf_counter() - t0) * 1000
    times = []
    for _ in range(req["frames"]):
        im = mapnik.Image(w, h)
        t = time.perf_counter()
        mapnik.render(m, im)
        times.append((time.perf_counter() - t) * 1000)
    if req.get("png"):
        im.save(req["png"], "png")
    json.dump({"ms_per_frame": sum(times) / len(times), "min_ms": min(times), "frames": len(times),
               "load_ms": load_ms, "mapnik": mapnik.mapnik_version()}, sys.stdout)


if __name__ == "__main__":
    main()
