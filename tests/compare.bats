#!/usr/bin/env bats
# nerscore --ci and --compare: bootstrap intervals and paired comparisons.
# Expected values come from an exact enumeration of every resample of tiny
# inputs (tests/tools/exact-bootstrap.awk, and by hand in the comments),
# from a bootstrap written apart from nerscore with another generator
# (tests/tools/paired-bootstrap.py, its output pinned), and from the plain
# scores of nerscore and conlleval.pl.

load helper

TEAMS="arcada drexel_cci flytxt mic-cis sjtu_adapt spinningbytes uh_ritual"

# Write the match records of CoNLL file $1 to $2.
matches() {
	nerspan "$1" | nermatch > "$2"
}

# Write the sentence count records of CoNLL file $1 to $2.
sent_counts() {
	nerspan "$1" | nermatch | nerscore --counts=sent > "$2"
}

# Copy TSV from stdin with every number in one form, as jq prints it:
# 0.3680 and 0.368 both become 0.368.
numbers() {
	awk -F '\t' -v OFS='\t' '{
		for (i = 1; i <= NF; i++)
			if ($i ~ /^-?[0-9]+(\.[0-9]+)?$/)
				$i = sprintf("%.10g", $i + 0)
		print
	}'
}

# Print "name TAB lo TAB hi TAB p" per row of nerscore --compare TSV on
# stdin, with the names of exact-bootstrap.awk: "micro f1", "type X f1".
compare_stats() {
	awk -F '\t' 'NR > 1 {
		name = $2 == "type" ? "type " $3 " " $4 : $2 " " $4
		print name "\t" $8 "\t" $9 "\t" $10
	}'
}

# Print "name TAB lo TAB hi" per row and ratio of nerscore --ci TSV.
ci_stats() {
	awk -F '\t' 'NR > 1 {
		split("precision recall f1", metric, " ")
		for (k = 0; k < 3; k++) {
			name = $2 == "type" ? "type " $3 " " metric[k + 1] : \
			    $2 " " metric[k + 1]
			print name "\t" $(8 + 3 * k) "\t" $(9 + 3 * k)
		}
	}'
}

# Print the lines of file $1 that are not lines of file $2.
missing_lines() {
	grep -vxF -f "$2" "$1" || true
}

# Check that every "name lo hi p" of nerscore (file $1) is within the
# tolerances of the independent estimate (file $2, tab-separated): an
# interval end within 5% of the interval's width (about five standard
# deviations of the difference of two estimates from 10,000 resamples each),
# and p within four standard deviations of the difference of two estimates,
# 4 sqrt(2) 2 sqrt(x (1 - x) / 10000) with x = p / 2.
within_tolerance() {
	awk -F '\t' '
	NR == FNR { lo[$1] = $2; hi[$1] = $3; p[$1] = $4; next }
	!($1 in lo) { next }
	{
		n++
		tol = 0.05 * ($3 - $2) + 0.0002
		x = $4 / 2
		ptol = 4 * sqrt(2) * 2 * sqrt(x * (1 - x) / 10000) + 0.0002
		if (abs($2 - lo[$1]) > tol || abs($3 - hi[$1]) > tol)
			printf "%s: interval %s %s, expected %s %s within %.4f\n",
			    $1, lo[$1], hi[$1], $2, $3, tol
		if (p[$1] != "" && abs($4 - p[$1]) > ptol)
			printf "%s: p %s, expected %s within %.4f\n", $1, p[$1],
			    $4, ptol
	}
	function abs(v) { return v < 0 ? -v : v }
	END { if (n < 10) print "only " n " statistics compared" }' "$1" "$2"
}

# The micro F1 interval width from nerscore --ci TSV on stdin.
micro_width() {
	awk -F '\t' '$2 == "micro" { print $15 - $14 }'
}

@test "help: every resampling option" {
	run -0 --separate-stderr nerscore --help
	[ "$stderr" = "" ]
	for o in --ci --compare --level= --resamples= --seed= --unit=; do
		[[ "$output" == *"$o"* ]]
	done
}

