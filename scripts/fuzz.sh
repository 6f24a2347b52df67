#!/usr/bin/env bash
# Fuzzes each target for a while, starting from a copy of its corpus; prints what each run did.
# Usage: scripts/fuzz.sh <fuzz build dir> <seconds per target> <target>...
# FUZZ_MAX_LEN caps the size of the inputs it makes (default 65536 bytes).
set -euo pipefail
build=$1
seconds=$2
shift 2
here=$(cd "$(dirname "$0")/.." && pwd)
# Allocation stacks are not recorded: that made ciso_yaml 17 % faster (docs/security.md) and keeps
# ASan's stack store from growing over long runs. Detection is the same; replay a crash input with
# the target binary alone to see where its memory was allocated.
export ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=0}
for target in "$@"; do
  work="$build/corpus/$target"
  mkdir -p "$work"
  cp -n "$here/fuzz/corpus/$target/"* "$work/" 2>/dev/null || true
  echo "== fuzz_$target: $seconds s"
  (cd "$build" && "./fuzz/fuzz_$target" -max_total_time="$seconds" -print_final_stats=1 \
      -max_len="${FUZZ_MAX_LEN:-65536}" -rss_limit_mb=4096 "corpus/$target" 2>"$target.log") || {
    tail -40 "$build/$target.log"
    echo "fuzz_$target: crashed; the input is $build/crash-* (see $build/$target.log)" >&2
    exit 1
  }
  grep -E "^stat::(number_of_executed_units|peak_rss_mb|new_units_added)" "$build/$target.log" || true
done
