#!/usr/bin/env bash
# Set-up, build, demo and tests on a fresh Debian 12 machine (see README.md).
#   ./dev.sh run    install what is missing, build, run the main job on the demo database
#   ./dev.sh test   install what is missing, build, run the whole test suite
#   ./dev.sh build  install what is missing and build only
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(cmake ninja-build g++ pkg-config libboost-dev libpoco-dev
          libsqlite3-dev sqlite3 catch2 python3 libicu-dev libargon2-dev wrk openssl
          libkainjow-mustache-dev chromium chromium-driver python3-selenium fonts-noto-cjk
          libxlsxwriter-dev python3-openpyxl libjs-chart.js python3-docx zlib1g-dev libminizip-dev)
BUILD_DIR=${PATROL_BUILD_DIR:-build}

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "安装缺少的软件包 / installing: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# build [TARGET]: everything, or only TARGET (e.g. patrol_runtime: the executable, the shipped
# plugins, config and web files, without the tests). Core's libraries are built in unity batches
# (PATROL_UNITY_BUILD): a fresh machine compiles everything once, and batches cut that CPU time by
# parsing the shared headers once per batch. Configure without it for edit-and-rebuild work.
build() {
  install_missing
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPATROL_UNITY_BUILD=ON >/dev/null
  cmake --build "$BUILD_DIR" -j2 ${1:+--target "$1"}
}

case "${1:-}" in
  build) build ;;
  run)
    build patrol_runtime
    patrol="$BUILD_DIR/bin/patrol"
    "$patrol" demo
    ;;
  test)
    build
    ctest --test-dir "$BUILD_DIR" --output-on-failure -j2
    ;;
  *)
    echo "用法 / usage: ./dev.sh run|test|build" >&2
    exit 2
    ;;
esac