@test "tiny compare: exact resamples" {
	# The gold entities are the same in both inputs and new's tp minus
	# old's tp per sentence is 0, 1, 0, 1, so the recall difference is
	# never below 0, and 0 only in draws of sentences 1 and 3 alone:
	# (2/4)^4 = 1/16, so p = 2/16 = 0.125 and the lower end is 0.  With
	# gold 1, 2, 1, 1 the difference is 1 for 4 x sentence 4 (1/256), 0.8
	# for 3 x sentence 4 and sentence 2 (4/256) and 0.75 for 3 x sentence
	# 4 and sentence 1 or 3 (8/256): 5/256 < 2.5% lies above 0.75 and
	# 13/256 at or above it, so the upper end is 0.75.
	matches "$DATA/compare/old.conll" old.m
	matches "$DATA/compare/new.conll" new.m
	run -0 --separate-stderr nerscore --compare --resamples=all \
	    --digits=6 old.m new.m
	[ "$stderr" = "" ]
	compare_stats <<< "$output" > got
	grep -x 'micro recall	0.000000	0.750000	0.125000' got
	sent_counts "$DATA/compare/old.conll" old.counts
	sent_counts "$DATA/compare/new.conll" new.counts
	awk -v alpha=0.05 -f "$TOP/tests/tools/exact-bootstrap.awk" \
	    old.counts new.counts | cut -f 1-4 > want
	[ "$(wc -l < want)" -eq 6 ]
	[ "$(missing_lines want got)" = "" ]
}

@test "tiny compare: enumeration notes" {
	matches "$DATA/compare/old.conll" old.m
	matches "$DATA/compare/new.conll" new.m
	run -0 --separate-stderr nerscore --compare -f table \
	    --resamples=all old.m new.m
	[ "$stderr" = "" ]
	# C(2 x 4 - 1, 4) = 35 multisets of four sentences
	[[ "$output" == *"over the 4 sentences of the input, from all 35 distinct resamples"* ]]
	[[ "$output" == *"A is old.m, B is new.m; diff is B - A."* ]]
}

@test "tiny compare: drawn near exact" {
	# At 100,000 draws the empirical distribution function is within
	# 0.0005 (one standard deviation) of the exact one, and no step of
	# the exact one is closer than 0.005 to 2.5% or 97.5%, so the drawn
	# ends equal the exact ends; p is within 0.01 (about five standard
	# deviations of 2 x a share near 0.14 from 100,000 draws).
	sent_counts "$DATA/compare/old.conll" old.counts
	sent_counts "$DATA/compare/new.conll" new.counts
	awk -v alpha=0.05 -f "$TOP/tests/tools/exact-bootstrap.awk" \
	    old.counts new.counts > want
	run -0 awk -F '\t' '$5 < 0.005' want
	[ "$output" = "" ]
	run -0 --separate-stderr nerscore --compare --resamples=100000 \
	    --digits=6 old.counts new.counts
	[ "$stderr" = "" ]
	compare_stats <<< "$output" > got
	cut -f 1-3 want > want.ends
	cut -f 1-3 got > got.ends
	[ "$(missing_lines want.ends got.ends)" = "" ]
	run -0 awk -F '\t' 'NR == FNR { p[$1] = $4; next }
	    ($1 in p) && ($4 - p[$1] > 0.01 || p[$1] - $4 > 0.01)' want got
	[ "$output" = "" ]
}

@test "tiny ci: exact resamples" {
	# Micro F1 = 2 tp / (gold + pred) with (tp, gold + pred) of (2, 6),
	# (1, 4) and (2, 5) per sentence: 0.5 when every draw is sentence 2
	# and 0.8 when every draw is sentence 3, each 1/27 > 2.5% of the
	# draws, so the interval is [0.5, 0.8].
	sent_counts "$DATA/compare/three.conll" three.counts
	run -0 --separate-stderr nerscore --ci --resamples=all --digits=6 \
	    three.counts
	[ "$stderr" = "" ]
	ci_stats <<< "$output" > got
	grep -x 'micro f1	0.500000	0.800000' got
	awk -v alpha=0.05 -f "$TOP/tests/tools/exact-bootstrap.awk" \
	    three.counts | cut -f 1-3 > want
	[ "$(wc -l < want)" -eq 6 ]
	[ "$(missing_lines want got)" = "" ]
}

