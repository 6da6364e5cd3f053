#!/usr/bin/env bats
# Hostile input and failures: every program either does the documented
# thing with strange input or stops with exit 1 (data) or 2 (usage) and a
# message naming the program, the file, the line and the fix.  A run that
# fails must never leave output that a later program could score as whole.

load helper

setup() {
	setup_common
	cp "$DATA"/hostile/* .
}

# A CoNLL file of N one-token sentences, each an exact match of type X.
many_sentences() {
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "t B-X B-X\n\n" }'
}

# --- CoNLL input ------------------------------------------------------------

@test "conll: empty input is an unreadable file" {
	run -1 --separate-stderr nerspan < empty.conll
	[ "${lines[0]}" = "$(printf 'doc\tsent\tside\tstart\tend\ttype\tlevel\tsource\ttext')" ]
	[ "${lines[1]}" = "$(printf '#incomplete\tnerspan could not read <stdin>: no token lines (the file is empty or blank); if a program wrote it, that program failed, and if it is a shard of a corpus, --allow-empty reads it as empty')" ]
	[ "${lines[2]}" = "$(printf '#end\t1')" ]
	[ "${#lines[@]}" -eq 3 ]
	[ "$stderr" = "nerspan: <stdin>: no token lines (the file is empty or blank); if a program wrote it, that program failed, and if it is a shard of a corpus, --allow-empty reads it as empty" ]
}

@test "conll: blank file among others" {
	run -1 --separate-stderr nerspan two.conll blank.conll two.conll
	[ "$stderr" = "nerspan: blank.conll: no token lines (the file is empty or blank); if a program wrote it, that program failed, and if it is a shard of a corpus, --allow-empty reads it as empty" ]
	[ "$(printf '%s\n' "${lines[@]}" | grep -c '^#unit')" -eq 4 ]
	[ "${lines[-2]}" = "$(printf '#incomplete\tnerspan could not read blank.conll: no token lines (the file is empty or blank); if a program wrote it, that program failed, and if it is a shard of a corpus, --allow-empty reads it as empty')" ]
}

@test "conll: empty input is not scored" {
	run -1 --separate-stderr bash -c 'set -o pipefail; nerspan empty.conll 2>/dev/null | nermatch | nerscore'
	[ "$output" = "" ]
	[ "$stderr" = "nerscore: <stdin>: the input is incomplete, so no scores are printed: nerspan could not read empty.conll: no token lines (the file is empty or blank); if a program wrote it, that program failed, and if it is a shard of a corpus, --allow-empty reads it as empty" ]
}

@test "conll: empty --gold and --pred files" {
	run -1 --separate-stderr nerspan --gold=empty.conll --pred=blank.conll
	[ "$output" = "" ]
	[ "$stderr" = "nerspan: empty.conll: no token lines (the file is empty or blank); if a program wrote it, that program failed, and if it is a shard of a corpus, --allow-empty reads it as empty" ]
}

@test "conll: empty file under -c" {
	run -1 --separate-stderr nerspan -c empty.conll
	[ "$output" = "" ]
	[ "$stderr" = "nerspan: empty.conll: no token lines (the file is empty or blank); if a program wrote it, that program failed, and if it is a shard of a corpus, --allow-empty reads it as empty" ]
}

@test "conll: no final newline reads the last line" {
	nerspan two.conll > want
	run -0 --separate-stderr nerspan two-nonl.conll
	[ "$stderr" = "" ]
	diff <(printf '%s\n' "$output") <(sed 's/two\.conll/two-nonl.conll/' want)
}

@test "conll: CRLF reads like LF" {
	nerspan two.conll > want
	run -0 --separate-stderr nerspan two-crlf.conll
	[ "$stderr" = "" ]
	diff <(printf '%s\n' "$output") <(sed 's/two\.conll/two-crlf.conll/' want)
}

@test "conll: CRLF under --conlleval is an error" {
	run -1 --separate-stderr nerspan --conlleval two-crlf.conll
	[ "$output" = "" ]
	[ "$stderr" = "nerspan: two-crlf.conll:1: line ends in a carriage return (CRLF): conlleval.pl reads it as part of the last tag and scores those tags wrong; convert the file with dos2unix, or drop --conlleval to read CRLF like LF" ]
}

@test "conll: byte-order mark at the start is skipped" {
	nerspan two.conll > want
	run -0 --separate-stderr nerspan two-bom.conll
	diff <(printf '%s\n' "$output") <(sed 's/two\.conll/two-bom.conll/' want)
}

@test "conll: byte-order mark after line 1 is text" {
	printf 'a O O\n\357\273\277b B-X B-X\n' > late-bom.conll
	run -0 --separate-stderr nerspan late-bom.conll
	[ "${lines[2]}" = "$(printf '1\t1\tgold\t1\t2\tX\t1\tlate-bom.conll:2\t\357\273\277b')" ]
}

@test "conll: NUL byte is an error naming the line" {
	run -1 --separate-stderr nerspan nul.conll
	[ "$output" = "" ]
	[ "$stderr" = "nerspan: nul.conll:2: NUL byte in line: is this a binary or UTF-16 file? (iconv -f UTF-16 -t UTF-8 converts the latter)" ]
}

@test "conll: invalid UTF-8 passes through records" {
	run -0 --separate-stderr nerspan bad-utf8.conll
	[ "${lines[2]}" = "$(printf '1\t1\tgold\t0\t2\tP\377R\t1\tbad-utf8.conll:1\tAd\341 Lovelace')" ]
	[ "${lines[3]}" = "$(printf '1\t1\tpred\t0\t1\tP\377R\t1\tbad-utf8.conll:1\tAd\341')" ]
	nerspan bad-utf8.conll | nermatch > m
	run -0 nerscore -f tsv m
	[ "${lines[1]}" = "$(printf 'strict\ttype\tP\377R\t0\t1\t1\t1\t1\t0.0000\t0.0000\t0.0000')" ]
}

@test "conll: invalid UTF-8 becomes U+FFFD in JSON" {
	nerspan bad-utf8.conll | nermatch > m
	nerscore -f json m > out.json
	run -0 grep -c '"type": "P\\ufffdR"' out.json
	[ "$output" = "1" ]
	iconv -f UTF-8 -t UTF-8 out.json > /dev/null
	if command -v python3 >/dev/null; then
		python3 -c 'import json, sys; json.load(open(sys.argv[1]))' out.json
	fi
}

@test "conll: invalid UTF-8 becomes U+FFFD in SVG" {
	nerspan bad-utf8.conll | nermatch > m
	nermatrix -f svg m > out.svg
	iconv -f UTF-8 -t UTF-8 out.svg > /dev/null
	run -0 grep -c "P$(printf '\357\277\275')R" out.svg
	[ "$output" -gt 0 ]
	if command -v xmllint >/dev/null; then
		xmllint --noout out.svg
	fi
}

@test "conll: lines over 1 MB" {
	t=$(head -c 2000000 /dev/zero | tr '\0' x)
	y=$(head -c 1500000 /dev/zero | tr '\0' T)
	printf '%s B-%s B-%s\nb I-%s O\n' "$t" "$y" "$y" "$y" > long.conll
	nerspan long.conll > spans
	run -0 awk -F '\t' '$3 == "gold" { print $4, $5, length($6), length($9) }' spans
	[ "$output" = "0 2 1500000 2000002" ]
	nermatch spans | nerscore > scores
	run -0 awk -F '\t' '$2 == "type" { print length($3), $4, $5, $6 }' scores
	[ "$output" = "1500000 0 1 1" ]
}

@test "conll: many distinct types stay exact" {
	awk 'BEGIN { for (i = 0; i < 20000; i++)
		printf "t B-g%d B-%s%d\n\n", i, i % 2 ? "g" : "p", i }' > types.conll
	nerspan types.conll | nermatch > m
	run -0 bash -c "nerscore m | awk -F '\t' '\$2 == \"type\"' | wc -l"
	[ "$output" -eq 30000 ]
	run -0 bash -c "nerscore m | awk -F '\t' '\$2 == \"micro\" { print \$4, \$5, \$6 }'"
	[ "$output" = "10000 10000 10000" ]
	run -0 bash -c "nerscore --explain m | grep -c '^[gp][0-9]*: precision'"
	[ "$output" -eq 30000 ]
}

@test "conll: a million distinct types" {
	# Sentence i has gold g<i> and prediction g<i> (odd i, a match) or
	# p<i> (even i): 700,000 gold types and 350,000 predicted ones, and
	# 350,000 each of tp, fp and fn.
	awk 'BEGIN { for (i = 0; i < 700000; i++)
		printf "t B-g%d B-%s%d\n\n", i, i % 2 ? "g" : "p", i }' > types.conll
	nerspan types.conll | nermatch > m
	nerscore m > scores
	run -0 awk -F '\t' '$2 == "type" { n++ } END { print n }' scores
	[ "$output" = 1050000 ]
	run -0 awk -F '\t' '$2 == "micro" { print $4, $5, $6 }' scores
	[ "$output" = "350000 350000 350000" ]
}

@test "conll: predicted file cut short" {
	cut -d ' ' -f 1,2 two.conll | tr ' ' '\t' > gold.tsv
	cut -d ' ' -f 1,3 two.conll | tr ' ' '\t' | head -n 4 > pred.tsv
	run -1 --separate-stderr nerspan --gold=gold.tsv --pred=pred.tsv
	[ "$output" = "" ]
	[ "$stderr" = "nerspan: sentence layouts differ: gold.tsv:5 has a token line but pred.tsv has the end of the file (after line 4); both files need the same sentences and tokens" ]
}

@test "conll: ragged row is an error" {
	run -1 --separate-stderr nerspan ragged.conll
	[ "$output" = "" ]
	[ "$stderr" = "nerspan: ragged.conll:2: found 2 fields, but the first token line (line 1) has 3: every token line needs the same columns" ]
}

@test "conll: B and B- have the empty type" {
	nerspan empty-type.conll > spans
	run -0 awk -F '\t' '!/^#/ && NR > 1 { print $3, $4, $5, "[" $6 "]" }' spans
	[ "${lines[0]}" = "gold 0 2 []" ]
	[ "${lines[1]}" = "pred 0 2 []" ]
	[ "${lines[2]}" = "pred 2 3 []" ]
	run -0 bash -c "nermatch spans | nerscore | case_layout"
	[ "${lines[0]}" = "_ 1 1 0" ]
	[ "${lines[1]}" = "overall 0.5000 1.0000 0.6667" ]
}

@test "conll: B and B- under iob2 too" {
	run -0 bash -c "nerspan -s iob2 empty-type.conll | nermatch | nerscore | case_layout"
	[ "${lines[0]}" = "_ 1 1 0" ]
}

@test "conll: S- under iob2 is an error" {
	run -1 --separate-stderr nerspan -s iob2 iob2-s.conll
	[ "$output" = "" ]
	[ "$stderr" = "nerspan: iob2-s.conll:1: unknown gold tag 'S-PER': expected O or a tag with B- or I- prefix under iob2; nerspan -c names the schemes the tags fit" ]
}

@test "conll: X- under iob2 is an error" {
	run -1 --separate-stderr nerspan -s iob2 iob2-x.conll
	[ "$stderr" = "nerspan: iob2-x.conll:1: unknown predicted tag 'X-PER': expected O or a tag with B- or I- prefix under iob2; nerspan -c names the schemes the tags fit" ]
	run -1 --separate-stderr nerspan iob2-x.conll
	[ "$stderr" = "nerspan: iob2-x.conll:1: unknown predicted tag 'X-PER': expected O or a tag with B-, I-, E-, S-, L-, U-, M- or W- prefix; the tags are the last two fields unless -g and -p say otherwise, a file with one tag column needs --gold and --pred, and tags with no prefix need -s raw or -s io" ]
}

@test "conll: lower-case prefix is an error" {
	run -1 --separate-stderr nerspan -s iob2 iob2-lower.conll
	[ "$stderr" = "nerspan: iob2-lower.conll:1: unknown gold tag 'b-per': expected O or a tag with B- or I- prefix under iob2; prefixes are upper case" ]
	run -1 --separate-stderr nerspan iob2-lower.conll
	[ "$stderr" = "nerspan: iob2-lower.conll:1: unknown gold tag 'b-per': expected O or a tag with B-, I-, E-, S-, L-, U-, M- or W- prefix; prefixes are upper case" ]
}

# --- Record streams ---------------------------------------------------------

@test "streams: span stream fed to nerscore" {
	nerspan two.conll > two.spans
	run -1 --separate-stderr nerscore two.spans
	[ "$output" = "" ]
	[ "$stderr" = "nerscore: two.spans:1: this is a span stream, expected a match stream (the output of nermatch) or a count stream (the output of nerscore --counts); run it through nermatch first" ]
	run -1 --separate-stderr nermatrix two.spans
	[ "$stderr" = "nermatrix: two.spans:1: this is a span stream, expected a match stream (the output of nermatch) or a count stream (the output of nerscore --counts); run it through nermatch first" ]
}

@test "streams: CoNLL file fed to nermatch" {
	run -1 --separate-stderr nermatch two.conll
	[ "$output" = "" ]
	[ "$stderr" = "nermatch: two.conll:1: not a nertools stream: expected a span stream (the output of nerspan), whose first line names its columns; for CoNLL or brat files run nerspan first" ]
}

@test "streams: match stream fed to nermatch" {
	nerspan two.conll | nermatch > two.match
	run -1 --separate-stderr nermatch two.match
	[ "$stderr" = "nermatch: two.match:1: this is a match stream, expected a span stream (the output of nerspan); nermatch has already run" ]
}

@test "streams: byte-order mark before the header" {
	nerspan two.conll > s
	{ printf '\357\273\277'; cat s; } > bom.spans
	diff <(nermatch s) <(nermatch bom.spans)
}

@test "streams: match stream without its class column" {
	nerspan two.conll | nermatch | cut -f 1,2,4- > m
	run -1 --separate-stderr nerscore m
	[ "$stderr" = "nerscore: m:1: not a nertools stream: expected a match stream (the output of nermatch) or a count stream (the output of nerscore --counts), whose first line names its columns; for CoNLL or brat files run nerspan first" ]
}

@test "streams: match record missing a field" {
	nerspan two.conll | nermatch | awk -F '\t' -v OFS='\t' 'NR == 3 { NF = 11 } 1' > m
	run -1 --separate-stderr nerscore m
	[ "$output" = "" ]
	[ "$stderr" = "nerscore: m:3: record has 11 fields, but the header names 12 columns" ]
}

@test "streams: unneeded column may be missing" {
	nerspan two.conll | nermatch > m
	cut -f 1-11 m > m11
	diff <(nerscore m) <(nerscore m11)
}

@test "streams: header of another kind after #end" {
	nerspan two.conll | nermatch > m
	nerscore --counts m > c
	cat m c > mixed
	run -1 --separate-stderr nerscore mixed
	[ "$output" = "" ]
	[ "$stderr" = "nerscore: mixed:8: expected a header like that of line 1 after #end, found 'doc	sent	class	gold_type	pred_type	count'; streams with other columns cannot be joined by cat, so give each as a file argument of its own" ]
	run -0 nerscore m c
}

@test "streams: changed header after #end" {
	nerspan two.conll | nermatch > m
	{ cat m; cut -f 1-11 m; } > changed
	run -1 --separate-stderr nerscore changed
	[ "$stderr" = "nerscore: changed:8: expected a header like that of line 1 after #end, found 'doc	sent	class	gold_type	pred_type	gold_'; streams with other columns cannot be joined by cat, so give each as a file argument of its own" ]
}

@test "streams: two span streams out of order" {
	nerspan two.conll > gold.spans
	run -1 --separate-stderr nermatch gold.spans unsorted-pred.spans
	[ "$output" = "" ]
	[ "$stderr" = "nermatch: unsorted-pred.spans:6: document '1' unit 1 comes after document '1' unit 2, but units must be in order of document, then unit number (see nermatch(1)): run nerspan once over all input files, or sort the records you give nerspan -i spans (sorting a span stream itself would scramble its header and # lines)" ]
}

@test "streams: span past the end of its unit" {
	nerspan two.conll | sed 's/^1	1	gold	0	2/1	1	gold	0	9/' > s
	run -1 --separate-stderr nermatch s
	[ "$output" = "" ]
	[ "$stderr" = "nermatch: s:5: a span of this unit ends at token 9, but the unit has 2 tokens" ]
}

@test "streams: span in a unit of no tokens" {
	nerspan two.conll | sed 's/^#unit	1	1	2	1$/#unit	1	1	0	0/' > s
	run -1 --separate-stderr nermatch s
	[ "$stderr" = "nermatch: s:5: a span of this unit ends at token 2, but the unit has 0 tokens" ]
}

@test "streams: unknown token count skips the check" {
	nerspan two.conll | sed 's/^#unit	1	1	2	1$/#unit	1	1	-	-/' > s
	run -0 nermatch s
}

# count_stream UNITS TOKENS CORRECT EXACT MISSED: one section of totals.
count_stream() {
	printf 'doc\tsent\tclass\tgold_type\tpred_type\tcount\n'
	printf '\t\tunits\t\t\t%s\n\t\ttokens\t\t\t%s\n' "$1" "$2"
	printf '\t\ttokens-correct\t\t\t%s\n' "$3"
	printf '\t\texact\tX\tX\t%s\n\t\tmissed\tX\t\t%s\n#end\t5\n' "$4" "$5"
}

@test "streams: counts past 2^32 add up exactly" {
	count_stream 3000000000 9000000000 8000000000 3000000000 1000000000 > c
	run -0 nerscore --counts c c c
	[ "${lines[1]}" = "$(printf '\t\tunits\t\t\t9000000000')" ]
	[ "${lines[2]}" = "$(printf '\t\ttokens\t\t\t27000000000')" ]
	[ "${lines[3]}" = "$(printf '\t\ttokens-correct\t\t\t24000000000')" ]
	[ "${lines[4]}" = "$(printf '\t\texact\tX\tX\t9000000000')" ]
	[ "${lines[5]}" = "$(printf '\t\tmissed\tX\t\t3000000000')" ]
	run -0 nerscore -f conlleval c c c
	[ "${lines[0]}" = "processed 27000000000 tokens with 12000000000 phrases; found: 9000000000 phrases; correct: 9000000000." ]
	[ "${lines[1]}" = "accuracy:  88.89%; precision: 100.00%; recall:  75.00%; FB1:  85.71" ]
}

@test "streams: counts past 2^64 are an error" {
	count_stream 1 1 1 18446744073709551615 0 > c
	run -1 --separate-stderr nerscore c c
	[ "$output" = "" ]
	[ "$stderr" = "nerscore: counts add up to more than 18446744073709551615, the largest total nertools keeps exactly; look for a wrong count in the count records" ]
	count_stream 1 1 1 18446744073709551616 0 > big
	run -1 --separate-stderr nerscore big
	[ "$stderr" = "nerscore: big:5: count '18446744073709551616' is too large" ]
}

@test "streams: negative count is an error" {
	count_stream 1 1 1 -1 0 > c
	run -1 --separate-stderr nerscore c
	[ "$stderr" = "nerscore: c:5: invalid count '-1', expected a whole number" ]
}

@test "streams: directives with wrong field counts" {
	local h='doc\tsent\tside\tstart\tend\ttype\n'
	printf "$h#doc\t1\t0\n#end\t1\n" > doc3
	run -1 --separate-stderr nermatch doc3
	[ "$stderr" = "nermatch: doc3:2: #doc line has 3 fields, expected 4" ]
	printf "$h#unit\t1\t1\t0\t0\t0\n#end\t1\n" > unit6
	run -1 --separate-stderr nermatch unit6
	[ "$stderr" = "nermatch: unit6:2: #unit line has 6 fields, expected 5" ]
	printf "$h#end\n" > end1
	run -1 --separate-stderr nermatch end1
	[ "$stderr" = "nermatch: end1:2: #end line has 1 field, expected 2" ]
	printf "$h#end 0\n" > endspace
	run -1 --separate-stderr nermatch endspace
	[ "$stderr" = "nermatch: endspace:2: unknown directive '#end 0' (a line that begins with '#'); a document name may not begin with '#'" ]
}

@test "streams: #end with the wrong count" {
	nerspan two.conll | sed 's/^#end	7$/#end	6/' > s
	run -1 --separate-stderr nermatch s
	[ "$output" = "" ]
	[ "$stderr" = "nermatch: s:9: the section has 7 lines but its #end line says 6: lines were lost or added; a filter that drops records must rewrite the #end count, as nertools(7) shows" ]
}

@test "streams: more correct tags than tokens" {
	nerspan two.conll | sed 's/^#unit	1	1	2	1$/#unit	1	1	2	3/' > s
	run -1 --separate-stderr nermatch s
	[ "$stderr" = "nermatch: s:5: 3 tokens with correct tags, but only 2 tokens: the stream is damaged; write it again with the program that made it" ]
	count_stream 1 1 5 0 0 > c
	run -1 --separate-stderr nerscore -f conlleval c
	[ "$output" = "" ]
	[ "$stderr" = "nerscore: c:7: the count rows before this line give 5 tokens-correct but only 1 tokens: the stream is damaged; write it again with nerscore --counts" ]
}

@test "streams: more correct tags in one unit" {
	printf 'doc\tsent\tclass\tgold_type\tpred_type\tcount\n' > c
	printf '1\t1\tunits\t\t\t1\n1\t1\ttokens\t\t\t1\n1\t1\ttokens-correct\t\t\t5\n' >> c
	printf '1\t2\tunits\t\t\t1\n1\t2\ttokens\t\t\t10\n1\t2\ttokens-correct\t\t\t0\n' >> c
	printf '#end\t6\n' >> c
	run -1 --separate-stderr nerscore c
	[ "$stderr" = "nerscore: c:5: the count rows before this line give 5 tokens-correct but only 1 tokens: the stream is damaged; write it again with nerscore --counts" ]
}

@test "streams: #incomplete without a message" {
	printf 'doc\tsent\tside\tstart\tend\ttype\n#incomplete\n#end\t1\n' > s
	run -1 --separate-stderr bash -c 'nermatch s | nerscore'
	[ "$output" = "" ]
	[ "$stderr" = "nerscore: <stdin>: the input is incomplete, so no scores are printed: an #incomplete line without a message" ]
}

@test "streams: empty names and types are kept" {
	run -0 --separate-stderr nermatch empty-names.spans
	[ "${lines[1]}" = "$(printf '\t\tmissed\t\t\t0\t1\t\t\t\t\t')" ]
	[ "${lines[2]}" = "$(printf '#unit\t\t\t1\t1')" ]
}

# --- Truncated and incomplete streams ----------------------------------------

@test "truncated: upstream program fails midway" {
	{ many_sentences 20000; printf 't B-X Q-X\n'; } > late-error.conll
	run -1 --separate-stderr bash -c 'set -o pipefail; nerspan late-error.conll | nermatch | nerscore'
	[ "$output" = "" ]
	[ "${#stderr_lines[@]}" -eq 3 ]
	# The three programs run at once, so their messages come in any order;
	# nerspan wrote whole blocks before it failed, so a line is cut short.
	sorted=$(printf '%s\n' "${stderr_lines[@]}" | sort)
	[[ "$sorted" =~ ^"nermatch: <stdin>:"[0-9]+": the last line has no newline: the stream was cut short
nerscore: <stdin>:"[0-9]+": the last line has no newline: the stream was cut short
nerspan: late-error.conll:40001: unknown predicted tag 'Q-X': expected O or a tag with B-, I-, E-, S-, L-, U-, M- or W- prefix; the tags are the last two fields unless -g and -p say otherwise, a file with one tag column needs --gold and --pred, and tags with no prefix need -s raw or -s io"$ ]]
}

@test "truncated: output ends at a whole block" {
	{ many_sentences 20000; printf 't B-X Q-X\n'; } > late-error.conll
	nerspan late-error.conll > part.spans 2>/dev/null || true
	bytes=$(wc -c < part.spans)
	# The programs write 64 KiB at a time, each block filled to its end,
	# wherever the fields of the records fall.
	[ "$bytes" -ge 65536 ]
	[ $((bytes % 65536)) -eq 0 ]
}

@test "truncated: status of each stage" {
	{ many_sentences 20000; printf 't B-X Q-X\n'; } > late-error.conll
	run -0 bash -c 'nerspan late-error.conll 2>/dev/null | nermatch 2>/dev/null | nerscore 2>/dev/null; echo "${PIPESTATUS[*]}"'
	[ "$output" = "1 1 1" ]
}

@test "truncated: span file cut at a line" {
	many_sentences 100 | nerspan > s
	head -n 50 s > cut
	run -1 --separate-stderr nermatch cut
	[ "$output" = "" ]
	[ "$stderr" = "nermatch: cut: input ends without its #end line: the program that wrote it failed, or the file was cut short" ]
}

@test "truncated: match file cut at a line" {
	many_sentences 100 | nerspan | nermatch > m
	head -n 50 m > cut
	run -1 --separate-stderr nerscore cut
	[ "$stderr" = "nerscore: cut: input ends without its #end line: the program that wrote it failed, or the file was cut short" ]
	run -1 --separate-stderr nermatrix cut
	[ "$stderr" = "nermatrix: cut: input ends without its #end line: the program that wrote it failed, or the file was cut short" ]
}

@test "truncated: count file cut at a line" {
	many_sentences 100 | nerspan | nermatch | nerscore --counts=sent > c
	head -n 50 c > cut
	run -1 --separate-stderr nerscore cut
	[ "$stderr" = "nerscore: cut: input ends without its #end line: the program that wrote it failed, or the file was cut short" ]
}

@test "truncated: file cut inside a line" {
	many_sentences 100 | nerspan | nermatch > m
	head -c 1000 m > cut
	run -1 --separate-stderr nerscore cut
	[ "$output" = "" ]
	[ "$stderr" = "nerscore: cut:37: the last line has no newline: the stream was cut short" ]
}

@test "truncated: cut just before #end" {
	many_sentences 10 | nerspan | nermatch > m
	head -c -2 m > cut
	run -1 --separate-stderr nerscore cut
	[ "$stderr" = "nerscore: cut:23: the last line has no newline: the stream was cut short" ]
}

@test "incomplete: missing file is not scored" {
	run -1 --separate-stderr bash -c 'set -o pipefail; nerspan two.conll absent.conll | nermatch | nerscore'
	[ "$output" = "" ]
	[ "${stderr_lines[0]}" = "nerspan: absent.conll: No such file or directory" ]
	[ "${stderr_lines[1]}" = "nerscore: <stdin>: the input is incomplete, so no scores are printed: nerspan could not read absent.conll: No such file or directory" ]
}

@test "incomplete: passes through count records" {
	run -1 --separate-stderr bash -c 'set -o pipefail; nerspan two.conll absent.conll | nermatch | nerscore --counts | nerscore'
	[ "$output" = "" ]
	[ "${stderr_lines[1]}" = "nerscore: <stdin>: the input is incomplete, so no scores are printed: nerspan could not read absent.conll: No such file or directory" ]
	run -1 --separate-stderr bash -c 'nerspan two.conll absent.conll | nermatch | nermatrix'
	[ "${stderr_lines[1]}" = "nermatrix: <stdin>: the input is incomplete, so no matrix is printed: nerspan could not read absent.conll: No such file or directory" ]
}

@test "incomplete: one incomplete shard stops the sum" {
	nerspan two.conll | nermatch | nerscore --counts > good
	nerspan two.conll absent.conll 2>/dev/null | nermatch | nerscore --counts > bad
	run -1 --separate-stderr nerscore good bad
	[ "$output" = "" ]
	[ "$stderr" = "nerscore: bad: the input is incomplete, so no scores are printed: nerspan could not read absent.conll: No such file or directory" ]
}

# --- Files ------------------------------------------------------------------

@test "files: missing file among several" {
	nerspan two.conll two.conll > want
	run -1 --separate-stderr nerspan two.conll absent.conll two.conll
	[ "$stderr" = "nerspan: absent.conll: No such file or directory" ]
	diff <(printf '%s\n' "${lines[@]}" | grep -v '^#') <(grep -v '^#' want)
	[ "${lines[-2]}" = "$(printf '#incomplete\tnerspan could not read absent.conll: No such file or directory')" ]
}

@test "files: missing file to the scorers" {
	nerspan two.conll | nermatch > m
	run -1 --separate-stderr nerscore m absent
	[ "$output" = "" ]
	[ "$stderr" = "nerscore: absent: No such file or directory" ]
	run -1 --separate-stderr nermatrix m absent
	[ "$stderr" = "nermatrix: absent: No such file or directory" ]
	run -1 --separate-stderr nermatch absent
	[ "$stderr" = "nermatch: absent: No such file or directory" ]
}

@test "files: directory as input" {
	mkdir d
	run -1 --separate-stderr nerspan d
	[ "$stderr" = "nerspan: d: Is a directory" ]
	[ "${lines[1]}" = "$(printf '#incomplete\tnerspan could not read d: Is a directory')" ]
	for p in nermatch nerscore nermatrix; do
		run -1 --separate-stderr "$p" d
		[ "$output" = "" ]
		[ "$stderr" = "$p: d: Is a directory" ]
	done
}

@test "files: directory as standard input" {
	mkdir d
	run -1 --separate-stderr nerscore < d
	[ "$stderr" = "nerscore: -: Is a directory" ]
}

@test "files: unreadable file" {
	[ "$(id -u)" -ne 0 ] || skip "root reads files of mode 000; the symlink loop test covers open errors"
	cp two.conll locked.conll
	chmod 000 locked.conll
	run -1 --separate-stderr nerspan locked.conll two.conll
	[ "$stderr" = "nerspan: locked.conll: Permission denied" ]
	[ "${lines[-2]}" = "$(printf '#incomplete\tnerspan could not read locked.conll: Permission denied')" ]
}

@test "files: symbolic link loop" {
	ln -s loop loop
	run -1 --separate-stderr nerspan loop two.conll
	[ "$stderr" = "nerspan: loop: Too many levels of symbolic links" ]
	[ "${lines[-2]}" = "$(printf '#incomplete\tnerspan could not read loop: Too many levels of symbolic links')" ]
	run -1 --separate-stderr nerscore loop
	[ "$stderr" = "nerscore: loop: Too many levels of symbolic links" ]
}

@test "files: read error" {
	[ -r /proc/self/mem ] || skip "needs /proc/self/mem, whose first page fails to read (Linux)"
	run -1 --separate-stderr nerspan /proc/self/mem
	[ "$output" = "" ]
	[ "$stderr" = "nerspan: /proc/self/mem: read error: Input/output error" ]
	run -1 --separate-stderr nermatch /proc/self/mem
	[ "$stderr" = "nermatch: /proc/self/mem: read error: Input/output error" ]
}

# --- Output -----------------------------------------------------------------

@test "output: /dev/full for every program" {
	[ -w /dev/full ] || skip "needs /dev/full"
	nerspan two.conll > s
	nermatch s > m
	for cmd in "nerspan two.conll" "nerspan --conlleval two.conll" \
	    "nerspan -c two.conll" "nermatch s" "nerscore m" \
	    "nerscore -f json m" "nerscore --counts m" "nerscore --explain m" \
	    "nermatrix m" "nermatrix -f svg m" "nermatrix --top 2 m" \
	    "nerspan --help" "nermatch -V" "nerscore --help" "nermatrix --help"; do
		run -1 --separate-stderr bash -c "$cmd > /dev/full"
		[ "$stderr" = "${cmd%% *}: write error: No space left on device" ]
	done
}

@test "output: closed pipe ends quietly" {
	many_sentences 50000 > big.conll
	nerspan big.conll > s
	nermatch s > m
	for cmd in "nerspan big.conll" "nermatch s" "nerscore --counts=sent m" \
	    "nermatrix -f long m"; do
		run -0 --separate-stderr bash -c "$cmd | head -n 1 > /dev/null; echo \${PIPESTATUS[0]}"
		[ "$stderr" = "" ]
		[ "$output" -eq 0 ] || [ "$output" -eq 141 ]
	done
}

@test "output: closed pipe with SIGPIPE ignored" {
	many_sentences 50000 > big.conll
	run -0 --separate-stderr bash -c "trap '' PIPE; nerspan big.conll | head -n 1 > /dev/null; echo \${PIPESTATUS[0]}"
	[ "$stderr" = "" ]
	[ "$output" = "1" ]
}

# Skip unless the de_DE.UTF-8 locale, whose decimal point is a comma, works.
need_comma_locale() {
	[ "$(LC_ALL=de_DE.UTF-8 bash -c 'printf "%.1f" 1' 2>/dev/null)" = "1,0" ] ||
		skip "needs the de_DE.UTF-8 locale (Debian: locales, then locale-gen)"
}

@test "locale: a decimal comma changes nothing" {
	need_comma_locale
	f=$DATA/wnut17/uh_ritual.conll
	nerspan "$f" | nermatch > m
	for args in "-m all" "-f table" "-f json" "-f conlleval" "--explain" \
	    "--per-doc -f markdown" "--beta=0.5"; do
		diff <(nerscore $args m) <(LC_ALL=de_DE.UTF-8 nerscore $args m)
	done
	diff <(nermatrix -f svg -n gold m) <(LC_ALL=de_DE.UTF-8 nermatrix -f svg -n gold m)
	diff <(nermatrix -f table -n pred m) <(LC_ALL=de_DE.UTF-8 nermatrix -f table -n pred m)
	diff <(nermatch -m 0.5 <(nerspan "$f")) <(LC_ALL=de_DE.UTF-8 nermatch -m 0.5 <(nerspan "$f"))
}

@test "locale: numbers in options take a point" {
	need_comma_locale
	nerspan two.conll | nermatch > m
	run -2 --separate-stderr env LC_ALL=de_DE.UTF-8 nerscore --beta=0,5 m
	[ "$stderr" = "nerscore: invalid beta '0,5': expected a number from 1e-06 to 1e+06" ]
	run -0 env LC_ALL=de_DE.UTF-8 nerscore --beta=0.5 m
	[ "${lines[1]}" = "$(printf 'strict\ttype\tLOC\t0\t1\t1\t1\t1\t0.0000\t0.0000\t0.0000')" ]
}

# --- Inputs found by fuzzing ------------------------------------------------

@test "fuzz: empty token and type under --conlleval" {
	run -0 --separate-stderr nerspan --conlleval compat-empty-token.conll
	[ "${lines[2]}" = "$(printf '1\t1\tgold\t0\t1\t\t1\tcompat-empty-token.conll:1\t')" ]
	[ "${lines[3]}" = "$(printf '#unit\t1\t1\t1\t0')" ]
}

@test "fuzz: empty type name in a count stream" {
	run -0 --separate-stderr nerscore empty-type.counts
	[ "${lines[1]}" = "$(printf 'strict\ttype\t\t1\t0\t0\t1\t1\t1.0000\t1.0000\t1.0000')" ]
	[ "${lines[4]}" = "$(printf 'strict\tmicro\t\t1\t3\t0\t1\t4\t0.2500\t1.0000\t0.4000')" ]
}

@test "fuzz: empty token and empty tags" {
	run -0 --separate-stderr nerspan -d '|' --empty-tag=outside empty-fields.conll
	[ "${lines[1]}" = "$(printf '#doc\t1\t0\t0')" ]
	[ "${lines[2]}" = "$(printf '#unit\t1\t1\t1\t1')" ]
	[ "${#lines[@]}" -eq 4 ]
}

@test "fuzz: no state kept between runs" {
	# The fuzz harnesses call a program's main many times in one process
	# and reset only its options and the globals of common/.  A static
	# variable inside a function of cmd/ would carry one run's state into
	# the next: one such variable made every nerscore run after the first
	# --ci run fail as if two output options had been given.
	# A constant is static const, and a pointer is also *const.
	run -0 awk '/^[[:space:]]+static[[:space:]]/ &&
	    (!/static const / || (/\*/ && !/\*const /)) {
		print FILENAME ":" FNR ": " $0
	    }' "$TOP"/cmd/*.c
	[ "$output" = "" ]
}
