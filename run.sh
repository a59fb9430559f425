#!/usr/bin/env bash
# alignscale developer entry point: installs what is missing (Debian 12),
# builds with meson, then runs one job.
#   ./run.sh demo       scale a test pattern with both conventions to PNGs,
#                       and a photo with alignscale, videoscale and PyTorch
#   ./run.sh test       the whole test suite (what CI runs)
#   ./run.sh noorc      the test suite built with -Dorc=disabled (build-noorc/)
#   ./run.sh sanitize   the C test suites under ASan + UBSan (build-asan/)
#   ./run.sh valgrind   the C test suites under valgrind memcheck
#   ./run.sh bench      the benchmark: alignscale vs videoscale, OpenCV, libyuv
#   ./run.sh build      just build
set -euo pipefail
cd "$(dirname "$0")"

BUILD_DEPS=(gcc pkg-config meson ninja-build libgstreamer1.0-dev
  libgstreamer-plugins-base1.0-dev liborc-0.4-dev liborc-0.4-dev-bin
  gstreamer1.0-tools gstreamer1.0-plugins-base)
# the PyGObject tests (appsrc/appsink come with gstreamer1.0-plugins-base);
# -good for the launch lines of the README and docs (videocrop, v4l2src)
# numpy and Pillow for the examples' tests (appsink-numpy, compare.py)
TEST_DEPS=("${BUILD_DEPS[@]}" python3-gst-1.0 gstreamer1.0-plugins-good
  python3-numpy python3-pil)

install_missing() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
      missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  echo "installing: ${missing[*]}"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y \
    --no-install-recommends "${missing[@]}"
}

build() { # build DIR [meson options...]
  local dir=$1
  shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@"
  fi
  ninja -C "$dir"
}

# run the suite, print each Check summary, the golden table, and one
# "N passed, N failed" line counting test cases
run_suite() { # DIR JOB [meson test options...]
  local dir=$1 job=$2 rc=0
  shift 2
  # meson appends a wrapper's name to the log name: find this run's log
  rm -f "$dir"/meson-logs/testlog-"$job"*.txt
  meson test -C "$dir" --print-errorlogs --logbase "testlog-$job" "$@" || rc=$?
  local log
  log=$(ls "$dir"/meson-logs/testlog-"$job"*.txt)
  grep -E '^(golden(-aa|-formats|-convert|-libs|-kernels|-letterbox)?|convert|onnx|launch lines): |^fuzz: [0-9]|^storm ' "$log" || true
  grep -E '^[0-9]+%: Checks: ' "$log" || true
  awk '/^[0-9]+%: Checks: /{gsub(/,/,""); n+=$3; f+=$5+$7}
       /^Ran [0-9]+ tests? in/{n+=$2}
       /^FAILED \(/{gsub(/[^0-9]+/," "); split($0,a," "); for(i in a) f+=a[i]}
       END{printf "alignscale tests: %d passed, %d failed\n", n-f, f}' "$log"
  return $rc
}

export GST_PLUGIN_PATH="$PWD/build/gst/alignscale${GST_PLUGIN_PATH:+:$GST_PLUGIN_PATH}"

case "${1:-}" in
  demo)
    # pngenc; PyGObject, numpy and Pillow for examples/compare.py (torch is
    # optional: without python3-torch it compares alignscale and videoscale)
    install_missing "${BUILD_DEPS[@]}" gstreamer1.0-plugins-good \
      python3-gst-1.0 python3-numpy python3-pil
    build build
    out="$PWD/build/demo"
    mkdir -p "$out"
    # an 8x6 one-pixel checkerboard blown up 32x: the conventions differ in
    # where the input pixel centres land, plainly visible at the borders
    src="videotestsrc num-buffers=1 pattern=checkers-1 !
      video/x-raw,format=RGB,width=8,height=6,pixel-aspect-ratio=1/1"
    sink="video/x-raw,width=256,height=192 ! pngenc ! filesink"
    gst-launch-1.0 -q $src ! alignscale method=nearest ! $sink \
      location="$out/input-nearest.png"
    for m in bilinear bicubic; do
      for ac in false true; do
        gst-launch-1.0 -q $src ! alignscale method=$m align-corners=$ac ! \
          $sink location="$out/$m-align-corners-$ac.png"
      done
    done
    echo "alignscale demo: 8x6 checkerboard -> 256x192"
    for f in input-nearest bilinear-align-corners-false \
      bilinear-align-corners-true bicubic-align-corners-false \
      bicubic-align-corners-true; do
      echo "  $out/$f.png"
    done
    # a real picture, 80x60 -> 640x480: PyTorch's F.interpolate, alignscale
    # and videoscale, and their differences (the system python3: Debian's
    # modules)
    echo
    /usr/bin/python3 examples/compare.py -o "$out/compare-chelsea.png"
    ;;
  test)
    install_missing "${TEST_DEPS[@]}"
    build build
    run_suite build test
    # the C suites again on ORC's C backup functions instead of its SIMD code
    ORC_CODE=backup run_suite build orc-backup --suite check
    ;;
  noorc)
    install_missing "${TEST_DEPS[@]}"
    build build-noorc -Dorc=disabled
    run_suite build-noorc noorc
    ;;
  sanitize)
    install_missing "${TEST_DEPS[@]}"
    build build-asan -Db_sanitize=address,undefined -Db_lundef=false
    # the C suites (an ASan plugin cannot load into a plain python3); no
    # fork per test, so LeakSanitizer checks the whole process at exit
    CK_FORK=no ASAN_OPTIONS=detect_leaks=1 \
      UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      run_suite build-asan sanitize --suite check
    ;;
  valgrind)
    install_missing "${BUILD_DEPS[@]}" valgrind
    build build
    # the C suites (valgrind on the python interpreter says nothing of ours);
    # the fuzzer and the property storm with fewer cases (30 ms a case here);
    # fair scheduling, or the storm's property thread holds valgrind's one
    # running thread and a frame takes 0.1 s
    CK_FORK=no ALIGNSCALE_FUZZ_CASES=300 ALIGNSCALE_STORM_FRAMES=2000 \
      run_suite build valgrind --suite check --wrapper "valgrind --error-exitcode=3 --leak-check=full --fair-sched=yes \
      --errors-for-leak-kinds=definite --suppressions=$PWD/tests/check/gst.supp" \
      --timeout-multiplier 10
    ;;
  bench)
    install_missing "${BUILD_DEPS[@]}" python3-opencv python3-pil python3-numpy libyuv-dev
    build build
    meson setup --reconfigure build >/dev/null # find a newly installed libyuv
    ninja -C build
    meson test -C build --benchmark -v
    ;;
  build)
    install_missing "${BUILD_DEPS[@]}"
    build build
    ;;
  *)
    echo "usage: $0 demo|test|noorc|sanitize|valgrind|bench|build" >&2
    exit 2
    ;;
esac