@test "json ci: exact resamples" {
	# The interval of "tiny ci: exact resamples", [0.5, 0.8], and micro
	# F1 = 2 x 5 / 15 of the whole input.
	sent_counts "$DATA/compare/three.conll" three.counts
	run -0 --separate-stderr nerscore --ci -f json --resamples=all \
	    --digits=6 three.counts
	[ "$stderr" = "" ]
	run -0 jq -r '.results[0].micro.f1 | "\(.value) \(.lo) \(.hi)"' \
	    <<< "$output"
	[ "$output" = "0.666667 0.5 0.8" ]
}

@test "json ci: settings and method" {
	sent_counts "$DATA/compare/three.conll" three.counts
	run -0 --separate-stderr nerscore --ci -f json --resamples=all \
	    --level=0.9 three.counts
	[ "$stderr" = "" ]
	run -0 jq -c '[.analysis, .unit, .units, .level,
	    .resamples_enumerated, .seed, .results[0].mode]' <<< "$output"
	# 3 sentences: C(2 x 3 - 1, 3) = 10 distinct resamples
	[ "$output" = '["confidence intervals","sentence",3,0.9,10,null,"strict"]' ]
}

@test "json ci: same numbers as tsv" {
	matches "$DATA/wnut17/uh_ritual.conll" m
	nerscore --ci -m all m | tail -n +2 > want
	run -0 --separate-stderr nerscore --ci -m all -f json m
	[ "$stderr" = "" ]
	jq -r 'def text: if . == null then "NA" else tostring end;
	    .results[] | .mode as $m |
	    (.types[] | [$m, "type", .type] + ([.tp, .gold, .pred] |
	        map(text))),
	    (.micro | [$m, "micro", ""] + ([.tp, .gold, .pred] |
	        map(text))),
	    (.macro | [$m, "macro", ""] + [""]) | @tsv' \
	    <<< "$output" > head.got
	jq -r 'def text: if . == null then "NA" else tostring end;
	    .results[] | (.types[], .micro, .macro) |
	    [.precision, .recall, .f1 | .value, .lo, .hi] |
	    map(text) | @tsv' <<< "$output" > ratios.got
	[ "$(wc -l < want)" -eq 32 ]
	# macro's counts are left out of JSON: compare the TSV without them
	awk -F '\t' -v OFS='\t' '$2 == "macro" { print $1, $2, $3, "" }
	    $2 != "macro" { print $1, $2, $3, $4, $5, $6 }' want > head.want
	cut -f 7- want > ratios.want
	diff head.want head.got
	numbers < ratios.want > ratios.want.n
	numbers < ratios.got > ratios.got.n
	diff ratios.want.n ratios.got.n
}

@test "json compare: exact resamples" {
	# The micro recall of "tiny compare: exact resamples": [0, 0.75]
	# with p = 0.125, not significant.  Of the 5 gold entities old finds
	# those of sentences 1 and 3 and new one in each sentence: tp 2 and
	# 4, recall 0.4 and 0.8.
	matches "$DATA/compare/old.conll" old.m
	matches "$DATA/compare/new.conll" new.m
	run -0 --separate-stderr nerscore --compare -f json --resamples=all \
	    --digits=6 old.m new.m
	[ "$stderr" = "" ]
	run -0 jq -c '[.a, .b, (.results[0].micro | .gold, .tp.a, .tp.b,
	    (.recall | .a, .b, .diff, .lo, .hi, .p, .change))]' <<< "$output"
	[ "$output" = '["old.m","new.m",5,2,4,0.4,0.8,0.4,0,0.75,0.125,"not significant"]' ]
}

@test "json compare: same numbers as tsv" {
	need_shared
	matches "$SHARED/data/wnut17/joined/arcada.gold-pred.txt" a.m
	matches "$DATA/wnut17/uh_ritual.conll" b.m
	nerscore --compare -m all a.m b.m | tail -n +2 > want
	run -0 --separate-stderr nerscore --compare -m all -f json a.m b.m
	[ "$stderr" = "" ]
	jq -r 'def text: if . == null then "NA" else tostring end;
	    def rows($h): . as $r | ("precision", "recall", "f1") as $k |
	        $h + [$k] + ($r[$k] | [.a, .b, .diff, .lo, .hi, .p] |
	        map(text)) + [$r[$k].change];
	    .results[] | .mode as $m |
	    (.types[] | rows([$m, "type", .type])),
	    (.micro | rows([$m, "micro", ""])),
	    (.macro | rows([$m, "macro", ""])) | @tsv' <<< "$output" |
	    sed 's/not significant$/not-significant/' | numbers > got
	numbers < want > want.n
	[ "$(wc -l < want.n)" -eq 96 ]
	diff want.n got
}

