#!/usr/bin/env bats
# Regression tests for defects found by using nertools as a new user
# would.  Each asserts the right behaviour; the expected values are worked
# out by hand in the comments, or taken from conlleval.pl, seqeval or
# scikit-learn output on the same input.

load helper

# Match records of the hand-worked case C15: micro tp 3, gold 4, pred 5.
c15_matches() {
	nerspan "$DATA/cases/C15.conll" | nermatch > c15.m
}

@test "compare then ci is a usage error" {
	c15_matches
	# With --ci last, the two inputs were pooled into one test set and
	# scored with doubled gold counts, exit 0.
	run -2 --separate-stderr nerscore --compare --ci c15.m c15.m
	[ "$output" = "" ]
}

@test "counts then explain is a usage error" {
	c15_matches
	run -2 --separate-stderr nerscore --counts --explain c15.m
	[ "$output" = "" ]
}

@test "counts then ci is a usage error" {
	c15_matches
	run -2 --separate-stderr nerscore --counts --ci c15.m
	[ "$output" = "" ]
}

@test "error listing never scores wrong" {
	# nermatch -e drops the 3 exact pairs of C15.  Scoring what is left
	# as if it were the whole stream gave micro P = R = F = 0 with
	# gold 1 and pred 2; the right scores are 0.6, 0.75 and 0.6667
	# (conlleval.pl on C15), so either those or a refusal.
	run --separate-stderr bash -c \
	    'nerspan "$1" | nermatch -e | nerscore' _ "$DATA/cases/C15.conll"
	no_crash
	if [ "$status" -eq 0 ]; then
		micro=$(printf '%s\n' "$output" | awk -F '\t' \
		    '$2 == "micro" { print $4, $7, $8, $9, $10, $11 }')
		[ "$micro" = "3 4 5 0.6000 0.7500 0.6667" ]
	fi
}

@test "trailing TAB on every line dropped" {
	# Every line ends with a stray TAB.  conlleval.pl -d '\t' reads
	# gold B-PER I-PER O and pred B-PER O O: 1 gold phrase, 1 found,
	# 0 correct.  nerspan took the empty last field as the predicted tag.
	printf 'Ada\tB-PER\tB-PER\t\nLovelace\tI-PER\tO\t\nwrote\tO\tO\t\n' \
	    > trail.tsv
	run -0 --separate-stderr score trail.tsv
	micro=$(printf '%s\n' "$output" | awk -F '\t' \
	    '$2 == "micro" { print $4, $5, $6, $7, $8 }')
	[ "$micro" = "0 1 1 1 1" ]
}

@test "CR-only line ends are rejected" {
	# Classic Mac line ends: five lines, two PER entities per side.  The
	# file was read as one line of 13 fields, 1 token, F1 1.
	printf 'Ada B-PER B-PER\rLovelace I-PER I-PER\rwrote O O\r\rBo B-PER B-PER\r' \
	    > cr.txt
	run -1 --separate-stderr nerspan cr.txt
	[[ "$stderr" == "nerspan: cr.txt:1: "* ]]
}

@test "CR CR LF line keeps tag types" {
	# A file converted to CRLF twice.  The second CR stayed in the
	# predicted tag, so gold X and pred 'X ' became a wrong-type pair.
	printf 'a B-X B-X\r\r\n' > crcr.txt
	run --separate-stderr nerspan crcr.txt
	no_crash
	if [ "$status" -eq 0 ]; then
		type=$(printf '%s\n' "$output" | awk -F '\t' \
		    '$3 == "pred" { print $6 }')
		[ "$type" = "X" ]
	fi
}

@test "weighted with no gold follows sklearn" {
	# C10 has no gold entity and 3 predictions.  seqeval (the pinned
	# oracle) and scikit-learn 1.2.1 give weighted P 0, R 1, F 0 under
	# zero_division=1, as F = 2tp / (gold + pred) = 0 says; nerscore
	# gave 1, 1, 1.
	run -0 --separate-stderr score "$DATA/cases/C10.conll" --zero-division=1
	weighted=$(printf '%s\n' "$output" | awk -F '\t' \
	    '$2 == "weighted" { print $9, $10, $11 }')
	[ "$weighted" = "0.0000 1.0000 0.0000" ]
}

