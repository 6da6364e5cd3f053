#!/usr/bin/env bats
# The fast paths of the CoNLL reader take the commonest lines without
# the full split and checks.  A file whose lines all go the full way (CR
# before each newline, doubled separators) must read exactly alike.

load helper

# Write the edge cases of the fast paths as a TAB-separated file: tokens
# of 16 bytes and more, tokens that begin with '-' or '#', a space inside
# a token, and a 70-byte token.
edge_file() {
	local long
	long=$(printf '%070d' 7)
	printf 'averyveryverylongtoken_over_16\tO\tO\n'
	printf -- '-\tO\tO\n'
	printf -- '--\tB-PER\tB-PER\n'
	printf '#x\tI-PER\tO\n'
	printf 'tok with space\tO\tO\n'
	printf '%s\tB-LOC\tB-LOC\n' "$long"
	printf 'z\tO\tO\n'
	printf '\n'
	printf 'a\tB-ORG\tB-ORG\n'
}

@test "reader: edge lines give their spans" {
	edge_file > edge.conll
	run -0 --separate-stderr nerspan edge.conll
	[ "${lines[1]}" = "#doc	1	0	0" ]
	[ "${lines[2]}" = "1	1	gold	2	4	PER	1	edge.conll:3	-- #x" ]
	[ "${lines[3]}" = "1	1	gold	5	6	LOC	1	edge.conll:6	$(printf '%070d' 7)" ]
	[ "${lines[4]}" = "1	1	pred	2	3	PER	1	edge.conll:3	--" ]
	[ "${lines[5]}" = "1	1	pred	5	6	LOC	1	edge.conll:6	$(printf '%070d' 7)" ]
	[ "${lines[6]}" = "#unit	1	1	7	6" ]
	[ "${lines[7]}" = "1	2	gold	0	1	ORG	1	edge.conll:9	a" ]
	[ "${lines[8]}" = "1	2	pred	0	1	ORG	1	edge.conll:9	a" ]
	[ "${lines[9]}" = "#unit	1	2	1	1" ]
	[ "$stderr" = "" ]
}

@test "reader: edge lines read as with CRLF" {
	edge_file > edge.conll
	sed 's/$/\r/' edge.conll > crlf.conll
	nerspan < edge.conll > lf.spans
	nerspan < crlf.conll > crlf.spans
	cmp lf.spans crlf.spans
}

@test "reader: sample reads as with CRLF" {
	sed 's/$/\r/' "$DATA/wnut17/uh_ritual.conll" > crlf.conll
	nerspan < "$DATA/wnut17/uh_ritual.conll" > lf.spans
	nerspan < crlf.conll > crlf.spans
	[ "$(grep -vc '^#' lf.spans)" -gt 1500 ]
	cmp lf.spans crlf.spans
}

@test "reader: sample reads as with doubled spaces" {
	sed 's/ /  /g' "$DATA/wnut17/uh_ritual.conll" > wide.conll
	nerspan < "$DATA/wnut17/uh_ritual.conll" > narrow.spans
	nerspan < wide.conll > wide.spans
	cmp narrow.spans wide.spans
}

@test "reader: comments skipped on the fast path" {
	{
		printf 'a O O\n#c O O\nb O O\n'
		printf 'c B-X B-X\n%s O O\n' "$(printf '%064d' 0)"
	} > hash.conll
	run -0 --separate-stderr nerspan --skip-comments hash.conll
	[ "${lines[2]}" = "1	1	gold	2	3	X	1	hash.conll:4	c" ]
	[ "${lines[4]}" = "#unit	1	1	4	4" ]
	run -0 --separate-stderr nerspan hash.conll
	[ "${lines[2]}" = "1	1	gold	3	4	X	1	hash.conll:4	c" ]
	[ "${lines[4]}" = "#unit	1	1	5	5" ]
}

@test "bytes: masks and numbers match plain loops" {
	for t in bytes bytes-portable; do
		[ -x "$BIN/build/$t" ] || {
			echo "build/$t is missing: run make check" >&2
			return 1
		}
	done
	run -0 --separate-stderr "$BIN/build/bytes"
	[ "$stderr" = "" ]
	run -0 --separate-stderr "$BIN/build/bytes-portable"
	[ "$output" = "bytes: all checks pass (portable)" ]
	[ "$stderr" = "" ]
}

@test "linebits: bitmaps match a plain loop" {
	[ -x "$BIN/build/linebits" ] || {
		echo "build/linebits is missing: run make check" >&2
		return 1
	}
	run -0 --separate-stderr "$BIN/build/linebits"
	[[ "$output" = "linebits: all checks pass ("*")" ]]
	[ "$stderr" = "" ]
}

@test "reader: TAB in a comma field is a space" {
	printf 'New\tYork,B-LOC,B-LOC\nis,O,O\n' > comma.conll
	run -0 --separate-stderr nerspan -d , comma.conll
	[ "${lines[2]}" = "1	1	gold	0	1	LOC	1	comma.conll:1	New York" ]
	[ "${lines[3]}" = "1	1	pred	0	1	LOC	1	comma.conll:1	New York" ]
	[ "$stderr" = "" ]
}

@test "reader: sample reads alike with -d 0xFF" {
	LC_ALL=C tr ' ' '\377' < "$DATA/wnut17/uh_ritual.conll" > ff.conll
	nerspan < "$DATA/wnut17/uh_ritual.conll" > space.spans
	nerspan -d $'\377' < ff.conll > ff.spans
	cmp space.spans ff.spans
}

@test "reader: outside lines of every length" {
	awk 'BEGIN {
		for (i = 1; i <= 150; i++) {
			t = ""
			for (j = 0; j < i; j++)
				t = t "x"
			print t " O O"
		}
		print "y B-X B-X"
	}' > long.conll
	run -0 --separate-stderr nerspan long.conll
	[ "${lines[2]}" = "1	1	gold	150	151	X	1	long.conll:151	y" ]
	[ "${lines[4]}" = "#unit	1	1	151	151" ]
	sed 's/$/\r/' long.conll > crlf.conll
	nerspan < long.conll > lf.spans
	nerspan < crlf.conll > crlf.spans
	cmp lf.spans crlf.spans
}

# Lines the fast paths must decline, spread over a file of several read
# buffers: a token after '-', a control byte inside a token, tokens of
# 70 bytes and more, and a TAB between token and tags.  The fast paths
# keep masks of each buffer, so every buffer must read as the full way
# reads it, which a CR before each newline forces.
@test "reader: odd lines over many buffers read as with CRLF" {
	for i in 1 2 3 4; do cat "$DATA/wnut17/uh_ritual.conll"; done |
	    awk 'NF == 3 && NR % 7 == 3 { print "-" $1, $2, $3; next }
		NF == 3 && NR % 11 == 5 { print $1 "\001x", $2, $3; next }
		NF == 3 && NR % 13 == 0 { printf "%s%070d %s %s\n", $1, NR, $2, $3; next }
		NF == 3 && NR % 17 == 1 { print $1 "\t" $2, $3; next }
		{ print }' > odd.conll
	[ "$(wc -c < odd.conll)" -gt 900000 ]
	sed 's/$/\r/' odd.conll > crlf.conll
	nerspan -d space odd.conll > lf.spans
	nerspan -d space crlf.conll | sed 's/crlf\.conll/odd.conll/' > crlf.spans
	[ "$(grep -c '^#unit' lf.spans)" -gt 5000 ]
	cmp lf.spans crlf.spans
}