@test "compare: no negative zero" {
	# Reversed, the tiny inputs have small negative differences, such as
	# -0.27 for the F1 of X, that round to 0 at no decimals: printf
	# writes them as -0, which reads as a loss.
	matches "$DATA/compare/old.conll" old.m
	matches "$DATA/compare/new.conll" new.m
	run -0 --separate-stderr nerscore --compare --digits=0 --resamples=all \
	    new.m old.m
	[ "$stderr" = "" ]
	run -0 awk -F '\t' '{ for (i = 1; i <= NF; i++) if ($i == "-0") print }' \
	    <<< "$output"
	[ "$output" = "" ]
	run -0 --separate-stderr nerscore --compare --digits=0 -f json \
	    --resamples=all new.m old.m
	run -1 grep -E -- '-0[,}]' <<< "$output"
	run -0 --separate-stderr nerscore --compare --digits=0 -f table \
	    --resamples=all new.m old.m
	[[ "${lines[3]}" == *"f1  1  0    +0"* ]]
}

@test "self compare: zero and p 1" {
	matches "$DATA/wnut17/uh_ritual.conll" m
	run -0 --separate-stderr nerscore --compare -m all m m
	[ "$stderr" = "" ]
	[ "${#lines[@]}" -eq $((1 + 4 * 8 * 3)) ]
	run -0 awk -F '\t' 'NR > 1 && ($7 != "0.0000" || $8 != "0.0000" ||
	    $9 != "0.0000" || $10 != "1.0000" || $11 != "not-significant")' \
	    <<< "$output"
	[ "$output" = "" ]
}

@test "self compare: plain words" {
	matches "$DATA/wnut17/uh_ritual.conll" m
	run -0 --separate-stderr nerscore --compare -f table m m
	[ "$stderr" = "" ]
	[[ "$output" == *"Overall (micro f1) B is not significantly different from A: 0.4186 against 0.4186, p = 1.0000."* ]]
	[[ "$output" == *"No significant change: corporation, creative-work, group, location, person, product."* ]]
}

@test "ci: same seed, same output" {
	matches "$DATA/wnut17/uh_ritual.conll" m
	nerscore --ci --seed=7 m > one
	nerscore --ci --seed=7 m > two
	cmp one two
}

@test "ci: other seed within tolerance" {
	# 5% of the width is about five standard deviations of the difference
	# of two interval ends from 10,000 resamples each.
	matches "$DATA/wnut17/uh_ritual.conll" m
	nerscore --ci --resamples=10000 --seed=1 m | ci_stats > one
	nerscore --ci --resamples=10000 --seed=2 m | ci_stats > two
	! cmp -s one two
	run -0 awk -F '\t' 'NR == FNR { lo[$1] = $2; hi[$1] = $3; next }
	    { tol = 0.05 * ($3 - $2) + 0.0002
	      if ($2 - lo[$1] > tol || lo[$1] - $2 > tol ||
	          $3 - hi[$1] > tol || hi[$1] - $3 > tol) print }' one two
	[ "$output" = "" ]
}

@test "ci: pinned seed 1 interval" {
	# Same seed, same draws on any machine: xoshiro256** and the bounded
	# draw use integers only.  The pinned ends were checked against the
	# independent estimate in the test below.
	matches "$DATA/wnut17/uh_ritual.conll" m
	run -0 --separate-stderr nerscore --ci --resamples=10000 m
	[ "$stderr" = "" ]
	[ "$(awk -F '\t' '$2 == "micro" { print $13, $14, $15 }' <<< "$output")" = "0.4186 0.3840 0.4520" ]
}

