#!/usr/bin/env bash
# Instructions per frame of alignscale (n-threads=1) under callgrind, for one
# build or two (e.g. this revision against a previous one).
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# usage: bench/callgrind.sh [BUILD_DIR [OTHER_BUILD_DIR]]     (default: build)
#
# Each build's plugin is taken from BUILD_DIR/gst/alignscale. The process
# that drives it is the first build's bench/alignscale-bench (it links
# GStreamer only, not the plugin), run as
#   alignscale-bench --only alignscale --iterations N --warmup 0 \
#       --scenario S --method M --no-opencv
# so the other build may be of a revision whose benchmark lacks these
# options. The harness sets n-threads=1 only if the plugin has that property.
#
# Per frame = (I(HI) - I(LO)) / (HI - LO), I(N) the instructions callgrind
# counts (every thread) for a run of N frames: start-up, plugin loading, the
# input frame's generation, negotiation and the first frames' allocations
# are the same in both runs and cancel.
#
# Environment: CALLGRIND_LO (default 3), CALLGRIND_HI (default 13),
# ALIGNSCALE_BENCH (the driver, default FIRST_BUILD/bench/alignscale-bench),
# CALLGRIND_KEEP=1 keeps the callgrind.out files (their directory is printed).
# See bench/README.md.

set -euo pipefail

LO=${CALLGRIND_LO:-3}
HI=${CALLGRIND_HI:-13}

# scenario (as the benchmark names it)|row (--method)
SCENARIOS=(
  "RGBA 1920x1080->1280x720|bilinear"
  "RGB 1920x1080->224x224|bicubic-aa"
  "I420 1920x1080->1280x720|bicubic"
  "RGBA 1920x1080->1280x720|bicubic-aa"
  # issue 16's rows (one core, no slower than OpenCV)
  "I420 1920x1080->1280x720|bilinear"
  "I420 1920x1080->1280x720|bicubic-aa"
  "NV12 3840x2160->1920x1080|bilinear"
  "RGB 1920x1080->224x224|bilinear"
  "GRAY8 640x480->1920x1440|bilinear"
  "GRAY16_LE 1920x1080->1280x720|bilinear"
  "GRAY16_LE 1920x1080->1280x720|bicubic"
)

die() {
  echo "callgrind.sh: $*" >&2
  exit 1
}

case "${1:-}" in
  -h | --help)
    sed -n '2,/^$/s/^# \{0,1\}//p' "$0"
    exit 0
    ;;
