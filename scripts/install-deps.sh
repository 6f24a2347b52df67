#!/usr/bin/env bash
# Installs the Debian packages isms needs to build, test and benchmark.
# Idempotent: asks dpkg first and calls apt-get only for what is missing.
# Usage: scripts/install-deps.sh [build|test|bench|fuzz]   (default: build)
set -euo pipefail

build_pkgs=(
  build-essential cmake ninja-build pkg-config
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev libpq-dev libsodium-dev libssl-dev
  libcli11-dev libfmt-dev
  libyaml-cpp-dev libpugixml-dev libvalijson-dev libzip-dev libxlsxwriter-dev libqrencode-dev
)
test_pkgs=(libgtest-dev libgmock-dev sqlite3 postgresql clang-format curl jq openssl chromium)
bench_pkgs=(libbenchmark-dev wrk curl jq time)
fuzz_pkgs=(clang libclang-rt-14-dev)

want=("${build_pkgs[@]}")
case "${1:-build}" in
  build) ;;
  test) want+=("${test_pkgs[@]}" "${bench_pkgs[@]}") ;;
  bench) want+=("${bench_pkgs[@]}") ;;
  fuzz) want+=("${test_pkgs[@]}" "${fuzz_pkgs[@]}") ;;
  *) echo "usage: $0 [build|test|bench|fuzz]" >&2; exit 2 ;;
esac

missing=()
for pkg in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
# The web UI builds with Node.js and npm: Debian's, unless some other Node.js is already there.
if ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