@test "ci: independent estimate" {
	# tests/tools/paired-bootstrap.py with numpy's PCG64, 10,000 draws.
	sent_counts "$DATA/wnut17/uh_ritual.conll" c
	nerscore --ci --resamples=10000 c | ci_stats > got
	awk -F '\t' '{ print $1 "\t" $2 "\t" $3 "\t" }' \
	    "$EXPECTED/compare/wnut17-uh_ritual.ci" > want
	run -0 within_tolerance got want
	[ "$output" = "" ]
}

@test "ci: intervals narrow with data" {
	# Twice the sentences: the width shrinks by about 1 / sqrt(2).
	matches "$DATA/wnut17/uh_ritual.conll" once
	nerspan "$DATA/wnut17/uh_ritual.conll" "$DATA/wnut17/uh_ritual.conll" |
	    nermatch > twice
	w1=$(nerscore --ci --resamples=4000 once | micro_width)
	w2=$(nerscore --ci --resamples=4000 twice | micro_width)
	run -0 awk -v a="$w1" -v b="$w2" 'BEGIN { r = b / a
	    if (r < 0.62 || r > 0.80) print r }'
	[ "$output" = "" ]
}

@test "ci: merged shards equal one run" {
	awk 'BEGIN { RS = ""; ORS = "\n\n" } { n++ }
	    { f = n <= 400 ? "a" : n <= 900 ? "b" : "c"
	      print > ("part-" f ".conll") }' "$DATA/wnut17/uh_ritual.conll"
	for f in part-a part-b part-c; do
		sent_counts "$f.conll" "$f.counts"
	done
	cat part-a.counts part-b.counts part-c.counts > merged
	matches "$DATA/wnut17/uh_ritual.conll" m
	nerscore --ci m > one
	run -0 --separate-stderr nerscore --ci merged
	[ "$stderr" = "" ]
	[ "$output" = "$(cat one)" ]
}

@test "unit: documents when marked" {
	# Three -DOCSTART- documents of two sentences each.
	for d in 1 2 3; do
		printf -- '-DOCSTART- O O\n\n'
		printf 'a B-X B-X\nb O O\n\nc B-X O\n\n'
	done > docs.conll
	matches docs.conll m
	run -0 --separate-stderr nerscore --ci -f table m
	[ "$stderr" = "" ]
	[[ "$output" == *"over the 3 documents of the input"* ]]
	run -0 nerscore --ci -f table --unit=sent m
	[[ "$output" == *"over the 6 sentences of the input"* ]]
}

@test "unit: sentences when unmarked" {
	matches "$DATA/wnut17/uh_ritual.conll" m
	run -0 --separate-stderr nerscore --ci -f table m
	[ "$stderr" = "" ]
	[[ "$output" == *"over the 1287 sentences of the input, from 1000 resamples drawn with seed 1."* ]]
}

@test "unit: one document rejected" {
	matches "$DATA/wnut17/uh_ritual.conll" m
	run -1 --separate-stderr nerscore --ci --unit=doc m
	[ "$output" = "" ]
	[ "$stderr" = "nerscore: m: resampling needs at least 2 units, but the input has 1 document; resample sentences with --unit=sent" ]
}

@test "unit: document counts only" {
	nerspan "$DATA/wnut17/uh_ritual.conll" | nermatch |
	    nerscore --counts=doc > c
	run -1 --separate-stderr nerscore --ci --unit=sent c
	[ "$stderr" = "nerscore: --unit=sent needs per-sentence counts, but the input has per-document counts only; write them with --counts=sent" ]
}

@test "compare: total counts rejected" {
	nerspan "$DATA/wnut17/uh_ritual.conll" | nermatch | nerscore --counts > c
	run -1 --separate-stderr nerscore --ci c
	[ "$output" = "" ]
	[ "$stderr" = "nerscore: c: resampling needs per-document or per-sentence counts, but the input has only total counts; write them with --counts=sent" ]
}

@test "compare: unit in one input" {
	matches "$DATA/compare/old.conll" old.m
	awk 'BEGIN { RS = ""; ORS = "\n\n" } NR < 4' \
	    "$DATA/compare/new.conll" > short.conll
	matches short.conll short.m
	run -1 --separate-stderr nerscore --compare old.m short.m
	[ "$output" = "" ]
	[ "${stderr_lines[0]}" = "nerscore: old.m: doc '1' sent '4' is not in short.m" ]
	[ "${stderr_lines[1]}" = "nerscore: 1 unit is in one input only; compare the outputs of two models on the same test set, written the same way" ]
}

