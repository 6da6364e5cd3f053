#!/bin/sh
# Benchmark of hostile sizes.  The first input has N one-token sentences
# (default 1000000), each with a gold type of its own.  Every second one
# also has a predicted type of its own, so there are 1.5 N types.  The
# second input is a line of 2 MB with a type of 1.5 MB.  Prints the wall
# time and peak memory of every program on them.  The figures depend on
# the machine, so this is not a test.
#
# usage: tests/bench/many-types.sh [N]   (run from the top of the tree,
# after make; NERTOOLS_BIN names another folder of programs)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${NERTOOLS_BIN:-$top}
n=${1:-1000000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# measure LABEL OUT COMMAND...: run COMMAND with its output in OUT.
measure() {
	label=$1 out=$2
	shift 2
	/usr/bin/time -f "$label	%e s	%M KB" "$@" > "$out"
}

awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++)
	printf "t B-g%d B-%s%d\n\n", i, i % 2 ? "g" : "p", i }' > "$tmp/types.conll"
measure nerspan "$tmp/s" "$bin/nerspan" "$tmp/types.conll"
measure nermatch "$tmp/m" "$bin/nermatch" "$tmp/s"
measure "nerscore" "$tmp/o" "$bin/nerscore" "$tmp/m"
measure "nerscore --counts" "$tmp/c" "$bin/nerscore" --counts "$tmp/m"
measure "nerscore (counts)" "$tmp/o" "$bin/nerscore" "$tmp/c"
measure "nerscore --explain" "$tmp/o" "$bin/nerscore" --explain "$tmp/m"
measure "nermatrix -f long" "$tmp/o" "$bin/nermatrix" -f long "$tmp/m"

t=$(head -c 2000000 /dev/zero | tr '\0' x)
y=$(head -c 1500000 /dev/zero | tr '\0' T)
printf '%s B-%s B-%s\nb I-%s O\n' "$t" "$y" "$y" "$y" > "$tmp/long.conll"
measure "nerspan (2 MB line)" "$tmp/s" "$bin/nerspan" "$tmp/long.conll"
measure "nermatch (2 MB line)" "$tmp/m" "$bin/nermatch" "$tmp/s"
measure "nerscore (2 MB line)" "$tmp/o" "$bin/nerscore" "$tmp/m"
measure "nermatrix -f svg (2 MB line)" "$tmp/o" "$bin/nermatrix" -f svg "$tmp/m"
