#!/bin/sh
# callgrind.sh - instructions per iteration of the DDI hot path
# (MmAllocatePagesForMdlEx + MmMapLockedPagesSpecifyCache + MmUnmapLockedPages
# + MmFreePagesFromMdl + ExFreePool of 16 pages), counted by
# valgrind --tool=callgrind: a figure that does not depend on machine noise.
#
#   bench/callgrind.sh [path/to/mmsim-bench] [iterations]
#
# Only BenchDdiHotPath's measured call is collected (--toggle-collect); the
# machine set-up and the warm-up call are not. User-mode instructions only:
# what the host kernel does inside the mmap/fallocate calls is not counted.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bench=${1:-$here/../build/release/bench/mmsim-bench}
iterations=${2:-20000}
if ! command -v valgrind >/dev/null 2>&1; then
    echo "callgrind.sh: valgrind is not installed (apt-get install -y valgrind)" >&2
    exit 2
fi
if [ ! -x "$bench" ]; then
    echo "callgrind.sh: $bench not found; build it first:" >&2
    echo "  cmake --preset release && cmake --build --preset release --target mmsim-bench" >&2
    exit 2
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" \
    --toggle-collect=BenchDdiHotPath \
    "$bench" --callgrind --iterations "$iterations" >"$out/log" 2>&1 || {
    cat "$out/log" >&2
    exit 1
}
total=$(sed -n 's/^totals: *\([0-9]*\).*/\1/p; s/^summary: *\([0-9]*\).*/\1/p' \
    "$out/callgrind.out" | head -1)
if [ -z "$total" ] || [ "$total" -eq 0 ]; then
    echo "callgrind.sh: no instructions collected in BenchDdiHotPath" >&2
    exit 1
fi
echo "DDI hot path (16 pages: allocate, map, unmap, free): $((total / iterations)) instructions per iteration"
echo "  ($total instructions over $iterations iterations, user mode; $(valgrind --version))"