@test "compare: other gold rejected" {
	matches "$DATA/compare/old.conll" old.m
	sed 's/^w3 B-Y O$/w3 O O/' "$DATA/compare/old.conll" > other.conll
	matches other.conll other.m
	run -1 --separate-stderr nerscore --compare old.m other.m
	[ "$output" = "" ]
	[ "$stderr" = "nerscore: other.m: doc '1' sent '2' has 0 gold entities of type 'Y', but old.m has 1; compare two models' outputs on the same test set" ]
}

@test "compare: one input rejected" {
	run -2 --separate-stderr nerscore --compare a
	[ "$stderr" = "nerscore: --compare needs two inputs, the first model's and the second's, but 1 was given" ]
}

@test "options: seed without ci" {
	run -2 --separate-stderr nerscore --seed=3
	[ "$stderr" = "nerscore: --seed only works with --ci or --compare; add one or drop --seed" ]
}

@test "options: bad values rejected" {
	run -2 --separate-stderr nerscore --ci --level=1
	[ "$stderr" = "nerscore: invalid --level '1': expected a number above 0 and below 1, as 0.95" ]
	run -2 --separate-stderr nerscore --ci --seed=-1
	[ "$stderr" = "nerscore: invalid --seed '-1': expected a whole number from 0 to 18446744073709551615" ]
	run -2 --separate-stderr nerscore --ci --resamples=0
	[ "$stderr" = "nerscore: invalid --resamples '0': expected a whole number from 1 to 1000000, or all" ]
	run -2 --separate-stderr nerscore --ci --unit=word
	[ "$stderr" = "nerscore: invalid --unit 'word': expected auto, doc or sent" ]
	run -2 --separate-stderr nerscore --ci -f markdown
	[ "$stderr" = "nerscore: --ci writes tsv, table or json; drop -f markdown" ]
	run -2 --separate-stderr nerscore --compare -f conlleval a b
	[ "$stderr" = "nerscore: --compare writes tsv, table or json; drop -f conlleval" ]
	run -2 --separate-stderr nerscore --compare --per-doc a b
	[ "$stderr" = "nerscore: --compare writes intervals of precision, recall and F; drop --per-doc" ]
}

@test "options: enumeration too large" {
	matches "$DATA/wnut17/uh_ritual.conll" m
	run -2 --separate-stderr nerscore --ci --resamples=all m
	[ "$output" = "" ]
	[ "$stderr" = "nerscore: --resamples=all enumerates the resamples of at most 10 units, but the input has 1287; give a number of resamples instead" ]
}

@test "wnut17: differences of plain scores" {
	need_shared
	local a b t
	for t in $TEAMS; do
		matches "$SHARED/data/wnut17/joined/$t.gold-pred.txt" "$t.m"
		nerscore --digits=10 "$t.m" |
		    awk -F '\t' -v OFS='\t' '$2 != "weighted" { print $2, $3, $9, $10, $11 }' \
		    > "$t.plain"
	done
	for a in $TEAMS; do
		for b in $TEAMS; do
			[ "$a" \< "$b" ] || continue
			nerscore --compare --resamples=10 --digits=10 \
			    "$a.m" "$b.m" > cmp
			# a and b columns equal the plain scores; the diff
			# is b - a to rounding.
			run -0 awk -F '\t' '
			FILENAME == ARGV[1] { sa[$1 " " $2, 1] = $3
			    sa[$1 " " $2, 2] = $4; sa[$1 " " $2, 3] = $5; next }
			FILENAME == ARGV[2] { sb[$1 " " $2, 1] = $3
			    sb[$1 " " $2, 2] = $4; sb[$1 " " $2, 3] = $5; next }
			FNR > 1 {
				k = $4 == "precision" ? 1 : $4 == "recall" ? 2 : 3
				key = $2 " " $3
				n++
				if ($5 != sa[key, k] || $6 != sb[key, k])
					print "scores", key, $4
				d = $7 - (sb[key, k] - sa[key, k])
				if (d > 2e-10 || d < -2e-10)
					print "diff", key, $4, $7
			}
			END { if (n != 24) print "rows", n }' \
			    "$a.plain" "$b.plain" cmp
			[ "$output" = "" ]
		done
	done
}

