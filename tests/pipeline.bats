#!/usr/bin/env bats
# The main job end to end: CoNLL text through nerspan | nermatch | nerscore.
# Expected values are the hand-worked answers of the cases (one line per
# type, "TYPE tp fp fn", then micro P R F1) or conlleval.pl's own reports.

load helper

@test "case C07: type with a hyphen inside" {
	run -0 bash -c "nerspan $DATA/cases/C07.conll | nermatch | nerscore | case_layout"
	[ "${lines[0]}" = "ARGM-LOC 1 1 0" ]
	[ "${lines[1]}" = "LOC 0 0 1" ]
	[ "${lines[2]}" = "overall 0.5000 0.5000 0.5000" ]
}

@test "case C10: no gold entities" {
	run -0 bash -c "nerspan $DATA/cases/C10.conll | nermatch | nerscore | case_layout"
	[ "${lines[0]}" = "LOC 0 1 0" ]
	[ "${lines[1]}" = "PER 0 2 0" ]
	[ "${lines[2]}" = "overall 0.0000 0.0000 0.0000" ]
}

@test "case C12: type only the prediction has" {
	run -0 bash -c "nerspan $DATA/cases/C12.conll | nermatch | nerscore | case_layout"
	[ "${lines[0]}" = "MISC 0 1 1" ]
	[ "${lines[1]}" = "PER 1 0 0" ]
	[ "${lines[2]}" = "TEST 0 1 0" ]
	[ "${lines[3]}" = "overall 0.3333 0.5000 0.4000" ]
}

@test "case C15: micro, macro and weighted averages" {
	run -0 bash -c "nerspan $DATA/cases/C15.conll | nermatch | nerscore | case_layout"
	[ "${lines[0]}" = "LOC 0 1 1" ]
	[ "${lines[1]}" = "ORG 0 1 0" ]
	[ "${lines[2]}" = "PER 3 0 0" ]
	[ "${lines[3]}" = "overall 0.6000 0.7500 0.6667" ]
	run -0 bash -c "nerspan $DATA/cases/C15.conll | nermatch | nerscore | awk -F '\t' '\$2 != \"type\" { print \$2, \$9, \$10, \$11 }'"
	[ "${lines[2]}" = "macro 0.3333 0.3333 0.3333" ]
	[ "${lines[3]}" = "weighted 0.7500 0.7500 0.7500" ]
	run -0 bash -c "nerspan $DATA/cases/C15.conll | nermatch | nerscore --macro=gold | awk -F '\t' '\$2 == \"macro-gold\" { print \$9, \$10, \$11 }'"
	[ "$output" = "0.5000 0.5000 0.5000" ]
}

@test "case C17: one prediction over two gold entities" {
	run -0 bash -c "nerspan $DATA/cases/C17.conll | nermatch | nerscore | case_layout"
	[ "${lines[0]}" = "ORG 0 1 2" ]
	[ "${lines[1]}" = "PER 1 0 0" ]
	[ "${lines[2]}" = "overall 0.5000 0.3333 0.4000" ]
}

@test "case C22: adjacent entities of one type" {
	run -0 bash -c "nerspan $DATA/cases/C22.conll | nermatch | nerscore | case_layout"
	[ "${lines[0]}" = "LOC 0 1 2" ]
	[ "${lines[1]}" = "PER 2 0 0" ]
	[ "${lines[2]}" = "overall 0.6667 0.5000 0.5714" ]
}

@test "case C24: -DOCSTART- lines and repeated blank lines" {
	run -0 bash -c "nerspan $DATA/cases/C24.conll | nermatch | nerscore | case_layout"
	[ "${lines[0]}" = "ORG 3 0 1" ]
	[ "${lines[1]}" = "overall 1.0000 0.7500 0.8571" ]
}

@test "case C26: missing predicted tag is rejected at line 2" {
	run -1 --separate-stderr nerspan "$DATA/cases/C26.conll"
	[ "$output" = "" ]
	[ "$stderr" = "nerspan: $DATA/cases/C26.conll:2: found 2 fields, but the first token line (line 1) has 3: every token line needs the same columns" ]
}

