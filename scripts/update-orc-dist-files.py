#!/usr/bin/env python3
"""Copy orcc's generated <name>.h/.c over the committed <name>-dist.h/.c that
sit next to <name>.orc (the fallback used when orcc is not available).

usage: update-orc-dist-files.py ORC_FILE GENERATED_HEADER GENERATED_SOURCE
"""
import os
import shutil
import sys

orc_file, header, source = sys.argv[1:4]
base = os.path.splitext(orc_file)[0]
for generated, ext in ((header, '.h'), (source, '.c')):
    dist = base + '-dist' + ext
    shutil.copyfile(generated, dist)
    print('updated', dist)