@test "conlleval with check is a usage error" {
	# It wrote span records without the header and #end lines, exit 0.
	run -2 --separate-stderr nerspan --conlleval -c "$DATA/cases/C01.conll"
	[ "$output" = "" ]
}

@test "conlleval with gold column is a usage error" {
	# conlleval.pl always reads the last two fields; -g and -p were
	# silently ignored, so -g -1 -p -1 on a gold-only file scored the
	# tokens as gold tags.
	run -2 --separate-stderr nerspan --conlleval -g 2 -p 3 \
	    "$DATA/cases/C01.conll"
	[ "$output" = "" ]
}

@test "conlleval with scheme iob2 is a usage error" {
	# -s iob2 --repair=discard was ignored: C01 scored 2 of 2 correct,
	# where the discard reading finds 1 of 2.
	run -2 --separate-stderr nerspan --conlleval -s iob2 --repair=discard \
	    "$DATA/cases/C01.conll"
	[ "$output" = "" ]
}

@test "conlleval reading of chunk past boundary" {
	# conlleval.pl 2004-01-26 on these lines: the gold '[' chunk of line
	# 3 ends at the blank line, the predicted 'X' chunk does not, so the
	# pending match is dropped and 0 chunks are correct.
	printf 'a B-Y O\nb X I-Y\nc [ X\n\n' > open.txt
	run -0 --separate-stderr bash -c \
	    'nerspan --conlleval open.txt | nermatch | nerscore -f conlleval'
	[ "${lines[0]}" = "processed 3 tokens with 3 phrases; found: 2 phrases; correct: 0." ]
}

@test "install puts nertools.7 in man7" {
	# nerscore(1) refers to nertools(7), which make install left out.
	run -0 make -s -n -C "$TOP" install PREFIX="$BATS_TEST_TMPDIR/p"
	[[ "$output" == *"man/nertools.7"* ]]
}

@test "tokens-correct above tokens is rejected" {
	# 6 correct tokens of 5 gave "Token accuracy 1.2000" and conlleval's
	# "accuracy: 120.00%".
	printf 'doc\tsent\tclass\tgold_type\tpred_type\tcount\n' > bad.counts
	printf '\t\tunits\t\t\t1\n\t\ttokens\t\t\t5\n' >> bad.counts
	printf '\t\ttokens-correct\t\t\t6\n#end\t3\n' >> bad.counts
	run -1 --separate-stderr nerscore -f table bad.counts
	[ "$output" = "" ]
}

@test "exact record with other bounds rejected" {
	# The reader checks that an exact record has equal types but not
	# equal boundaries: pred_end 9 against gold_end 1 was scored exact.
	c15_matches
	awk -F '\t' 'BEGIN { OFS = "\t" }
	    $3 == "exact" && !done { $9 = 9; done = 1 } { print }' c15.m \
	    > bad.m
	run -1 --separate-stderr nerscore bad.m
	[ "$output" = "" ]
}

@test "empty outside tag is a usage error" {
	# -o '' was accepted; the first O tag then failed with
	# "expected  or a tag".
	run -2 --separate-stderr nerspan -o '' "$DATA/cases/C01.conll"
	[ "$output" = "" ]
}

@test "gold and pred both stdin rejected" {
	# It read stdin as gold, then reported '<stdin>:0 has the end of
	# the file' for the predictions, exit 1.
	run -2 --separate-stderr nerspan --gold=- --pred=- \
	    < "$DATA/cases/C01.conll"
	[ "$output" = "" ]
}

@test "token-mismatch without pred is rejected" {
	# --side without -i brat is rejected; these two --pred options were
	# silently ignored on a single file.
	run -2 --separate-stderr nerspan --token-mismatch=error \
	    "$DATA/cases/C01.conll"
	run -2 --separate-stderr nerspan --pred-token-column=2 \
	    "$DATA/cases/C01.conll"
}

