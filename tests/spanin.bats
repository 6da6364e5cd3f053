#!/usr/bin/env bats
# nerspan inputs beyond CoNLL: user span records (-i spans), brat standoff
# files (-i brat), and a JSON export turned into span records with the jq
# recipe of nertools(5).  Every input is written by the test itself.

load helper

header=$'doc\tsent\tside\tstart\tend\ttype\tlevel\tsource\ttext'

@test "spans: records become a span stream" {
	printf 'type\tend\tdoc\tside\tstart\tsent\ttext\n' > in.tsv
	printf 'PER\t2\td1\tgold\t0\t1\tAda Lovelace\n' >> in.tsv
	printf 'PER\t1\td1\tpred\t0\t1\tAda\n' >> in.tsv
	printf 'LOC\t4\td1\tgold\t3\t2\tx\n' >> in.tsv
	printf 'LOC\t1\td2\tpred\t0\t1\ty\n' >> in.tsv
	run -0 --separate-stderr nerspan -i spans in.tsv
	[ "${lines[0]}" = "$header" ]
	[ "${lines[1]}" = "$(printf '#doc\td1\t0\t0')" ]
	[ "${lines[2]}" = "$(printf 'd1\t1\tgold\t0\t2\tPER\t1\tin.tsv:2\tAda Lovelace')" ]
	[ "${lines[3]}" = "$(printf 'd1\t1\tpred\t0\t1\tPER\t1\tin.tsv:3\tAda')" ]
	[ "${lines[4]}" = "$(printf '#unit\td1\t1\t-\t-')" ]
	[ "${lines[5]}" = "$(printf 'd1\t2\tgold\t3\t4\tLOC\t1\tin.tsv:4\tx')" ]
	[ "${lines[6]}" = "$(printf '#unit\td1\t2\t-\t-')" ]
	[ "${lines[7]}" = "$(printf '#doc\td2\t0\t0')" ]
	[ "${lines[8]}" = "$(printf 'd2\t1\tpred\t0\t1\tLOC\t1\tin.tsv:5\ty')" ]
	[ "${lines[9]}" = "$(printf '#unit\td2\t1\t-\t-')" ]
	[ "${lines[10]}" = "$(printf '#end\t9')" ]
	[ "${#lines[@]}" -eq 11 ]
	[ "$stderr" = "" ]
}

@test "spans: no sent column, one unit a document" {
	printf 'doc\tstart\tend\ttype\tside\n7\t0\t5\tX\tgold\n7\t9\t12\tX\tpred\n' > in.tsv
	run -0 --separate-stderr nerspan -i spans in.tsv
	[ "${lines[2]}" = "$(printf '7\t0\tgold\t0\t5\tX\t1\tin.tsv:2\t')" ]
	[ "${lines[3]}" = "$(printf '7\t0\tpred\t9\t12\tX\t1\tin.tsv:3\t')" ]
	[ "${lines[4]}" = "$(printf '#unit\t7\t0\t-\t-')" ]
	[ "$stderr" = "" ]
}

@test "spans: level column, CRLF and empty lines" {
	printf 'doc\tstart\tend\ttype\tside\tlevel\r\n\r\na\t0\t1\tX\tgold\t2\r\n\n' > in.tsv
	run -0 --separate-stderr nerspan -i spans in.tsv
	[ "${lines[2]}" = "$(printf 'a\t0\tgold\t0\t1\tX\t2\tin.tsv:3\t')" ]
	[ "${#lines[@]}" -eq 5 ]
	[ "$stderr" = "" ]
}

@test "spans: pairs through nermatch" {
	printf 'doc\tstart\tend\ttype\tside\n' > in.tsv
	printf 'a\t0\t4\tX\tgold\na\t0\t4\tX\tpred\na\t6\t9\tY\tpred\n' >> in.tsv
	run -0 --separate-stderr bash -c "nerspan -i spans in.tsv | nermatch | grep -v '^#' | cut -f 3"
	[ "$output" = "$(printf '%s\n' class exact spurious)" ]
}

