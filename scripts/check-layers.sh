#!/usr/bin/env bash
# Fails when a source file includes a module that sits above its own in the layer order,
# which src/CMakeLists.txt lists bottom-up (core first). Rule 1 of the style guide.
set -euo pipefail
cd "$(dirname "$0")/../src"
mapfile -t layers < <(sed -n 's/^add_subdirectory(\(.*\))$/\1/p' CMakeLists.txt)
rank() {  # rank <module>: its position in the layer order, or -1
  local i
  for i in "${!layers[@]}"; do [ "${layers[$i]}" = "$1" ] && { echo "$i"; return; }; done
  echo -1
}
module_of() {  # module_of <path under src/>: the longest listed module that prefixes it
  local best="" m
  for m in "${layers[@]}"; do
    case "$1" in "$m"/*) [ ${#m} -gt ${#best} ] && best=$m ;; esac
  done
  echo "$best"
}
status=0
while IFS= read -r file; do
  own=$(module_of "$file")
  [ -z "$own" ] && continue
  own_rank=$(rank "$own")
  while IFS= read -r inc; do
    target=$(module_of "$inc")
    [ -z "$target" ] || [ "$target" = "$own" ] && continue
    if [ "$(rank "$target")" -gt "$own_rank" ]; then
      echo "layering: src/$file includes \"$inc\" ($target sits above $own)"
      status=1
    fi
  done < <(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$file")
done < <(find . -name '*.hpp' -o -name '*.cpp' | sed 's|^\./||' | sort)
exit $status
