#!/usr/bin/env bats
# nerspan: tagging schemes, repair policies, the check, separate gold and
# prediction files, levels, type maps and conlleval.pl's reading.  Expected
# values are hand-worked case answers or peers' outputs (conlleval.pl,
# seqeval) pinned after checking.

load helper

# Score with nerspan ARGS and print the case layout: "TYPE tp fp fn" lines
# and "overall P R F1".
span_case() {
	nerspan "$@" | nermatch | nerscore | case_layout
}

@test "case C01: iob2 discard drops I- start" {
	run -0 --separate-stderr span_case -s iob2 --repair=discard "$DATA/cases/C01.conll"
	[ "${lines[0]}" = "PHONE 1 0 1" ]
	[ "${lines[1]}" = "overall 1.0000 0.5000 0.6667" ]
	[ "$stderr" = "nerspan: iob2: 0 invalid entities in gold and 1 in predictions, dropped (--repair=discard)" ]
}

@test "case C01: iob2 begin keeps I- start" {
	run -0 --separate-stderr span_case -s iob2 "$DATA/cases/C01.conll"
	[ "${lines[0]}" = "PHONE 2 0 0" ]
	[ "$stderr" = "nerspan: iob2: 0 invalid entities in gold and 1 in predictions, kept as conlleval.pl reads them (--repair=begin)" ]
}

@test "case C01: iob2 error stops at line 2" {
	run -1 --separate-stderr nerspan -s iob2 --repair=error "$DATA/cases/C01.conll"
	[ "$output" = "" ]
	[ "$stderr" = "nerspan: $DATA/cases/C01.conll:2: invalid predicted sequence: 'I-PHONE' after 'O': IOB2 starts every entity with B-; --repair=begin or --repair=discard goes on" ]
}

@test "case C03: E- then B- of one type, lenient" {
	run -0 span_case "$DATA/cases/C03.conll"
	[ "${lines[0]}" = "LOC 0 1 2" ]
	[ "${lines[1]}" = "PER 1 0 0" ]
	[ "${lines[2]}" = "overall 0.5000 0.3333 0.4000" ]
}

@test "case C03: E- then B- of one type, iobes" {
	run -0 span_case -s iobes "$DATA/cases/C03.conll"
	[ "${lines[0]}" = "LOC 0 1 2" ]
	[ "${lines[1]}" = "PER 1 0 0" ]
	[ "${lines[2]}" = "overall 0.5000 0.3333 0.4000" ]
}

@test "case C20: type change inside BMES run" {
	run -0 span_case "$DATA/cases/C20.conll"
	[ "${lines[0]}" = "ORG 1 1 0" ]
	[ "${lines[1]}" = "TITLE 0 2 1" ]
	[ "${lines[2]}" = "overall 0.2500 0.5000 0.3333" ]
	run -0 --separate-stderr span_case -s bmes "$DATA/cases/C20.conll"
	[ "${lines[0]}" = "ORG 1 1 0" ]
	[ "${lines[1]}" = "TITLE 0 2 1" ]
	[ "${lines[2]}" = "overall 0.2500 0.5000 0.3333" ]
}

@test "case C06: bare B and I tags" {
	run -0 span_case "$DATA/cases/C06.conll"
	[ "${lines[0]}" = "_ 2 2 1" ]
	[ "${lines[1]}" = "overall 0.5000 0.6667 0.5714" ]
}

@test "case C09: raw labels, raw and io" {
	for scheme in raw io; do
		run -0 span_case -s "$scheme" "$DATA/cases/C09.conll"
		[ "${lines[0]}" = "LOCATION 1 0 1" ]
		[ "${lines[1]}" = "ORGANIZATION 1 1 0" ]
		[ "${lines[2]}" = "PERSON 1 0 0" ]
		[ "${lines[3]}" = "overall 0.7500 0.7500 0.7500" ]
	done
}

@test "case C09: bare labels rejected without scheme" {
	run -1 --separate-stderr nerspan "$DATA/cases/C09.conll"
	[ "$stderr" = "nerspan: $DATA/cases/C09.conll:1: unknown gold tag 'ORGANIZATION': expected O or a tag with B-, I-, E-, S-, L-, U-, M- or W- prefix; the tags are the last two fields unless -g and -p say otherwise, a file with one tag column needs --gold and --pred, and tags with no prefix need -s raw or -s io" ]
}