@test "spans: files continue one stream" {
	printf 'doc\tstart\tend\ttype\tside\n1\t0\t1\tX\tgold\n' > a.tsv
	printf 'side\tdoc\tstart\tend\ttype\n1\t0\t1\tX\tpred\n' > b.tsv
	printf 'side\tdoc\tstart\tend\ttype\npred\t1\t2\t3\tX\npred\t2\t0\t1\tX\n' > b.tsv
	run -0 --separate-stderr nerspan -i spans a.tsv b.tsv
	[ "${lines[3]}" = "$(printf '1\t0\tpred\t2\t3\tX\t1\tb.tsv:2\t')" ]
	[ "${lines[4]}" = "$(printf '#unit\t1\t0\t-\t-')" ]
	[ "${lines[5]}" = "$(printf '#doc\t2\t0\t0')" ]
	[ "$stderr" = "" ]
}

@test "spans: unit that reappears is rejected" {
	printf 'doc\tsent\tstart\tend\ttype\tside\n' > in.tsv
	printf 'd\t2\t0\t1\tX\tgold\nd\t1\t0\t1\tX\tgold\nd\t2\t1\t2\tX\tpred\n' >> in.tsv
	run -1 --separate-stderr nerspan -i spans in.tsv
	[ "$output" = "" ]
	[ "$stderr" = "nerspan: in.tsv:3: document 'd' unit 1 comes after document 'd' unit 2, but the records of a unit must stand together, in order of document, then unit (see nerspan(1)); sort the file with: (head -n 1 in.tsv && tail -n +2 in.tsv | LC_ALL=C sort -s -t \"\$(printf '\\t')\" -k1,1 -k2,2n) > sorted.tsv" ]
}