@test "wnut17: differences of conlleval" {
	# conlleval.pl's FB1 in percent with two decimals: each rounded by at
	# most 0.005, so a difference by at most 0.01.
	need_shared
	local a b t
	for t in $TEAMS; do
		matches "$SHARED/data/wnut17/joined/$t.gold-pred.txt" "$t.m"
	done
	for a in $TEAMS; do
		for b in $TEAMS; do
			[ "$a" \< "$b" ] || continue
			nerscore --compare --resamples=10 --digits=10 \
			    "$a.m" "$b.m" > cmp
			run -0 awk -F '\t' '
			function fb1(line) { sub(/.*FB1: */, "", line)
			    sub(/ .*/, "", line); return line }
			FILENAME != ARGV[3] && /^processed/ { next }
			FILENAME != ARGV[3] && /^accuracy/ {
				f[FILENAME == ARGV[2], "micro "] = fb1($0); next }
			FILENAME != ARGV[3] {
				split($0, w, " ")
				f[FILENAME == ARGV[2], "type " substr(w[1], 1,
				    length(w[1]) - 1)] = fb1($0)
				next
			}
			$4 == "f1" && $2 != "macro" {
				n++
				key = $2 " " $3
				d = 100 * $7 - (f[1, key] - f[0, key])
				if (d > 0.0100001 || d < -0.0100001)
					print key, $7, f[0, key], f[1, key]
			}
			END { if (n != 7) print "rows", n }' \
			    "$EXPECTED/conlleval/wnut17-$a.txt" \
			    "$EXPECTED/conlleval/wnut17-$b.txt" cmp
			[ "$output" = "" ]
		done
	done
}

@test "wnut17: independent estimate" {
	# tests/tools/paired-bootstrap.py with numpy's PCG64, 10,000 draws.
	need_shared
	local pair a b
	for pair in arcada:uh_ritual drexel_cci:spinningbytes flytxt:mic-cis; do
		a=${pair%%:*}
		b=${pair#*:}
		sent_counts "$SHARED/data/wnut17/joined/$a.gold-pred.txt" a.c
		sent_counts "$SHARED/data/wnut17/joined/$b.gold-pred.txt" b.c
		nerscore --compare --resamples=10000 a.c b.c | compare_stats > got
		run -0 within_tolerance got \
		    "$EXPECTED/compare/wnut17-$a-$b.boot"
		[ "$output" = "" ]
	done
}

@test "wnut17: significance words" {
	# drexel_cci against spinningbytes: micro F1 rises by 0.1448, with
	# p = 0.0002 = 2 / 10,001 (no resample at or below 0) in the
	# independent estimate.
	need_shared
	matches "$SHARED/data/wnut17/joined/drexel_cci.gold-pred.txt" a.m
	matches "$SHARED/data/wnut17/joined/spinningbytes.gold-pred.txt" b.m
	run -0 --separate-stderr nerscore --compare -f table \
	    --resamples=10000 a.m b.m
	[ "$stderr" = "" ]
	[[ "$output" == *"Overall (micro f1) B is better than A: 0.4078 against 0.2630, p = 0.0002."* ]]
	[[ "$output" == *"No significant change: product."* ]]
}

@test "output: write error detected" {
	matches "$DATA/compare/old.conll" old.m
	run -1 --separate-stderr bash -c 'nerscore --ci old.m > /dev/full'
	[ "$stderr" = "nerscore: write error: No space left on device" ]
}

@test "compare: units in any order" {
	# The sentences of new.conll written last to first pair by name.
	matches "$DATA/compare/old.conll" old.m
	matches "$DATA/compare/new.conll" new.m
	nerscore --counts=sent new.m | awk -F '\t' '
	    NR == 1 { print; next } /^#end/ { next }
	    { row[$2] = row[$2] $0 "\n" }
	    END { for (s = 4; s >= 1; s--) printf "%s", row[s]
	          print "#end\t" NR - 2 }' > reversed
	nerscore --compare --resamples=all old.m new.m > want
	run -0 --separate-stderr nerscore --compare --resamples=all old.m \
	    reversed
	[ "$stderr" = "" ]
	[ "$output" = "$(cat want)" ]
}