@test "table shows no raw control bytes" {
	# nermatrix -f table shows ESC in a type name as U+FFFD; nerscore
	# -f table wrote it raw, so a type name could drive the terminal.
	printf 'a B-X\033[31m B-X\033[31m\n' > esc.txt
	run -0 --separate-stderr score esc.txt -f table
	[[ "$output" != *$'\033'* ]]
}

@test "comment line error names skip-comments" {
	# GermEval 2014 gold: a '#' source line before each sentence.  The
	# message named the tag '[2009-10-23]' but not --skip-comments.
	printf '#\thttp://de.wikipedia.org/wiki/X\t[2009-10-23]\t\n' > ge.tsv
	printf '1\tDa\tO\tO\n2\tMuck\tB-PER\tO\n\n' >> ge.tsv
	run -1 --separate-stderr nerspan -t 2 -g 3 -p 4 ge.tsv
	[[ "$stderr" == *--skip-comments* ]]
}

@test "gold-only file error names columns" {
	# A gold-only 'token tag' file: the gold column defaults to the
	# token.  The message named the tag 'Ada' but no fix (-g and -p, or
	# --gold and --pred).
	printf 'Ada B-PER\nLovelace I-PER\n' > gold.txt
	run -1 --separate-stderr nerspan gold.txt
	[[ "$stderr" == *--gold* || "$stderr" == *" -g "* ]]
}

@test "beta close to 1 keeps its digits" {
	# --beta=1.0000001 was labelled f1, and JSON wrote "beta": 1.
	nerspan "$DATA/cases/C15.conll" | nermatch > c15.m
	run -0 nerscore --beta=1.0000001 c15.m
	[[ "${lines[0]}" == *$'\t'f1.0000001 ]]
	run -0 bash -c "nerscore -f json --beta=1.0000001 c15.m | jq .beta"
	[ "$output" = "1.0000001" ]
}

@test "layout error names the end of file" {
	# The gold file ends after its line 2, a token line; the predicted
	# file has a third token.  The message said 'g:2 has the end of a
	# sentence', pointing at a token line.
	printf 'a B-PER\nb O\n' > g
	printf 'a B-PER\nb O\nc O\n' > p
	run -1 --separate-stderr nerspan --gold=g --pred=p
	[ "$output" = "" ]
	[[ "$stderr" != *"g:2 has the end of a sentence"* ]]
	[[ "$stderr" == *"end of the file"* ]]
	[[ "$stderr" == *"p:3 has a token line"* ]]
}

@test "prediction file of tags only" {
	# Many taggers write one predicted tag a line, no token.  Gold PER
	# 'a b' against predicted PER 'a' and LOC 'c', worked out by hand:
	# LOC tp 0 fp 1 fn 0, PER tp 0 fp 1 fn 1, micro P = R = F = 0.  It
	# stopped with 'expected at least 2 fields (gold and predicted
	# tag)', a rule for a file that holds both tags.
	printf 'a B-PER\nb I-PER\n\nc O\n' > gold
	printf 'B-PER\nO\n\nB-LOC\n' > pred
	run -0 --separate-stderr bash -c \
	    'nerspan --gold=gold --pred=pred | nermatch | nerscore | case_layout'
	[ "$output" = "$(printf 'LOC 0 1 0\nPER 0 1 1\noverall 0.0000 0.0000 0.0000')" ]
}

@test "tag with trailing space is refused" {
	# A spreadsheet export left a space after a predicted tag.  'B-PER '
	# read as type 'PER ' (with the space): the table showed two rows
	# both printed PER, and the right prediction counted as a miss plus
	# a spurious entity, exit 0.  'O ' and ' B-PER' are already refused
	# as unknown tags; this one should be too, naming the line.
	printf 'a\tB-PER\tB-PER \nb\tO\tO\n' > t.tsv
	run -1 --separate-stderr nerspan t.tsv
	[ "$output" = "" ]
	[[ "$stderr" == "nerspan: t.tsv:1: "* ]]
}

