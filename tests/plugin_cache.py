#!/usr/bin/env python3
"""The element's documentation as data: docs/plugin-cache.json, kept in sync.

    GST_PLUGIN_PATH=build/gst/alignscale /usr/bin/python3 tests/plugin_cache.py [--update] [ROOT]

GStreamer's plugin modules keep a gst_plugins_cache.json (written by
hotdoc's plugin scanner, which Debian does not ship) beside their docs:
every element's metadata, pad templates and properties, and the enum
types they use, read from the registered plugin. This script writes the
same data for alignscale from GObject introspection of the built plugin,
in that layout, to docs/plugin-cache.json (--update, or `ninja -C build
update-plugin-cache`).

Without --update it is the test (meson test docs_plugin_cache): the
introspected data must equal the committed file, and the hand-written
property tables of README.md and docs/alignscale.md must list every
property, and every value of every enum property by its nick; a property
added, renamed or given another default, range or value fails until the
docs follow. Values that depend on how the plugin was configured
(filename, package, url) are not compared.
"""
import json
import os
import re
import sys

import gi

gi.require_version("Gst", "1.0")
from gi.repository import GObject, Gst  # noqa: E402

UNCOMPARED = ("filename", "package", "url")


def is_enum(pspec):
    return pspec.value_type.is_a(GObject.TYPE_ENUM)


def default_string(pspec, value):
    if is_enum(pspec):
        return "%s (%d)" % (value.value_nick, int(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value).rstrip("0").rstrip(".") if value % 1 else \
            "%d" % value
    if value is None:
        return "NULL"
    return str(value)


def enum_type(pspec):
    values = []
    for v in sorted(type(pspec.default_value).__enum_values__.values(),
                    key=int):
        values.append({"desc": v.value_name, "name": v.value_nick,
                       "value": "%d" % int(v)})
    return {"kind": "enum", "values": values}


def introspect():
    Gst.init(None)
    factory = Gst.ElementFactory.find("alignscale")
    if factory is None:
        sys.exit("plugin_cache: no alignscale element (GST_PLUGIN_PATH?)")
    plugin = factory.get_plugin()
    element = factory.create(None)
    other = {}
    props = {}
    for pspec in sorted(element.list_properties(), key=lambda p: p.name):
        if pspec.owner_type.name != "GstAlignScale":
            continue
        flags = pspec.flags
        entry = {
            "blurb": pspec.blurb,
            "conditionally-available": False,
            "construct": bool(flags & GObject.ParamFlags.CONSTRUCT),
            "construct-only": bool(flags & GObject.ParamFlags.CONSTRUCT_ONLY),
            "controllable": bool(flags & Gst.PARAM_CONTROLLABLE),
            "default": default_string(pspec, pspec.default_value),
            "mutable": "playing" if flags & Gst.PARAM_MUTABLE_PLAYING
            else "paused" if flags & Gst.PARAM_MUTABLE_PAUSED
            else "ready" if flags & Gst.PARAM_MUTABLE_READY else "null",
            "readable": bool(flags & GObject.ParamFlags.READABLE),
            "type": pspec.value_type.name,
            "writable": bool(flags & GObject.ParamFlags.WRITABLE),
        }
        for attr in ("minimum", "maximum"):
            if getattr(pspec, attr, None) is not None:
                entry["min" if attr == "minimum" else "max"] = \
                    default_string(pspec, getattr(pspec, attr))
        if is_enum(pspec):
            other[pspec.value_type.name] = enum_type(pspec)
        props[pspec.name] = entry
    templates = {}
    for t in factory.get_static_pad_templates():
        templates[t.name_template] = {
            "caps": t.get_caps().to_string().replace("; ", ";\n"),
            "direction": "src" if t.direction == Gst.PadDirection.SRC
            else "sink",
            "presence": "always",
        }
    hierarchy = []
    t = element.__gtype__
    while t.name != "GObject":
        hierarchy.append(t.name)
        t = t.parent
    hierarchy.append("GObject")
    meta = {k: factory.get_metadata(k) for k in factory.get_metadata_keys()}
    return {"alignscale": {
        "description": plugin.get_description(),
        "elements": {"alignscale": {
            "author": meta.pop("author"),
            "description": meta.pop("description"),
            "hierarchy": hierarchy,
            "klass": meta.pop("klass"),
            "long-name": meta.pop("long-name"),
            "pad-templates": templates,
            "properties": props,
            "rank": "none" if factory.get_rank() == 0 else
            "%d" % factory.get_rank(),
            "signals": {},
            **({"doc-uri": meta.pop("doc-uri")} if "doc-uri" in meta else {}),
        }},
        "filename": "gstalignscale",
        "license": plugin.get_license(),
        "other-types": other,
        "package": plugin.get_package(),
        "source": plugin.get_source(),
        "tracers": {},
        "url": plugin.get_origin(),
    }}


def strip(cache):
    c = json.loads(json.dumps(cache))
    for k in UNCOMPARED:
        c["alignscale"].pop(k, None)
    c["alignscale"]["elements"]["alignscale"].pop("doc-uri", None)
    return c


def table_rows(path):
    """property name -> its table row, from | `name` | ... | rows"""
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            # a row's first cell names one property or several
            m = re.match(r"^\|((?:\s*`[a-z0-9-]+`,?)+)\s*\|(.*)$", line)
            if m:
                for name in re.findall(r"`([a-z0-9-]+)`", m.group(1)):
                    rows.setdefault(name, m.group(2))
    return rows


def main():
    args = [a for a in sys.argv[1:] if a != "--update"]
    root = args[0] if args else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..")
    path = os.path.join(root, "docs", "plugin-cache.json")
    cache = introspect()
    text = json.dumps(cache, indent=4, sort_keys=True) + "\n"
    if "--update" in sys.argv:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        print("plugin_cache: wrote %s" % path)
        return 0
    problems = []
    with open(path, encoding="utf-8") as f:
        committed = json.load(f)
    got, want = strip(cache), strip(committed)
    if got != want:
        a = json.dumps(want, indent=4, sort_keys=True).splitlines()
        b = json.dumps(got, indent=4, sort_keys=True).splitlines()
        import difflib
        problems.append("docs/plugin-cache.json is not the element's (run "
                        "`ninja -C build update-plugin-cache`):\n" + "\n".join(
                            difflib.unified_diff(a, b, "committed", "element",
                                                 lineterm="", n=1)))
    props = cache["alignscale"]["elements"]["alignscale"]["properties"]
    types = cache["alignscale"]["other-types"]
    for doc in ("README.md", os.path.join("docs", "alignscale.md")):
        rows = table_rows(os.path.join(root, doc))
        for name, p in sorted(props.items()):
            if name not in rows:
                problems.append("%s: no table row for property %s" %
                                (doc, name))
                continue
            if doc == "README.md" or p["type"] not in types:
                continue
            for v in types[p["type"]]["values"]:
                if "`%s`" % v["name"] not in rows[name]:
                    problems.append("%s: the row of %s does not name its "
                                    "value `%s`" % (doc, name, v["name"]))
    n_values = sum(len(t["values"]) for t in types.values())
    print("plugin cache: %d properties, %d enum types (%d values), %d "
          "problems" % (len(props), len(types), n_values, len(problems)))
    for p in problems:
        print("  " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