esac
[ $# -le 2 ] || die "usage: $0 [BUILD_DIR [OTHER_BUILD_DIR]]"
[[ "$LO" =~ ^[0-9]+$ && "$HI" =~ ^[0-9]+$ && "$HI" -gt "$LO" && "$LO" -ge 1 ]] ||
  die "need 1 <= CALLGRIND_LO < CALLGRIND_HI (got $LO, $HI)"
command -v valgrind >/dev/null || die "valgrind not found"

BUILDS=()
for b in "${1:-build}" ${2:+"$2"}; do
  [ -d "$b" ] || die "$b: no such build directory"
  b=$(cd "$b" && pwd)
  [ -e "$b/gst/alignscale/libgstalignscale.so" ] ||
    die "$b/gst/alignscale/libgstalignscale.so not found (ninja -C $b?)"
  BUILDS+=("$b")
done

BENCH=${ALIGNSCALE_BENCH:-${BUILDS[0]}/bench/alignscale-bench}
[ -x "$BENCH" ] || die "$BENCH not found (built when gstreamer-check-1.0 is found)"
"$BENCH" --help 2>/dev/null | grep -q -- '--only' ||
  die "$BENCH has no --only option (a benchmark from before bench/callgrind.sh); set ALIGNSCALE_BENCH"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/alignscale-callgrind.XXXXXX")
if [ -z "${CALLGRIND_KEEP:-}" ]; then
  trap 'rm -rf "$TMP"' EXIT
fi

# "abc1234" / "abc1234-dirty" of the build's source tree, or "?"
revision() {
  local src
  src=$(/usr/bin/python3 -c 'import json, sys
print(json.load(open(sys.argv[1]))["directories"]["source"])' \
    "$1/meson-info/meson-info.json" 2>/dev/null) || { echo "?"; return; }
  git -C "$src" describe --always --dirty --abbrev=7 2>/dev/null || echo "?"
}

# run_bench BUILD_INDEX FRAMES SCENARIO METHOD [WRAPPER...]: the benchmark's
# stdout, against that build's plugin and registry
run_bench() {
  local i=$1 n=$2 scenario=$3 method=$4
  shift 4
  env -u GST_PLUGIN_PATH_1_0 \
    GST_PLUGIN_PATH="${BUILDS[$i]}/gst/alignscale" \
    GST_REGISTRY="$TMP/registry-$i.bin" \
    "$@" "$BENCH" --only alignscale --no-opencv --iterations "$n" --warmup 0 \
    --scenario "$scenario" --method "$method" 2>"$TMP/stderr"
}

# the one-thread alignscale cell of the row ("n/a" if the plugin lacks the
# row's properties)
cell() {
  awk -v m="$1" '$1 == "bench:" && $4 == m { print $5 }'
}

# instructions per frame, or n/a
per_frame() {
  local i=$1 scenario=$2 method=$3 out n count lo_count=
  # natively first: fills the registry outside callgrind, checks the plugin
  # and the row
  out=$(run_bench "$i" 1 "$scenario" "$method") ||
    die "alignscale-bench failed: $(tail -3 "$TMP/stderr")"
  grep -qF "bench: alignscale from ${BUILDS[$i]}/gst/alignscale/" <<<"$out" ||
    die "loaded $(grep -m1 '^bench: alignscale from' <<<"$out") instead of ${BUILDS[$i]}'s"
  case "$(cell "$method" <<<"$out")" in
    "" | n/a | -)
      echo "n/a"
      return
      ;;
  esac
  for n in "$LO" "$HI"; do
    local log="$TMP/valgrind-$i-$n.log" cg
    cg="$TMP/callgrind.out.$i.${scenario%% *}-$method.$n"
    run_bench "$i" "$n" "$scenario" "$method" valgrind --tool=callgrind \
      --callgrind-out-file="$cg" --log-file="$log" >/dev/null ||
      die "valgrind failed: $(tail -5 "$log")"
    count=$(sed -n 's/^==[0-9]*== Collected : \([0-9]*\)$/\1/p' "$log")
    [ -n "$count" ] || die "no instruction count in $log"
    if [ -z "$lo_count" ]; then lo_count=$count; fi
  done
  echo $(((count - lo_count) / (HI - LO)))
}

echo "callgrind: alignscale, millions of instructions per frame" \
  "= (I($HI) - I($LO)) / $((HI - LO)), n-threads=1 (if the property exists)"
if [ -n "${ORC_CODE:-}" ]; then
  echo "callgrind: ORC_CODE=$ORC_CODE is set"
fi
LABELS=(A B)
for i in "${!BUILDS[@]}"; do
  echo "callgrind: ${LABELS[$i]} = ${BUILDS[$i]} ($(revision "${BUILDS[$i]}"))"
done
echo "callgrind: driver $BENCH"

# instructions as millions, "25.433"
millions() {
  if [[ "$1" =~ ^[0-9]+$ ]]; then
    awk -v n="$1" 'BEGIN { printf "%.3f", n / 1e6 }'
  else
    echo "$1"
  fi
}

header=$(printf "%-29s %-11s %10s" scenario method A)
if [ ${#BUILDS[@]} -eq 2 ]; then
  header+=$(printf " %10s %7s" B A/B)
fi
echo "callgrind: $header"
for entry in "${SCENARIOS[@]}"; do
  scenario=${entry%|*}
  method=${entry#*|}
  echo "measuring $scenario $method..." >&2
  line=$(printf "%-29s %-11s" "$scenario" "$method")
  counts=()
  for i in "${!BUILDS[@]}"; do
    counts+=("$(per_frame "$i" "$scenario" "$method")")
    line+=$(printf " %10s" "$(millions "${counts[$i]}")")
  done
  if [ ${#BUILDS[@]} -eq 2 ]; then
    if [[ "${counts[0]}" =~ ^[0-9]+$ && "${counts[1]}" =~ ^[0-9]+$ && "${counts[1]}" -gt 0 ]]; then
      line+=$(printf " %7s" "$(awk -v a="${counts[0]}" -v b="${counts[1]}" \
        'BEGIN { printf "%.3f", a / b }')")
    else
      line+=$(printf " %7s" n/a)
    fi
  fi
  echo "callgrind: $line"
done
if [ -n "${CALLGRIND_KEEP:-}" ]; then
  echo "callgrind: callgrind.out files in $TMP"
fi