@test "spans: suggested sort command works" {
	printf 'sent\tstart\tend\ttype\tside\tdoc\n' > in.tsv
	printf '2\t0\t1\tA\tgold\t10\n1\t0\t1\tA\tgold\t2\n' >> in.tsv
	printf '3\t0\t1\tA\tpred\t10\n2\t5\t6\tA\tpred\t10\n' >> in.tsv
	run -1 --separate-stderr nerspan -i spans in.tsv
	command=${stderr#*sort the file with: }
	[ "$command" = "(head -n 1 in.tsv && tail -n +2 in.tsv | LC_ALL=C sort -s -t \"\$(printf '\\t')\" -k6,6n -k1,1n) > sorted.tsv" ]
	eval "$command"
	run -0 --separate-stderr nerspan -i spans sorted.tsv
	run -0 grep -v '^#' <<< "$output"
	[ "${lines[1]}" = "$(printf '2\t1\tgold\t0\t1\tA\t1\tsorted.tsv:2\t')" ]
	[ "${lines[2]}" = "$(printf '10\t2\tgold\t0\t1\tA\t1\tsorted.tsv:3\t')" ]
	[ "${lines[3]}" = "$(printf '10\t2\tpred\t5\t6\tA\t1\tsorted.tsv:4\t')" ]
	[ "${lines[4]}" = "$(printf '10\t3\tpred\t0\t1\tA\t1\tsorted.tsv:5\t')" ]
}

@test "spans: invalid records name file and line" {
	printf 'doc\tstart\tend\ttype\tside\n' > head.tsv
	check() {
		{ cat head.tsv; printf '%b\n' "$1"; } > in.tsv
		run -1 --separate-stderr nerspan -i spans in.tsv
		[ "$output" = "" ]
		[ "$stderr" = "nerspan: in.tsv:2: $2" ]
	}
	check 'a\tx\t2\tX\tgold' "invalid start 'x': expected a whole number"
	check 'a\t\t2\tX\tgold' "empty start, expected a whole number"
	check 'a\t3\t3\tX\tgold' "span ends at 3, not after its start 3: end is one past the last offset"
	check 'a\t0\t1\tX\tboth' "invalid side 'both': expected gold or pred"
	check 'a\t0\t1\tX' "record has 4 fields, but the header names 5 columns"
	check '\t0\t1\tX\tgold' "empty doc: every record needs a document name"
	check '#a\t0\t1\tX\tgold' "document name '#a' begins with '#', which marks directives in a span stream; rename it"
	check 'a\t-1\t1\tX\tgold' "invalid start '-1': expected a whole number"
}

@test "spans: invalid headers are rejected" {
	printf 'doc\tstart\tend\ttype\n' > in.tsv
	run -1 --separate-stderr nerspan -i spans in.tsv
	[ "$stderr" = "nerspan: in.tsv:1: the header has no 'side' column: the first line must name the columns, at least doc, start, end, type and side" ]
	printf 'doc\tstart\tend\ttype\tside\tsentence\n' > in.tsv
	run -1 --separate-stderr nerspan -i spans in.tsv
	[ "$stderr" = "nerspan: in.tsv:1: unknown column 'sentence': expected doc, sent, start, end, type, side, text or level" ]
	printf 'doc\tstart\tend\ttype\tside\tdoc\n' > in.tsv
	run -1 --separate-stderr nerspan -i spans in.tsv
	[ "$stderr" = "nerspan: in.tsv:1: column 'doc' named twice" ]
	: > in.tsv
	run -1 --separate-stderr nerspan -i spans in.tsv
	[ "$stderr" = "nerspan: in.tsv: empty file, expected a header line naming the columns (doc, start, end, type, side)" ]
}

@test "spans: span stream given as user spans" {
	# The output of nerspan fed back to nerspan -i spans was refused
	# with only "unknown column 'source'".
	nerspan "$DATA/cases/C15.conll" > c15.spans
	run -1 --separate-stderr nerspan -i spans c15.spans
	[ "$output" = "" ]
	[ "$stderr" = "nerspan: c15.spans:1: unknown column 'source': a span stream of nerspan has one, and goes to nermatch as it is; user span records take doc, sent, start, end, type, side, text and level" ]
}

@test "spans: header only gives an empty stream" {
	printf 'doc\tstart\tend\ttype\tside\n' > in.tsv
	run -0 --separate-stderr nerspan -i spans in.tsv
	[ "$output" = "$(printf '%s\n#end\t0' "$header")" ]
	[ "$stderr" = "" ]
}

@test "spans: missing file makes the stream incomplete" {
	printf 'doc\tstart\tend\ttype\tside\n' > in.tsv
	run -1 --separate-stderr nerspan -i spans in.tsv missing.tsv
	[ "${lines[1]}" = "$(printf '#incomplete\tnerspan could not read missing.tsv: No such file or directory')" ]
	[ "$stderr" = "nerspan: missing.tsv: No such file or directory" ]
}

@test "input format: invalid values are usage errors" {
	run -2 --separate-stderr nerspan -i json in.tsv
	[ "$stderr" = "nerspan: invalid --input-format 'json': expected conll, brat or spans" ]
	run -2 --separate-stderr nerspan -i brat --side=both a.ann
	[ "$stderr" = "nerspan: invalid --side 'both': expected gold or pred" ]
	run -2 --separate-stderr nerspan --side=pred a.conll
	[ "$stderr" = "nerspan: --side applies to -i brat only: span records have a side column, CoNLL files both sides" ]
}

# Write a brat annotation file: the arguments are its lines.
ann() {
	local file=$1
	shift
	printf '%s\n' "$@" > "$file"
}

@test "brat: text-bound annotations become spans" {
	mkdir gold
	ann gold/news1.ann $'T1\tPER 0 12\tAda Lovelace' \
		$'R1\tWorksFor Arg1:T1 Arg2:T2' $'T2\tORG 20 25\tCrown' \
		$'#1\tAnnotatorNotes T1\tnote' $'A1\tNegated T2'
	run -0 --separate-stderr nerspan -i brat gold/news1.ann
	[ "${lines[0]}" = "$header" ]
	[ "${lines[1]}" = "$(printf '#doc\tnews1\t0\t0')" ]
	[ "${lines[2]}" = "$(printf 'news1\t0\tgold\t0\t12\tPER\t1\tgold/news1.ann:1\tAda Lovelace')" ]
	[ "${lines[3]}" = "$(printf 'news1\t0\tgold\t20\t25\tORG\t1\tgold/news1.ann:3\tCrown')" ]
	[ "${lines[4]}" = "$(printf '#unit\tnews1\t0\t-\t-')" ]
	[ "${lines[5]}" = "$(printf '#end\t4')" ]
	[ "$stderr" = "" ]
}

@test "brat: --side=pred marks predictions" {
	ann a.ann $'T1\tPER 0 3\tAda'
	run -0 --separate-stderr nerspan -i brat --side=pred a.ann
	[ "${lines[2]}" = "$(printf 'a\t0\tpred\t0\t3\tPER\t1\ta.ann:1\tAda')" ]
}

@test "brat: discontinuous span covers all fragments" {
	ann a.ann $'T1\tLOC 10 15;20 25\tParis Texas' $'T2\tLOC 30 32;40 41;35 36\tx y z' $'T3\tPER 0 3\tAda'
	run -0 --separate-stderr nerspan -i brat a.ann
	[ "${lines[2]}" = "$(printf 'a\t0\tgold\t10\t25\tLOC\t1\ta.ann:1\tParis Texas')" ]
	[ "${lines[3]}" = "$(printf 'a\t0\tgold\t30\t41\tLOC\t1\ta.ann:2\tx y z')" ]
	[ "$stderr" = "nerspan: a.ann: 2 discontinuous spans read as one span each, from the smallest start to the largest end" ]
}

@test "brat: duplicate ID rejected" {
	# Two files joined into one repeat T1: the same entity would count
	# twice.
	ann a.ann $'T1\tPER 0 3\tAda' $'T2\tLOC 4 9\tParis' $'T1\tPER 0 3\tAda'
	run -1 --separate-stderr nerspan -i brat a.ann
	[ "$stderr" = "nerspan: a.ann:3: duplicate ID T1, also on line 1: give each annotation its own ID" ]
}

@test "brat: T01 and T1 differ" {
	ann a.ann $'T1\tPER 0 4\tJohn' $'T01\tLOC 14 22\tNew York'
	run -0 --separate-stderr nerspan -i brat a.ann
	[ "$stderr" = "" ]
	[ "${lines[3]}" = "$(printf 'a\t0\tgold\t14\t22\tLOC\t1\ta.ann:2\tNew York')" ]
}

@test "brat: same number, other kind" {
	ann a.ann $'T1\tPER 0 3\tAda' $'A1\tNegated T1' $'#1\tAnnotatorNotes T1\tnote'
	run -0 --separate-stderr nerspan -i brat a.ann
	[ "$stderr" = "" ]
	[ "${lines[2]}" = "$(printf 'a\t0\tgold\t0\t3\tPER\t1\ta.ann:1\tAda')" ]
}

@test "brat: file with no entities" {
	# A document nobody annotated.  Found by fuzzing: the ID check sorted
	# an empty list through a null pointer, which UBSan reports.
	: > a.ann
	run -0 --separate-stderr nerspan -i brat a.ann
	[ "$stderr" = "" ]
	[ "${lines[1]}" = "$(printf '#doc\ta\t0\t0')" ]
	[ "${lines[2]}" = "$(printf '#unit\ta\t0\t-\t-')" ]
	[ "${#lines[@]}" -eq 4 ]
}

@test "brat: documents in name order" {
	mkdir d
	for n in b 10 a 9; do ann "d/$n.ann" $'T1\tX 0 1\tx'; done
	run -0 --separate-stderr nerspan -i brat d/b.ann d/10.ann d/a.ann d/9.ann
	run -0 grep '^#doc' <<< "$output"
	[ "$output" = "$(printf '#doc\t%s\t0\t0\n' 9 10 a b)" ]
}

@test "brat: two files of one name are rejected" {
	mkdir x y
	ann x/a.ann $'T1\tX 0 1\tx'
	ann y/a.ann $'T1\tX 0 1\tx'
	run -2 --separate-stderr nerspan -i brat x/a.ann y/a.ann
	[ "$output" = "" ]
	[ "$stderr" = "nerspan: x/a.ann and y/a.ann are both document 'a' (the file name without .ann); rename one" ]
}

@test "brat: invalid annotations name the line" {
	ann a.ann $'T1\tPER 0 x\tAda'
	run -1 --separate-stderr nerspan -i brat a.ann
	[ "$stderr" = "nerspan: a.ann:1: invalid offsets '0 x': expected START END with END > START, or fragments START END;START END" ]
	ann a.ann $'T1\tPER\tAda'
	run -1 --separate-stderr nerspan -i brat a.ann
	[ "$stderr" = "nerspan: a.ann:1: invalid text-bound annotation 'PER': expected TYPE START END" ]
	ann a.ann $'T1 PER 0 3 Ada'
	run -1 --separate-stderr nerspan -i brat a.ann
	[ "$stderr" = "nerspan: a.ann:1: invalid text-bound annotation: expected ID<TAB>TYPE START END<TAB>TEXT, found 1 field" ]
	ann a.ann $'T1\tPER 5 3\tAda'
	run -1 --separate-stderr nerspan -i brat a.ann
	[ "$stderr" = "nerspan: a.ann:1: invalid offsets '5 3': expected START END with END > START, or fragments START END;START END" ]
}

@test "brat: text file in place of .ann" {
	# A text file has no annotation lines: it read as a document with
	# no entities, so every gold entity would have gone missing.
	printf 'Ada Lovelace wrote notes.\n' > a.txt
	run -1 --separate-stderr nerspan -i brat a.txt
	[ "$output" = "" ]
	[ "$stderr" = "nerspan: a.txt:1: not a brat annotation: a line starts with an ID such as T1, R1, E1, A1, N1, #1 or *; give the .ann file, not the text file" ]
}

@test "brat: UTF-16 file is an error" {
	printf 'T\0001\000\t\000P\000' > a.ann
	run -1 --separate-stderr nerspan -i brat a.ann
	[ "$output" = "" ]
	[ "$stderr" = "nerspan: a.ann:1: NUL byte in line: is this a binary or UTF-16 file? (iconv -f UTF-16 -t UTF-8 converts the latter)" ]
}

@test "brat: every annotation kind is skipped" {
	ann a.ann $'T1\tPER 0 3\tAda' $'R1\tRel Arg1:T1 Arg2:T1' \
		$'E1\tEv:T1' $'A1\tNeg T1' $'M1\tNeg T1' \
		$'N1\tReference T1 Wiki:1\tAda' $'#1\tAnnotatorNotes T1\tx' \
		$'*\tEquiv T1 T1' ''
	run -0 --separate-stderr nerspan -i brat a.ann
	[ "${lines[2]}" = "$(printf 'a\t0\tgold\t0\t3\tPER\t1\ta.ann:1\tAda')" ]
	[ "${lines[3]}" = "$(printf '#unit\ta\t0\t-\t-')" ]
	[ "$stderr" = "" ]
}

@test "brat: no files is a usage error" {
	run -2 --separate-stderr nerspan -i brat
	[ "$stderr" = "nerspan: -i brat reads .ann files named on the command line, one per document; none were given" ]
}

@test "brat: missing file makes the stream incomplete" {
	ann a.ann $'T1\tPER 0 3\tAda'
	run -1 --separate-stderr nerspan -i brat a.ann b.ann
	[ "${lines[4]}" = "$(printf '#incomplete\tnerspan could not read b.ann: No such file or directory')" ]
	[ "$stderr" = "nerspan: b.ann: No such file or directory" ]
}

@test "brat: gold and predicted folders scored" {
	mkdir gold pred
	ann gold/1.ann $'T1\tPER 0 12\tAda Lovelace' $'T2\tORG 20 25\tCrown'
	ann pred/1.ann $'T1\tPER 0 3\tAda' $'T2\tORG 20 25\tCrown' $'T3\tLOC 30 35\tLondon'
	ann gold/2.ann $'T1\tLOC 0 5\tParis'
	ann pred/2.ann
	nerspan -i brat gold/*.ann > gold.spans
	nerspan -i brat --side=pred pred/*.ann > pred.spans
	run -0 --separate-stderr nermatch gold.spans pred.spans
	run -0 awk -F '\t' '!/^#/ && NR > 1 { print $1, $3, $4, $5 }' <<< "$output"
	[ "$output" = "$(printf '%s\n' '1 wrong-bounds PER PER' '1 exact ORG ORG' '1 spurious  LOC' '2 missed LOC ')" ]
}

@test "json export: the jq recipe of nertools(5)" {
	command -v jq >/dev/null || skip "jq is not installed"
	cat > export.json <<-'EOF'
	[
	  {"id": 10, "data": {"text": "Paris"},
	   "annotations": [{"result": [
	     {"type": "labels", "value": {"start": 0, "end": 5, "text": "Paris", "labels": ["LOC"]}}]}]},
	  {"id": 2, "data": {"text": "Ada Lovelace met Charles Babbage."},
	   "annotations": [{"result": [
	     {"type": "labels", "value": {"start": 0, "end": 12, "text": "Ada Lovelace", "labels": ["PER"]}},
	     {"type": "choices", "value": {"choices": ["history"]}},
	     {"type": "labels", "value": {"start": 17, "end": 32, "text": "Charles Babbage", "labels": ["PER"]}}]}],
	   "predictions": [{"result": [
	     {"type": "labels", "value": {"start": 0, "end": 3, "text": "Ada", "labels": ["PER"]}},
	     {"type": "labels", "value": {"start": 17, "end": 32, "text": "Charles Babbage", "labels": ["ORG", "PER"]}}]}]}
	]
	EOF
	sed -n '/^jq -r/,/^nerspan -i spans spans.tsv/p' "$TOP/man/nertools.5" > recipe.sh
	[ "$(wc -l < recipe.sh)" -eq 10 ]
	run -0 --separate-stderr bash recipe.sh
	[ "$stderr" = "" ]
	run -0 cat spans.tsv
	[ "${lines[0]}" = "$(printf 'doc\tstart\tend\ttype\tside\ttext')" ]
	[ "${lines[1]}" = "$(printf '2\t0\t12\tPER\tgold\tAda Lovelace')" ]
	[ "${lines[2]}" = "$(printf '2\t17\t32\tPER\tgold\tCharles Babbage')" ]
	[ "${lines[3]}" = "$(printf '2\t0\t3\tPER\tpred\tAda')" ]
	[ "${lines[4]}" = "$(printf '2\t17\t32\tORG\tpred\tCharles Babbage')" ]
	[ "${lines[5]}" = "$(printf '2\t17\t32\tPER\tpred\tCharles Babbage')" ]
	[ "${lines[6]}" = "$(printf '10\t0\t5\tLOC\tgold\tParis')" ]
	[ "${#lines[@]}" -eq 7 ]
	run -0 --separate-stderr bash -c "nerspan -i spans spans.tsv | nermatch | awk -F '\t' '!/^#/ && NR > 1 { print \$1, \$3, \$11 \"|\" \$12 }'"
	[ "${lines[0]}" = "2 wrong-bounds Ada Lovelace|Ada" ]
	[ "${lines[1]}" = "2 exact Charles Babbage|Charles Babbage" ]
	[ "${lines[2]}" = "2 spurious |Charles Babbage" ]
	[ "${lines[3]}" = "10 missed Paris|" ]
	[ "${#lines[@]}" -eq 4 ]
}

@test "help: input options are listed" {
	run -0 --separate-stderr nerspan --help
	[[ "$output" == *" -i, --input-format=conll|brat|spans"* ]]
	[[ "$output" == *" --side=gold|pred"* ]]
	[[ "$output" == *"usage: nerspan "*"       nerspan -i spans [file ...]"*"       nerspan -i brat [--side=gold|pred] file.ann ..."* ]]
}