@test "test runner fails on a failed test" {
	# run-bats returned the status of tee, so make check exited 0 with
	# tests failing.  The inner bats runs in a clean environment, as the
	# variables and PATH of this bats run confuse a second one.
	printf '@test "a" {\n\tfalse\n}\n@test "b" {\n\ttrue\n}\n' > two.bats
	run -1 --separate-stderr env -i PATH=/usr/local/bin:/usr/bin:/bin "$TOP/tests/run-bats" two.bats
	[ "${lines[-1]}" = "1 passed, 1 failed" ]
	printf '@test "b" {\n\ttrue\n}\n' > one.bats
	run -0 --separate-stderr env -i PATH=/usr/local/bin:/usr/bin:/bin "$TOP/tests/run-bats" one.bats
	[ "${lines[-1]}" = "1 passed, 0 failed" ]
}

@test "standard input named twice" {
	# The second read of standard input finds it empty, and nerspan
	# reported an unreadable file as if an upstream program had failed.
	for p in nerspan nerscore nermatrix; do
		run -2 --separate-stderr "$p" - -
		[ "$output" = "" ]
		[ "$stderr" = "$p: standard input can be read only once, but '-' is given 2 times" ]
	done
}

@test "ragged line: -DOCSTART- hint" {
	printf -- '-DOCSTART- O\n\nEU B-ORG B-ORG\n' > d.conll
	run -1 --separate-stderr nerspan d.conll
	[ "$stderr" = "nerspan: d.conll:3: found 3 fields, but the first token line (line 1) has 2: every token line needs the same columns; give a -DOCSTART- line as many fields as a token line" ]
}

@test "ragged line: TAB and space hint" {
	printf 'a\tB-X\tB-X\nb O O\n' > m.tsv
	run -1 --separate-stderr nerspan m.tsv
	[ "$stderr" = "nerspan: m.tsv:2: found 1 field, but the first token line (line 1) has 3: every token line needs the same columns; the first token line splits at TABs but this one has none: if spaces separate fields too, use -d space" ]
}

@test "ragged line: record stream hint" {
	printf 'a B-X B-X\n' | nerspan > s
	run -1 --separate-stderr nerspan s
	[ "$stderr" = "nerspan: s:1: this is not a CoNLL file but a span stream: give it to nermatch" ]
	nermatch s > m
	run -1 --separate-stderr nerspan m
	[ "$stderr" = "nerspan: m:1: this is not a CoNLL file but a match stream: give it to nerscore or nermatrix" ]
	nerscore --counts m > c
	run -1 --separate-stderr nerspan c
	[ "$stderr" = "nerspan: c:1: this is not a CoNLL file but a count stream: give it to nerscore or nermatrix" ]
}

@test "ragged line: -DOCSTART- hint only for it" {
	# The -DOCSTART- line is fine; line 4 lacks a tag.
	printf -- '-DOCSTART- -X- O O\n\nJohn NNP B-PER B-PER\nlives VBZ O\n' > s.conll
	run -1 --separate-stderr nerspan s.conll
	[ "$stderr" = "nerspan: s.conll:4: found 3 fields, but the first token line (line 1) has 4: every token line needs the same columns" ]
	# A short -DOCSTART- line after the first token line.
	printf 'John NNP B-PER B-PER\n\n-DOCSTART- -X- O\n' > l.conll
	run -1 --separate-stderr nerspan l.conll
	[ "$stderr" = "nerspan: l.conll:3: found 3 fields, but the first token line (line 1) has 4: every token line needs the same columns; give a -DOCSTART- line as many fields as a token line" ]
}

