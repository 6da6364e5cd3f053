#!/bin/sh
# Benchmark of nermatch's alignment: a synthetic document of one unit with
# N gold and N predicted spans (default 100000), then a pathological unit
# where one long span overlaps many.  Prints the wall time of nermatch on
# each; the figures depend on the machine, so this is not a test.
#
# usage: tests/bench/align-100k.sh [N]   (run from the top of the tree,
# after make; NERTOOLS_BIN names another folder of programs)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${NERTOOLS_BIN:-$top}
n=${1:-100000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Realistic: gold entities of 1-4 tokens with gaps.  The prediction is
# exact 85% of the time, shifted by a token 6%, of another type 5% and
# missing 2%; 1% of gold spans get a prediction one token longer, and 1%
# an exact one plus a nested one-token prediction.  Spurious one-token
# predictions after the last gold span bring the predictions up to N.
awk -v n="$n" 'BEGIN {
	srand(42)
	OFS = "\t"
	print "doc", "sent", "side", "start", "end", "type", "level", "source", "text"
	split("PER LOC ORG MISC", types, " ")
	pos = 0
	for (i = 0; i < n; i++) {
		len = 1 + int(rand() * 4)
		s = pos; e = s + len; pos = e + 1 + int(rand() * 3)
		ti = int(rand() * 4)
		t = types[1 + ti]
		print 1, 0, "gold", s, e, t, 1, "g:" i, "g" i
		r = rand()
		if (r < 0.85) { ps = s; pe = e; pt = t }
		else if (r < 0.91) { ps = s + 1; pe = e + 1; pt = t }
		else if (r < 0.96) { ps = s; pe = e; pt = types[1 + (ti + 1 + int(rand() * 3)) % 4] }
		else if (r < 0.98) { ps = -1 }
		else if (r < 0.99) { ps = s; pe = e + 1; pt = t }
		else { ps = s; pe = e; pt = t; print 1, 0, "pred", s, s + 1, t, 1, "n:" i, "n" i; extra++ }
		if (ps >= 0) { print 1, 0, "pred", ps, pe, pt, 1, "p:" i, "p" i; np++ }
	}
	# Top up the predictions to n with spurious spans in the gaps.
	for (; np + extra < n; np++) print 1, 0, "pred", pos + np * 2, pos + np * 2 + 1, "PER", 1, "s:" np, "s" np
	print "#unit", 1, 0, "-", "-"
	print "#end", n + np + extra + 1
}' > "$tmp/real.spans"

gold=$(grep -c '	gold	' "$tmp/real.spans")
pred=$(grep -c '	pred	' "$tmp/real.spans")
printf 'realistic unit: %s gold, %s predicted spans\n' "$gold" "$pred"
"$bin/nermatch" "$tmp/real.spans" > /dev/null	# warm the page cache
start=$(date +%s.%N)
"$bin/nermatch" "$tmp/real.spans" > "$tmp/real.match"
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "  nermatch: %.3f s\n", e - s }'
grep -v '^#' "$tmp/real.match" | cut -f 3 | sort | uniq -c | sort -rn |
	awk 'NR > 1 || $2 != "class" { printf "  %8d %s\n", $1, $2 }' | grep -v ' class$'

# Time nermatch on a unit whose records the awk program $2 prints, m = $1.
time_unit() {
	{
		printf 'doc\tsent\tside\tstart\tend\ttype\tlevel\tsource\ttext\n'
		awk -v m="$1" -v OFS='\t' "$2" < /dev/null
		printf '#unit\t1\t0\t-\t-\n'
	} > "$tmp/unit.spans"
	printf '#end\t%d\n' "$(($(wc -l < "$tmp/unit.spans") - 1))" \
	    >> "$tmp/unit.spans"
	start=$(date +%s.%N)
	"$bin/nermatch" "$tmp/unit.spans" > /dev/null
	end=$(date +%s.%N)
	awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f s\n", e - s }'
}

# One long gold span over m one-token gold spans of another type, and m
# two-token predictions of the long span's type: each prediction overlaps
# the long span and two short ones, so all 2m + 1 spans form one cluster.
long_gold='BEGIN {
	print 1, 0, "gold", 0, m, "A", 1, "x", "long"
	for (i = 0; i < m; i++) {
		print 1, 0, "gold", i, i + 1, "B", 1, "x", "g" i
		print 1, 0, "pred", i, (i + 2 > m ? m : i + 2), "A", 1, "x", "p" i
	}
}'
# The same with the sides swapped: one long prediction.
long_pred='BEGIN {
	print 1, 0, "pred", 0, m, "A", 1, "x", "long"
	for (i = 0; i < m; i++) {
		print 1, 0, "pred", i, i + 1, "B", 1, "x", "p" i
		print 1, 0, "gold", i, (i + 2 > m ? m : i + 2), "A", 1, "x", "g" i
	}
}'
# m gold and m predicted spans nested inside each other, every one
# overlapping every other: m * m candidate pairs, nearly all tied.
nested='BEGIN {
	for (i = 0; i < m; i++) {
		print 1, 0, "gold", i, 2 * m - i, "A", 1, "x", "g" i
		print 1, 0, "pred", i + 1, 2 * m - i + 1, "A", 1, "x", "p" i
	}
}'
for m in 1000 4000 16000 64000; do
	printf 'long gold span over %6d: ' "$m"; time_unit "$m" "$long_gold"
done
for m in 1000 4000 16000 64000; do
	printf 'long pred span over %6d: ' "$m"; time_unit "$m" "$long_pred"
done
for m in 125 250 500 1000; do
	printf '%5d nested a side:        ' "$m"; time_unit "$m" "$nested"
done