@test "case C26: nothing is scored downstream" {
	run -1 --separate-stderr bash -c "nerspan $DATA/cases/C26.conll 2>/dev/null | nermatch | nerscore"
	[ "$output" = "" ]
	[[ "$stderr" == *"nermatch: <stdin>: empty input"* ]]
}

@test "conlleval layout: WNUT-17 sample equals conlleval.pl" {
	run -0 score "$DATA/wnut17/uh_ritual.conll" -f conlleval
	diff <(printf '%s\n' "$output") "$EXPECTED/conlleval/wnut17-uh_ritual.txt"
}

@test "latex layout: WNUT-17 sample equals conlleval.pl -l" {
	nerspan "$DATA/wnut17/uh_ritual.conll" | nermatch | nerscore -f latex > got
	cmp got "$EXPECTED/conlleval/wnut17-uh_ritual.latex"
}

@test "conlleval layout: all WNUT-17 teams equal conlleval.pl" {
	need_shared
	for f in "$SHARED"/data/wnut17/joined/*.gold-pred.txt; do
		n=$(basename "$f" .gold-pred.txt)
		nerspan "$f" | nermatch | nerscore -f conlleval > got
		cmp got "$EXPECTED/conlleval/wnut17-$n.txt"
		nerspan "$f" | nermatch | nerscore -f latex > got
		cmp got "$EXPECTED/conlleval/wnut17-$n.latex"
	done
}

@test "conlleval layout: all GermEval 2014 systems equal conlleval.pl" {
	need_shared
	for f in "$SHARED"/data/germeval2014/joined/*.gold-pred.txt; do
		n=$(basename "$f" .gold-pred.txt)
		nerspan "$f" | nermatch | nerscore -f conlleval > got
		cmp got "$EXPECTED/conlleval/germeval2014-$n.txt"
		nerspan "$f" | nermatch | nerscore -f latex > got
		cmp got "$EXPECTED/conlleval/germeval2014-$n.latex"
	done
}

@test "conlleval layout: CoNLL-2000 chunking sample equals conlleval.pl" {
	need_shared
	f=$SHARED/data/conll2000-chunk-sample/ground_truth.txt
	nerspan "$f" | nermatch | nerscore -f conlleval > got
	cmp got "$EXPECTED/conlleval/conll2000-chunk-sample-ground_truth.txt"
}

@test "conlleval layout: empty type listed twice as conlleval.pl does" {
	run -0 score "$DATA/cases/C06.conll" -f conlleval
	[ "${lines[0]}" = "processed 11 tokens with 3 phrases; found: 4 phrases; correct: 2." ]
	[ "${lines[1]}" = "accuracy:  90.91%; precision:  50.00%; recall:  66.67%; FB1:  57.14" ]
	[ "${lines[2]}" = "                 : precision:  50.00%; recall:  66.67%; FB1:  57.14  4" ]
	[ "${lines[3]}" = "${lines[2]}" ]
	[ "${#lines[@]}" -eq 4 ]
}

@test "conlleval layout: -DOCSTART- lines count as tokens" {
	run -0 score "$DATA/cases/C24.conll" -f conlleval
	[ "${lines[0]}" = "processed 10 tokens with 4 phrases; found: 3 phrases; correct: 3." ]
	[ "${lines[1]}" = "accuracy:  90.00%; precision: 100.00%; recall:  75.00%; FB1:  85.71" ]
}

@test "CRLF input scores like LF input" {
	sed 's/$/\r/' "$DATA/wnut17/uh_ritual.conll" > crlf.conll
	score "$DATA/wnut17/uh_ritual.conll" > lf.tsv
	score crlf.conll > crlf.tsv
	cmp lf.tsv crlf.tsv
}

@test "pipeline on the README sample: table and matrix" {
	run -0 bash -c "nerspan $DATA/wnut17/uh_ritual.conll | nermatch | nerscore -f table"
	[[ "${lines[0]}" == "type "*"precision"*"recall"*"f1" ]]
	[[ "$output" == *"micro "*"0.5754"*"0.3290"*"0.4186"* ]]
	run -0 bash -c "nerspan $DATA/wnut17/uh_ritual.conll | nermatch | nermatrix -f table"
	[[ "${lines[0]}" == "rows: gold type; columns: predicted type"* ]]
}