@test "raw: runs of one label are separate" {
	printf 'a PER PER\nb PER PER\nc O O\n' > raw.conll
	run -0 span_case -s raw raw.conll
	[ "${lines[0]}" = "PER 2 0 0" ]
	run -0 span_case -s io raw.conll
	[ "${lines[0]}" = "PER 1 0 0" ]
}

@test "case C26: rejected under every scheme" {
	for scheme in lenient iob2 iobes raw; do
		run -1 --separate-stderr nerspan -s "$scheme" "$DATA/cases/C26.conll"
		[[ "$stderr" == "nerspan: $DATA/cases/C26.conll:2: found 2 fields"* ]]
	done
}

@test "schemes: garbage tag is an error" {
	printf 'a S-PER O\n' > s.conll
	run -1 --separate-stderr nerspan -s iob2 s.conll
	[ "$stderr" = "nerspan: s.conll:1: unknown gold tag 'S-PER': expected O or a tag with B- or I- prefix under iob2; nerspan -c names the schemes the tags fit" ]
	printf 'a b-per O\n' > lower.conll
	run -1 --separate-stderr nerspan -s iob2 lower.conll
	[ "$stderr" = "nerspan: lower.conll:1: unknown gold tag 'b-per': expected O or a tag with B- or I- prefix under iob2; prefixes are upper case" ]
}

@test "schemes: unknown name is a usage error" {
	run -2 --separate-stderr nerspan -s bioul x
	[ "$stderr" = "nerspan: invalid scheme 'bioul': expected iob1, iob2, ioe1, ioe2, iobes, bilou, bmes, bmeow, io, raw or lenient" ]
}

# One file per scheme whose gold side is valid and whose predicted side
# breaks the scheme once; discard must drop exactly that entity.
@test "schemes: each rule drops its invalid entity" {
	check_scheme() {
		local scheme=$1 gold=$2 pred=$3 want=$4
		paste -d ' ' <(printf '%s\n' $gold | awk '{ print "t" NR, $0 }') <(printf '%s\n' $pred) > f.conll
		run -0 bash -c "nerspan -s $scheme --repair=discard f.conll 2>/dev/null | nermatch | nerscore | awk -F '\t' '\$2 == \"micro\" { print \$4, \$8 }'"
		[ "$output" = "$want" ] || { echo "$scheme: got '$output', want '$want'"; return 1; }
	}
	# tp and number of predictions kept (the invalid one dropped).
	check_scheme iob1 "I-X I-X O I-X B-X" "I-X I-X O B-X I-X" "1 1"
	check_scheme iob2 "B-X I-X O B-X" "B-X I-X O I-X" "1 1"
	check_scheme ioe1 "I-X E-X I-X O" "I-X E-X O I-X" "0 1"
	check_scheme ioe2 "I-X E-X O E-X" "I-X E-X O I-X" "1 1"
	check_scheme iobes "B-X E-X O S-X" "B-X E-X O B-X" "1 1"
	check_scheme bilou "B-X L-X O U-X" "B-X L-X O B-X" "1 1"
	check_scheme bmes "B-X M-X E-X O S-X" "B-X M-X E-X O M-X" "1 1"
	check_scheme bmeow "B-X M-X E-X O W-X" "B-X M-X M-X O W-X" "1 1"
}

@test "check: lists invalid sequences and schemes" {
	run -1 --separate-stderr nerspan --check -s iob2 "$DATA/cases/C01.conll"
	[ "${lines[0]}" = "$DATA/cases/C01.conll:2: pred: 'I-PHONE' after 'O': IOB2 starts every entity with B-" ]
	[ "${lines[1]}" = "gold: consistent with iob2" ]
	[ "${lines[2]}" = "pred: consistent with no scheme" ]
	[ "${#lines[@]}" -eq 3 ]
}

@test "check: exit 0 when the scheme holds" {
	run -0 nerspan --check -s iob2 "$DATA/wnut17/uh_ritual.conll"
	[ "${lines[0]}" = "gold: consistent with iob2" ]
	[ "${lines[1]}" = "pred: consistent with iob2" ]
}

@test "check: every scheme's consistency" {
	printf 'a I-X I-X
b E-X E-X
c O O
' > ioe.conll
	run -0 nerspan --check ioe.conll
	[ "${lines[0]}" = "gold: consistent with ioe2" ]
	printf 'a I-X I-X\nb O O\n' > io.conll
	run -0 nerspan --check io.conll
	[ "${lines[0]}" = "gold: consistent with iob1, ioe1, io" ]
}