@test "tag-only prediction file" {
	# -DOCSTART- alone in the tag file counts as a correct token, as the
	# joined file's '-DOCSTART- -X- O O' does: 2 tokens, both correct.
	printf -- '-DOCSTART- -X- O\n\nJohn NNP B-PER\n' > g.conll
	printf -- '-DOCSTART-\n\nB-PER\n' > p.tags
	run -0 --separate-stderr bash -c \
	    'nerspan --gold=g.conll --pred=p.tags | nermatch | nerscore -f table'
	[ "${lines[-1]}" = "Token accuracy 1.0000 over 2 tokens." ]
	# A tag in place of -DOCSTART- breaks the layout.
	printf 'O\n\nB-PER\n' > o.tags
	run -1 --separate-stderr nerspan --gold=g.conll --pred=o.tags
	[ "$stderr" = "nerspan: sentence layouts differ: g.conll:1 has a -DOCSTART- line but o.tags:1 has a token line; both files need the same sentences and tokens, and a -DOCSTART- line in one needs a -DOCSTART- line in the other" ]
	# A column past the one field.
	run -1 --separate-stderr nerspan -p 2 --gold=g.conll --pred=p.tags
	[ "$stderr" = "nerspan: p.tags:3: the predicted column 2 does not exist: the line has 1 field; the file holds one field a line, its tag" ]
	# Types with spaces need -d tab.
	printf 'a\tB-New York\nb\tI-New York\nc\tO\n' > mw.tsv
	printf 'B-New York\nI-New York\nO\n' > mw.tags
	run -1 --separate-stderr nerspan --gold=mw.tsv --pred=mw.tags
	[ "$stderr" = "nerspan: mw.tags:3: found 1 field, but the first token line (line 1) has 2: every token line needs the same columns; if a tag contains spaces, use -d tab" ]
	run -0 --separate-stderr nerspan -d tab --gold=mw.tsv --pred=mw.tags
	[ "${lines[3]}" = "$(printf '1\t1\tpred\t0\t2\tNew York\t1\tmw.tags:1\ta b')" ]
	# A gold file needs its tokens.
	run -1 --separate-stderr nerspan --gold=p.tags --pred=p.tags
	[ "$stderr" = "nerspan: p.tags:1: expected at least 2 fields (token and gold tag), found 1; only the --pred file may hold its tags alone" ]
}

@test "stray spaces in tags" {
	printf 'John\tB-PER\tB- PER\n' > sp.tsv
	run -1 --separate-stderr nerspan sp.tsv
	[ "$stderr" = "nerspan: sp.tsv:1: unknown predicted tag 'B- PER': expected O or a tag with B-, I-, E-, S-, L-, U-, M- or W- prefix; remove the space at the start or end of the tag or after its prefix" ]
	printf 'John\tPER\tPER \n' > raw.tsv
	run -1 --separate-stderr nerspan -s raw raw.tsv
	[ "$stderr" = "nerspan: raw.tsv:1: unknown predicted tag 'PER ': expected O or another tag under raw; remove the space at the start or end of the tag or after its prefix" ]
	printf 'John\tB-PER\tB-PER \n' > c.tsv
	run -1 --separate-stderr nerspan -c c.tsv
	[ "${lines[0]}" = "c.tsv:1: pred: tag 'B-PER ' has a space at an end or after its prefix" ]
}

@test "repair summary: one invalid entity" {
	printf 'a I-X I-X\nb O I-Y\n' > r.conll
	run -0 --separate-stderr nerspan -s iob2 r.conll
	[ "$stderr" = "nerspan: iob2: 1 invalid entity in gold and 2 in predictions, kept as conlleval.pl reads them (--repair=begin)" ]
}

@test "io scheme: bad prefix message" {
	printf 'a B-X B-X\n' > b.conll
	run -1 --separate-stderr nerspan -s io b.conll
	[ "$stderr" = "nerspan: b.conll:1: unknown gold tag 'B-X': expected O or a tag with I- prefix under io; io also reads a tag without a hyphen as I-, and nerspan -c names the schemes the tags fit" ]
}

@test "comment line read as a token" {
	# A first line '# sent 1' has three fields, as the token lines do,
	# so its 'tags' are read and rejected; the fix is --skip-comments.
	printf '# sent 1\nJohn B-PER B-PER\n' > h.conll
	run -1 --separate-stderr nerspan h.conll
	[ "$stderr" = "nerspan: h.conll:1: unknown gold tag 'sent': expected O or a tag with B-, I-, E-, S-, L-, U-, M- or W- prefix; if lines that begin with '#' are comments, use --skip-comments" ]
}
