#!/usr/bin/env python3
"""The plugin exports only what GStreamer loads: its two entry points
(built with -fvisibility=hidden, as gst-plugins-base builds its plugins).
usage: exports.py PLUGIN.so"""
import subprocess
import sys

WANTED = {"gst_plugin_alignscale_get_desc", "gst_plugin_alignscale_register"}

out = subprocess.run(["nm", "-D", "--defined-only", sys.argv[1]],
                     check=True, capture_output=True, text=True).stdout
# code and data symbols (not the linker's _init/_fini, _edata, __bss_start...)
found = {f[2] for f in (line.split() for line in out.splitlines())
         if len(f) == 3 and f[1] in "TDBR" and not f[2].startswith("_")}
extra, missing = found - WANTED, WANTED - found
print("exported:", " ".join(sorted(found)))
if extra or missing:
    print("unexpected exports:", " ".join(sorted(extra)) or "-",
          "| missing:", " ".join(sorted(missing)) or "-")
    sys.exit(1)
