#!/usr/bin/env bash
# Fails when a tracked C++ file is not formatted as .clang-format says (run `make fmt`).
set -euo pipefail
cd "$(dirname "$0")/.."
files=$( (git ls-files '*.cpp' '*.hpp'; git ls-files --others --exclude-standard '*.cpp' '*.hpp') | sort -u)
[ -z "$files" ] && exit 0
if ! echo "$files" | xargs clang-format --dry-run -Werror 2>/tmp/isms-format.log; then
  grep -E "^[^ ].*error:" /tmp/isms-format.log | cut -d: -f1 | sort -u | sed 's/^/not formatted: /'
  echo "run 'make fmt'" >&2
  exit 1
fi
