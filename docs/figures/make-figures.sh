#!/usr/bin/env bash
# Regenerates docs/figures/conventions.png with the built plugin:
# an 8x6 one-pixel checkerboard scaled to 256x192 by nearest, then bilinear
# with align-corners=false and =true, side by side.
# Needs gstreamer1.0-plugins-good (pngenc); run after ./run.sh build.
set -euo pipefail
cd "$(dirname "$0")/../.."
export GST_PLUGIN_PATH="$PWD/build/gst/alignscale"
panel() { # SINKPAD ALIGNSCALE-ARGS
  echo "t. ! queue ! alignscale $2 ! video/x-raw,width=256,height=192 ! c.$1"
}
gst-launch-1.0 -q compositor name=c background=white \
    sink_1::xpos=264 sink_2::xpos=528 ! videoconvert ! \
    video/x-raw,format=RGB,width=784,height=192 ! pngenc ! \
    filesink location=docs/figures/conventions.png \
  videotestsrc num-buffers=1 pattern=checkers-1 ! \
    video/x-raw,format=RGB,width=8,height=6,framerate=1/1 ! tee name=t \
  $(panel sink_0 "method=nearest") \
  $(panel sink_1 "method=bilinear align-corners=false") \
  $(panel sink_2 "method=bilinear align-corners=true")
echo docs/figures/conventions.png