@test "check: WNUT-17 team with invalid starts" {
	need_shared
	run -1 nerspan --check -s iob2 "$SHARED/data/wnut17/joined/spinningbytes.gold-pred.txt"
	[ "$(printf '%s\n' "${lines[@]}" | grep -c ': pred: ')" -eq 34 ]
	[ "${lines[-2]}" = "gold: consistent with iob2" ]
	[ "${lines[-1]}" = "pred: consistent with no scheme" ]
}

@test "seqeval strict equals iob2 discard on WNUT-17" {
	need_shared
	for f in "$SHARED"/data/wnut17/joined/*.gold-pred.txt; do
		t=$(basename "$f" .gold-pred.txt)
		ref=$EXPECTED/seqeval-strict/wnut17-$t.txt
		want=$(awk '/avg/ { print $1, $3, $4, $5, $6 } NF == 5 && $2 ~ /^[0-9.]+$/ { print $1, $2, $3, $4, $5 }' "$ref")
		got=$(nerspan -s iob2 --repair=discard "$f" 2>/dev/null | nermatch | nerscore |
		    awk -F '\t' 'NR > 1 { n = $2 == "type" ? $3 : $2; print n, $9, $10, $11, $7 }')
		[ "$(printf '%s\n' "$want" | sort)" = "$(printf '%s\n' "$got" | sort)" ] ||
		    { echo "$t differs"; diff <(echo "$want" | sort) <(echo "$got" | sort); return 1; }
	done
}

@test "separate files: WNUT-17 sample equals joined" {
	score "$DATA/wnut17/uh_ritual.conll" > joined.tsv
	nerspan --gold="$DATA/wnut17/emerging.test.annotated" --pred="$DATA/wnut17/uh_ritual.pred" | nermatch | nerscore > pair.tsv
	cmp joined.tsv pair.tsv
}

@test "separate files: every WNUT-17 submission" {
	need_shared
	d=$SHARED/data/wnut17
	for f in "$d"/joined/*.gold-pred.txt; do
		t=$(basename "$f" .gold-pred.txt)
		sub=$(ls "$d"/submissions/ | grep "^$t")
		score "$f" -f conlleval > joined.txt
		nerspan --gold="$d/emerging.test.annotated" --pred="$d/submissions/$sub" 2>/dev/null | nermatch | nerscore -f conlleval > pair.txt
		cmp joined.txt pair.txt
		cmp pair.txt "$EXPECTED/conlleval/wnut17-$t.txt"
	done
}

@test "separate files: normalised tokens are counted" {
	need_shared
	d=$SHARED/data/wnut17
	run -0 --separate-stderr bash -c "nerspan --gold=$d/emerging.test.annotated --pred=$d/submissions/mic-cis.txt >/dev/null"
	[ "$stderr" = "nerspan: 1283 tokens of $d/submissions/mic-cis.txt differ from $d/emerging.test.annotated (the first at lines 2 and 2); the spans show the gold tokens" ]
	run -1 --separate-stderr nerspan --token-mismatch=error --gold="$d/emerging.test.annotated" --pred="$d/submissions/mic-cis.txt"
	[[ "$stderr" == "nerspan: $d/emerging.test.annotated:2: token 'gt' differs from 'get' at $d/submissions/mic-cis.txt:2"* ]]
}

@test "separate files: every GermEval 2014 system" {
	need_shared
	d=$SHARED/data/germeval2014
	for f in "$d"/classified_output/*.tsv; do
		n=$(basename "$f" .tsv)
		n=${n%-evaluatoready}
		nerspan --gold="$d/NER-de-test.tsv" --pred="$f" -t 2 -g 3 --skip-comments=gold --empty-tag=outside 2>/dev/null |
		    nermatch | nerscore -f conlleval > pair.txt
		cmp pair.txt "$EXPECTED/conlleval/germeval2014-$n.txt"
	done
}

@test "separate files: layouts must agree" {
	printf 'a B-X\nb O\n\nc O\n' > g.conll
	printf 'a B-X\n\nb O\nc O\n' > p.conll
	run -1 --separate-stderr nerspan --gold=g.conll --pred=p.conll
	[ "$stderr" = "nerspan: sentence layouts differ: g.conll:2 has a token line but p.conll:2 has the end of a sentence; both files need the same sentences and tokens" ]
	printf 'a B-X\nb O\n' > short.conll
	run -1 --separate-stderr nerspan --gold=g.conll --pred=short.conll
	[ "$stderr" = "nerspan: sentence layouts differ: g.conll:4 has a token line but short.conll has the end of the file (after line 2); both files need the same sentences and tokens" ]
}

@test "separate files: mixed delimiters and endings" {
	printf 'Ada\tB-PER\r\nLovelace\tI-PER\r\n\r\nwrote\tO\r\n' > g.tsv
	printf 'Ada B-PER\nLovelace O\n\nwrote O\n' > p.txt
	run -0 bash -c "nerspan --gold=g.tsv --pred=p.txt | nermatch | nerscore | case_layout"
	[ "${lines[0]}" = "PER 0 1 1" ]
}

@test "separate files: options that exclude each other" {
	run -2 --separate-stderr nerspan --gold=a
	[ "$stderr" = "nerspan: --gold and --pred go together" ]
	run -2 --separate-stderr nerspan --gold=a --pred=b c
	[ "$stderr" = "nerspan: file arguments and --gold/--pred exclude each other" ]
}

@test "comments: skipped only where asked" {
	printf '#\tcomment\n1\tAda\tB-PER\n2\t#\tO\n' > g.tsv
	printf 'Ada\tB-PER\n#\tO\n' > p.tsv
	run -0 bash -c "nerspan --gold=g.tsv --pred=p.tsv -t 2 --skip-comments=gold | nermatch | nerscore | case_layout"
	[ "${lines[0]}" = "PER 1 0 0" ]
	run -1 --separate-stderr nerspan --gold=g.tsv --pred=p.tsv -t 2 --skip-comments
	[[ "$stderr" == "nerspan: sentence layouts differ"* ]]
}

@test "comments: hashtags are tokens by default" {
	printf '#\tO\tO\n#love\tB-X\tB-X\n' > h.tsv
	run -0 bash -c "nerspan h.tsv | grep -c '^#unit'"
	[ "$output" = "1" ]
	run -0 bash -c "nerspan h.tsv | awk -F '\t' '\$3 == \"gold\" { print \$4, \$9 }'"
	[ "$output" = "1 #love" ]
}

@test "levels: two tag columns, by hand" {
	# Gold outer: [Ada Lovelace]PER [London]LOC; inner: [Ada]PER.
	# Pred outer: [Ada Lovelace]PER; inner: [Ada]PER [London]LOC.
	printf 'Ada B-PER B-PER B-PER B-PER\nLovelace I-PER O I-PER O\nin O O O O\nLondon B-LOC O O B-LOC\n' > two.conll
	run -0 bash -c "nerspan -g 2 -p 4 two.conll | nermatch | nerscore | case_layout"
	[ "${lines[0]}" = "LOC 0 0 1" ]
	[ "${lines[1]}" = "PER 1 0 0" ]
	run -0 bash -c "nerspan -g 3 -p 5 two.conll | nermatch | nerscore | case_layout"
	[ "${lines[0]}" = "LOC 0 1 0" ]
	[ "${lines[1]}" = "PER 1 0 0" ]
	# Pooled: gold {PER 0-2, LOC 3-4, PER 0-1}, pred {PER 0-2, PER 0-1,
	# LOC 3-4}: all three pair exactly.
	run -0 bash -c "nerspan -g 2,3 -p 4,5 two.conll | nermatch | nerscore | case_layout"
	[ "${lines[0]}" = "LOC 1 0 0" ]
	[ "${lines[1]}" = "PER 2 0 0" ]
	run -0 bash -c "nerspan -g 2,3 -p 4,5 two.conll | awk -F '\t' '\$3 == \"gold\" { print \$7 }' | sort | uniq -c | awk '{ print \$1, \$2 }'"
	[ "${lines[0]}" = "2 1" ]
	[ "${lines[1]}" = "1 2" ]
}

@test "levels: GermEval gold against itself" {
	need_shared
	f=$SHARED/data/germeval2014/NER-de-test.tsv
	b=$(awk -F '\t' '!/^#/ && NF >= 4 { n += ($3 ~ /^B-/) + ($4 ~ /^B-/) } END { print n }' "$f")
	run -0 bash -c "nerspan --gold=$f --pred=$f -t 2 --pred-token-column=2 -g 3,4 -p 3,4 --skip-comments | nermatch | nerscore | awk -F '\t' '\$2 == \"micro\" { print \$4, \$7, \$8, \$9, \$10, \$11 }'"
	[ "$output" = "$b $b $b 1.0000 1.0000 1.0000" ]
	[ "$b" -eq 6693 ]
}

@test "iobes and bmes gold against itself" {
	need_shared
	for f in ncrfpp-sample/test.bmes:346 resume-ner-zh/test.char.bmes:1630; do
		path=$SHARED/data/${f%:*}
		n=${f#*:}
		run -0 bash -c "nerspan --gold=$path --pred=$path | nermatch | nerscore | awk -F '\t' '\$2 == \"micro\" { print \$4, \$7, \$8, \$9, \$10, \$11 }'"
		[ "$output" = "$n $n $n 1.0000 1.0000 1.0000" ]
	done
}

@test "conlleval mode: iobes and bmes self reports" {
	need_shared
	for f in ncrfpp-sample/test.bmes resume-ner-zh/test.char.bmes; do
		n=$(dirname "$f")
		paste -d ' ' "$SHARED/data/$f" <(awk '{ print $NF }' "$SHARED/data/$f") | sed 's/^ $//' > self.txt
		nerspan --conlleval self.txt | nermatch | nerscore -f conlleval > got.txt
		cmp got.txt "$EXPECTED/compat/$n-self.txt"
	done
}

@test "conlleval mode: odd tags equal conlleval.pl" {
	for f in "$DATA"/compat/odd*.txt; do
		nerspan --conlleval "$f" | nermatch | nerscore -f conlleval > got.txt
		cmp got.txt "$EXPECTED/compat/$(basename "$f")" || { echo "$f differs"; return 1; }
	done
}

@test "conlleval mode: B-X E-X S-X is one chunk" {
	printf 'a B-X B-X\nb E-X E-X\nc S-X S-X\n' > merge.txt
	run -0 bash -c "nerspan --conlleval merge.txt | nermatch | nerscore -f conlleval"
	[ "${lines[0]}" = "processed 3 tokens with 1 phrases; found: 1 phrases; correct: 1." ]
	run -0 bash -c "nerspan merge.txt | nermatch | nerscore -f conlleval"
	[ "${lines[0]}" = "processed 3 tokens with 2 phrases; found: 2 phrases; correct: 2." ]
}

@test "conlleval mode: other options rejected" {
	for o in "-g 2" "-p 3" "-t 2" -c "-m A=B" "-s iob2" --repair=discard \
	    --empty-tag=outside --skip-comments; do
		run -2 --separate-stderr nerspan --conlleval $o x.txt
		[ "$stderr" = "nerspan: --conlleval takes the last two fields as conlleval.pl does, and no other option than -d, -o and -s raw (the script's -r)" ]
	done
	printf 'a PER O\nb O LOC\n' > raw.txt
	run -0 bash -c "nerspan --conlleval -s raw raw.txt | nermatch | nerscore -f conlleval"
	[ "${lines[0]}" = "processed 2 tokens with 1 phrases; found: 1 phrases; correct: 0." ]
}

@test "conlleval mode: only with one joined file" {
	run -2 --separate-stderr nerspan --conlleval --gold=a --pred=b
	[ "$stderr" = "nerspan: --conlleval reads one file of token, gold and predicted tag, as conlleval.pl does" ]
}

@test "map: rename, merge, drop and wildcard" {
	printf 'a B-LOCderiv B-LOC\nb O O\nc B-MISC B-OTH\nd O O\ne B-PER O\n' > m.conll
	run -0 bash -c "nerspan -m '*deriv=*' -m 'gold:MISC=OTH' -m 'PER=' m.conll | nermatch | nerscore | case_layout"
	[ "${lines[0]}" = "LOC 1 0 0" ]
	[ "${lines[1]}" = "OTH 1 0 0" ]
	[ "${#lines[@]}" -eq 3 ]
}

@test "map: pred side only" {
	printf 'a B-MISC B-MISC\n' > m.conll
	run -0 bash -c "nerspan -m 'pred:MISC=OTH' m.conll | nermatch | nerscore | case_layout"
	[ "${lines[0]}" = "MISC 0 0 1" ]
	[ "${lines[1]}" = "OTH 0 1 0" ]
}

@test "map: malformed rules are usage errors" {
	run -2 --separate-stderr nerspan -m MISC x
	[ "$stderr" = "nerspan: invalid --map 'MISC': expected FROM=TO, for example MISC=OTH, '*deriv=*' or 'gold:OTH=' to drop" ]
	run -2 --separate-stderr nerspan -m 'A=*' x
	[ "$stderr" = "nerspan: invalid --map 'A=*': FROM and TO take one '*' each, and TO only when FROM has one" ]
}

@test "fields: empty tag is an error or outside" {
	printf 'a\tB-X\tB-X\nb\tO\t\n' > e.tsv
	run -1 --separate-stderr nerspan e.tsv
	[ "$stderr" = "nerspan: e.tsv:2: empty predicted tag; use --empty-tag=outside to read empty tags as O" ]
	run -0 bash -c "nerspan --empty-tag=outside e.tsv | nermatch | nerscore | case_layout"
	[ "${lines[0]}" = "X 1 0 0" ]
}

@test "fields: runs of spaces and stray TABs" {
	printf 'a  B-X   B-X\nb I-X I-X  \n' > sp.txt
	run -0 bash -c "nerspan sp.txt | nermatch | nerscore | case_layout"
	[ "${lines[0]}" = "X 1 0 0" ]
	printf 'a\tB-X\tB-X\nb\tI-X\tI-X\t\t\n' > tab.tsv
	run -0 bash -c "nerspan tab.tsv | nermatch | nerscore | case_layout"
	[ "${lines[0]}" = "X 1 0 0" ]
}

@test "fields: tokens with spaces in TAB files" {
	printf 'New York\tB-LOC\tB-LOC\n\tO\tO\n' > t.tsv
	run -0 bash -c "nerspan t.tsv | awk -F '\t' '\$3 == \"gold\" { print \$9 }'"
	[ "$output" = "New York" ]
}

@test "documents: -DOCSTART- opens documents" {
	run -0 bash -c "nerspan $DATA/cases/C24.conll | grep '^#doc'"
	[ "${lines[0]}" = "#doc	1	1	1" ]
	[ "${lines[1]}" = "#doc	2	1	1" ]
	[ "${lines[2]}" = "#doc	3	1	1" ]
}

@test "iob1: B- at a sentence start" {
	printf 'a B-Y B-Y\nb I-Y I-Y\n' > b.conll
	run -0 bash -c "nerspan -s iob1 --repair=discard b.conll 2>/dev/null | awk -F '\t' '\$3 == \"gold\"' | wc -l"
	[ "$output" = "0" ]
	run -0 bash -c "nerspan -s iob1 b.conll 2>/dev/null | awk -F '\t' '\$3 == \"gold\" { print \$4, \$5 }'"
	[ "$output" = "0 2" ]
}

@test "ioe1: E- before an entity of its type" {
	printf 'a E-Y E-Y\nb I-Y I-Y\n' > e.conll
	run -0 --separate-stderr bash -c "nerspan -s ioe1 --repair=discard e.conll | awk -F '\t' '\$3 == \"gold\" { print \$4, \$5 }'"
	[ "${lines[0]}" = "0 1" ]
	[ "${lines[1]}" = "1 2" ]
	[ "$stderr" = "" ]
}

# The fast path reads a line tagged outside on both sides without splitting
# it.  Giving the tag columns as positive numbers turns it off, so each
# test below also compares with the full path on the same input.
# same_as_full FILE ARGS...: nerspan with and without the fast path.
same_as_full() {
	local file=$1 n
	shift
	n=$(awk 'NF > 0 { print index($0, "\t") ? split($0, f, "\t") : NF
	    exit }' "$file")
	diff <(nerspan "$@" "$file" 2>&1) \
	    <(nerspan -g $((n - 1)) -p "$n" "$@" "$file" 2>&1)
}

@test "fast path: run after an entity" {
	printf 'a B-X B-X\nb O O\nc O O\nd I-X O\n' > r.conll
	run -0 --separate-stderr nerspan r.conll
	[ "${lines[2]}" = "1	1	gold	0	1	X	1	r.conll:1	a" ]
	[ "${lines[3]}" = "1	1	gold	3	4	X	1	r.conll:4	d" ]
	[ "${lines[4]}" = "1	1	pred	0	1	X	1	r.conll:1	a" ]
	[ "${lines[5]}" = "#unit	1	1	4	3" ]
	[ "$stderr" = "" ]
	run -0 same_as_full r.conll
}

@test "fast path: iob1 rule after a run" {
	printf 'a O O\nb O O\nc B-X B-X\n' > r.conll
	run -1 --separate-stderr nerspan -s iob1 --repair=error r.conll
	[ "$output" = "" ]
	[ "$stderr" = "nerspan: r.conll:3: invalid gold sequence: 'B-X' after 'O': IOB1 starts an entity with I-, and with B- only right after an entity of its type; --repair=begin or --repair=discard goes on" ]
	run -0 same_as_full r.conll -s iob1 --repair=error
}

@test "fast path: outside-looking line, wrong fields" {
	printf 'a O O\nb x O O\n' > f.conll
	run -1 --separate-stderr nerspan f.conll
	[ "$stderr" = "nerspan: f.conll:2: found 4 fields, but the first token line (line 1) has 3: every token line needs the same columns" ]
	printf 'a O O\nO O\n' > g.conll
	run -1 --separate-stderr nerspan g.conll
	[ "$stderr" = "nerspan: g.conll:2: found 2 fields, but the first token line (line 1) has 3: every token line needs the same columns" ]
	printf 'a\tO\tO\nb\tx\tO\tO\n' > h.tsv
	run -1 --separate-stderr nerspan h.tsv
	[ "$stderr" = "nerspan: h.tsv:2: found 4 fields, but the first token line (line 1) has 3: every token line needs the same columns" ]
}

@test "fast path: TAB and space separators" {
	printf 'New York\tO\tO\nis\tO\tO\nb\tB-X\tO\n' > t.tsv
	run -0 same_as_full t.tsv
	run -0 bash -c "nerspan t.tsv | grep '^#unit'"
	[ "$output" = "#unit	1	1	3	2" ]
	printf 'a O O\nb O\tO\nc\tO O\nd  O O\ne B-X B-X\n' > m.conll
	run -0 same_as_full m.conll
	run -0 bash -c "nerspan m.conll | grep -c '^1	1	gold	4	5	X	1	m.conll:5	e$'"
	[ "$output" = "1" ]
}

@test "fast path: last line without newline" {
	printf 'a B-X B-X\nb O O\nc O O' > l.conll
	run -0 --separate-stderr nerspan l.conll
	[ "${lines[4]}" = "#unit	1	1	3	3" ]
	run -0 same_as_full l.conll
}

@test "fast path: O against O-X and OX" {
	printf 'a O O\nb O O-X\n' > o.conll
	run -1 --separate-stderr nerspan o.conll
	[ "$stderr" = "nerspan: o.conll:2: unknown predicted tag 'O-X': expected O or a tag with B-, I-, E-, S-, L-, U-, M- or W- prefix; the tags are the last two fields unless -g and -p say otherwise, a file with one tag column needs --gold and --pred, and tags with no prefix need -s raw or -s io" ]
	printf 'a O O\nb O OX\nc OX O\n' > r.conll
	run -0 bash -c "nerspan -s raw r.conll | awk -F '\t' 'NF == 9 && NR > 1 { print \$3, \$4, \$5, \$6 }'"
	[ "${lines[0]}" = "gold 2 3 OX" ]
	[ "${lines[1]}" = "pred 1 2 OX" ]
	run -0 same_as_full r.conll -s raw
}

@test "fast path: outside tag of -o" {
	printf 'a NONE NONE\nb B-X NONE\nc NONE NONE\nd O O\n' > n.conll
	run -1 --separate-stderr nerspan -o NONE n.conll
	[ "$stderr" = "nerspan: n.conll:4: unknown gold tag 'O': expected NONE or a tag with B-, I-, E-, S-, L-, U-, M- or W- prefix; the tags are the last two fields unless -g and -p say otherwise, a file with one tag column needs --gold and --pred, and tags with no prefix need -s raw or -s io" ]
	printf 'a NONE NONE\nb B-X NONE\nc NONE NONE\n' > n.conll
	run -0 bash -c "nerspan -o NONE n.conll | grep -v '^#end'"
	[ "${lines[2]}" = "1	1	gold	1	2	X	1	n.conll:2	b" ]
	[ "${lines[3]}" = "#unit	1	1	3	2" ]
	run -0 same_as_full n.conll -o NONE
	printf 'a N N\nb B-X N\nc N N\n' > n1.conll
	run -0 bash -c "nerspan -o N n1.conll | grep '^#unit'"
	[ "$output" = "#unit	1	1	3	2" ]
	run -0 same_as_full n1.conll -o N
}

@test "fast path: empty tags, CR and NUL" {
	printf 'a\tO\tO\nb\t\tO\nc\tO\tO\n' > e.tsv
	run -0 same_as_full e.tsv --empty-tag=outside
	run -0 bash -c "nerspan --empty-tag=outside e.tsv | grep '^#unit'"
	[ "$output" = "#unit	1	1	3	3" ]
	printf 'a O O\r\nb B-X B-X\r\n' > crlf.conll
	run -0 same_as_full crlf.conll
	printf 'a O O\nb\rc O O\n' > cr.conll
	run -1 --separate-stderr nerspan cr.conll
	[ "$stderr" = "nerspan: cr.conll:2: carriage return inside a line: the file's lines end in CR alone; convert them with tr '\\r' '\\n'" ]
	printf 'a O O\nb\0c O O\n' > nul.conll
	run -1 --separate-stderr nerspan nul.conll
	[ "$stderr" = "nerspan: nul.conll:2: NUL byte in line: is this a binary or UTF-16 file? (iconv -f UTF-16 -t UTF-8 converts the latter)" ]
}

@test "fast path: comments, -X- and -DOCSTART-" {
	printf 'a O O\n#c O O\n-X- O O\nb O O\n-DOCSTART- O O\n\nd B-X B-X\n' > c.conll
	run -0 same_as_full c.conll
	run -0 same_as_full c.conll --skip-comments
	run -0 bash -c "nerspan --skip-comments c.conll | grep '^#'"
	[ "${lines[0]}" = "#doc	1	0	0" ]
	[ "${lines[1]}" = "#unit	1	1	1	1" ]
	[ "${lines[2]}" = "#unit	1	2	1	1" ]
	[ "${lines[3]}" = "#doc	2	1	1" ]
	[ "${lines[4]}" = "#unit	2	1	1	1" ]
}

@test "fast path: five columns" {
	printf 'EU NNP B-NP B-ORG B-ORG\nrejects VBZ B-VP O O\nGerman JJ B-NP B-MISC O\n' > five.conll
	run -0 same_as_full five.conll
	run -0 bash -c "nerspan five.conll | grep '^#unit'"
	[ "$output" = "#unit	1	1	3	2" ]
}

@test "fast path: shipped files as the full path" {
	for f in "$DATA"/cases/*.conll "$DATA"/wnut17/*.conll; do
		run -0 same_as_full "$f" -s iob2 --repair=discard
		run -0 same_as_full "$f" -c
		# C09's tags have no prefix; -g and -p drop the hint on them.
		[ "${f##*/}" = C09.conll ] && continue
		run -0 same_as_full "$f"
	done
	run -0 same_as_full "$DATA/cases/C09.conll" -s raw
}

@test "units: numbers carry past 9, 99 and 999" {
	awk 'BEGIN { for (i = 0; i < 1200; i++) printf "t B-X O\n\n" }' > many.conll
	printf -- '-DOCSTART- O O\n\nu B-X O\n' >> many.conll
	run -0 --separate-stderr nerspan many.conll
	run -0 awk -F '\t' '$1 == "#unit" { print $2 "." $3 }
	    $3 == "gold" { print $1 "." $2 "g" }' <<< "$output"
	[ "${#lines[@]}" -eq 2402 ]
	for i in 9 10 99 100 999 1000 1200; do
		[ "${lines[2 * i - 2]}" = "1.${i}g" ]
		[ "${lines[2 * i - 1]}" = "1.$i" ]
	done
	[ "${lines[2400]}" = "2.1g" ]
	[ "${lines[2401]}" = "2.1" ]
}

@test "source: blanks in a file name" {
	printf 'x B-PER O\n' > "$(printf 'a\tb\nc\rd.conll')"
	run -0 --separate-stderr nerspan "$(printf 'a\tb\nc\rd.conll')"
	run -0 awk -F '\t' '$3 == "gold" { print $8 }' <<< "$output"
	[ "$output" = "a b c d.conll:1" ]
}
