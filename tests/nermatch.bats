#!/usr/bin/env bats
# nermatch: the pairing rule, separate gold and predicted streams, levels
# and --min-overlap.  Expected pairings are worked out by hand from the
# rule in nermatch(1); the spans of each case are listed in the test.

load helper

# Write a span stream of one unit (document 1, unit 1) from lines
# "SIDE START END TYPE NAME [LEVEL]"; NAME becomes the span's text.
unit_stream() {
	awk 'BEGIN {
		OFS = "\t"
		print "doc", "sent", "side", "start", "end", "type", "level", "source", "text"
	}
	{ print 1, 1, $1, $2, $3, $4, ($6 == "" ? 1 : $6), "in:" NR, $5; n++ }
	END { print "#unit", 1, 1, "-", "-"; print "#end", n + 1 }'
}

# Run nermatch with the arguments and print each record as
# "CLASS|GOLD TEXT|PRED TEXT".
match_pairs() {
	nermatch "$@" > out.match || return
	awk -F '\t' 'NR > 1 && !/^#/ { print $3 "|" $11 "|" $12 }' out.match
}

@test "rule: two overlaps beat one greedy overlap" {
	unit_stream > in.spans <<-EOF
	gold 1 5 X A
	gold 5 6 X B
	pred 2 6 X P
	pred 1 2 X Q
	EOF
	run -0 --separate-stderr match_pairs in.spans
	[ "$output" = "$(printf '%s\n' 'wrong-bounds|A|Q' 'wrong-bounds|B|P')" ]
	[ "$stderr" = "" ]
}

@test "rule: exact pair beats two overlaps" {
	unit_stream > in.spans <<-EOF
	gold 2 4 A G1
	gold 3 6 A G2
	pred 2 4 A P1
	pred 0 3 A P2
	EOF
	run -0 --separate-stderr match_pairs in.spans
	[ "$output" = "$(printf '%s\n' 'spurious||P2' 'exact|G1|P1' 'missed|G2|')" ]
	[ "$stderr" = "" ]
}

@test "rule: wrong type beats two wrong bounds" {
	unit_stream > in.spans <<-EOF
	gold 2 4 A G1
	gold 3 6 B G2
	pred 2 4 B P1
	pred 0 3 A P2
	EOF
	run -0 --separate-stderr match_pairs in.spans
	[ "$output" = "$(printf '%s\n' 'spurious||P2' 'wrong-type|G1|P1' 'missed|G2|')" ]
	[ "$stderr" = "" ]
}

@test "rule: wrong bounds beats two wrong both" {
	unit_stream > in.spans <<-EOF
	gold 2 4 A G1
	gold 4 6 B G2
	pred 3 5 A P1
	pred 0 3 B P2
	EOF
	run -0 --separate-stderr match_pairs in.spans
	[ "$output" = "$(printf '%s\n' 'spurious||P2' 'wrong-bounds|G1|P1' 'missed|G2|')" ]
	[ "$stderr" = "" ]
}

@test "rule: wrong bounds beats a larger wrong-both overlap" {
	unit_stream > in.spans <<-EOF
	gold 0 4 A G
	pred 0 5 B P
	pred 0 1 A Q
	EOF
	run -0 --separate-stderr match_pairs in.spans
	[ "$output" = "$(printf '%s\n' 'wrong-bounds|G|Q' 'spurious||P')" ]
	[ "$stderr" = "" ]
}

@test "rule: two wrong-both pairs beat a larger overlap" {
	unit_stream > in.spans <<-EOF
	gold 1 10 A G1
	gold 8 12 A G2
	pred 1 9 B P1
	pred 0 2 B P2
	EOF
	run -0 --separate-stderr match_pairs in.spans
	[ "$output" = "$(printf '%s\n' 'wrong-both|G1|P2' 'wrong-both|G2|P1')" ]
	[ "$stderr" = "" ]
}

@test "rule: larger overlap beats smaller distance" {
	unit_stream > in.spans <<-EOF
	gold 2 6 A G
	pred 2 5 A Near
	pred 0 6 A Wide
	EOF
	# Wide overlaps 4 tokens at distance 2, Near 3 tokens at distance 1.
	run -0 --separate-stderr match_pairs in.spans
	[ "$output" = "$(printf '%s\n' 'wrong-bounds|G|Wide' 'spurious||Near')" ]
	[ "$stderr" = "" ]
}

@test "rule: equal overlap goes to smaller distance" {
	unit_stream > in.spans <<-EOF
	gold 2 6 A G
	pred 0 4 A Far
	pred 4 7 A Near
	EOF
	run -0 --separate-stderr match_pairs in.spans
	[ "$output" = "$(printf '%s\n' 'spurious||Far' 'wrong-bounds|G|Near')" ]
	[ "$stderr" = "" ]
}

@test "rule: full tie goes to the first prediction" {
	unit_stream > in.spans <<-EOF
	gold 2 4 A G
	pred 1 3 A P
	pred 3 5 A Q
	EOF
	run -0 --separate-stderr match_pairs in.spans
	[ "$output" = "$(printf '%s\n' 'wrong-bounds|G|P' 'spurious||Q')" ]
	unit_stream > in.spans <<-EOF
	gold 2 4 A G
	pred 3 5 A Q
	pred 1 3 A P
	EOF
	run -0 --separate-stderr match_pairs in.spans
	[ "$output" = "$(printf '%s\n' 'spurious||P' 'wrong-bounds|G|Q')" ]
	[ "$stderr" = "" ]
}

@test "rule: full tie goes to the first gold span" {
	unit_stream > in.spans <<-EOF
	gold 1 3 A G1
	gold 3 5 A G2
	pred 2 4 A P
	EOF
	run -0 --separate-stderr match_pairs in.spans
	[ "$output" = "$(printf '%s\n' 'wrong-bounds|G1|P' 'missed|G2|')" ]
	unit_stream > in.spans <<-EOF
	gold 3 5 A G2
	gold 1 3 A G1
	pred 2 4 A P
	EOF
	run -0 --separate-stderr match_pairs in.spans
	[ "$output" = "$(printf '%s\n' 'missed|G1|' 'wrong-bounds|G2|P')" ]
	[ "$stderr" = "" ]
}

@test "rule: duplicate spans pair in input order" {
	unit_stream > in.spans <<-EOF
	gold 0 2 B G1
	gold 0 2 A G2
	pred 0 2 A P1
	pred 0 2 A P2
	EOF
	run -0 --separate-stderr match_pairs in.spans
	[ "$output" = "$(printf '%s\n' 'wrong-type|G1|P1' 'exact|G2|P2')" ]
	[ "$stderr" = "" ]
}

@test "rule: unpaired spans keep their own type" {
	unit_stream > in.spans <<-EOF
	gold 0 2 LOC G
	pred 3 4 PER P
	EOF
	run -0 --separate-stderr nermatch in.spans
	[ "${lines[1]}" = "$(printf '1\t1\tmissed\tLOC\t\t0\t2\t\t\tin:1\tG\t')" ]
	[ "${lines[2]}" = "$(printf '1\t1\tspurious\t\tPER\t\t\t3\t4\tin:2\t\tP')" ]
	[ "$stderr" = "" ]
}

@test "nested spans: each level pairs with its own" {
	unit_stream > in.spans <<-EOF
	gold 0 6 ORG Outer
	gold 0 2 PER Inner
	pred 0 6 ORG Whole
	pred 0 3 PER Part
	EOF
	run -0 --separate-stderr match_pairs in.spans
	[ "$output" = "$(printf '%s\n' 'wrong-bounds|Inner|Part' 'exact|Outer|Whole')" ]
	[ "$stderr" = "" ]
}

@test "nested spans: same bounds before type" {
	unit_stream > in.spans <<-EOF
	gold 0 6 LOC Outer
	gold 0 2 PER Inner
	pred 0 2 LOC Small
	pred 0 6 PER Big
	EOF
	run -0 --separate-stderr match_pairs in.spans
	[ "$output" = "$(printf '%s\n' 'wrong-type|Inner|Small' 'wrong-type|Outer|Big')" ]
	[ "$stderr" = "" ]
}

@test "nested spans: crossing chains on both sides" {
	unit_stream > in.spans <<-EOF
	gold 0 4 A G1
	gold 2 6 A G2
	gold 1 3 B G3
	pred 1 5 A P1
	pred 3 7 A P2
	pred 0 2 B P3
	EOF
	# G1-P1 and G2-P2 (wrong bounds), G3-P3 (wrong bounds, overlap 1):
	# three same-type pairs, the most possible.
	run -0 --separate-stderr match_pairs in.spans
	[ "$output" = "$(printf '%s\n' 'wrong-bounds|G1|P1' 'wrong-bounds|G3|P3' 'wrong-bounds|G2|P2')" ]
	[ "$stderr" = "" ]
}

@test "random nested units: each span in one record" {
	awk 'BEGIN {
		srand(7)
		OFS = "\t"
		print "doc", "sent", "side", "start", "end", "type", "level", "source", "text"
		lines = 0
		for (u = 1; u <= 300; u++) {
			for (k = 0; k < 2; k++) {
				n = int(rand() * 9)
				for (i = 0; i < n; i++) {
					s = int(rand() * 12)
					e = s + 1 + int(rand() * (rand() < 0.3 ? 8 : 3))
					id = (k ? "p" : "g") u "." i
					print 1, u, (k ? "pred" : "gold"), s, e, substr("ABC", 1 + int(rand() * 3), 1), 1, "x:1", id
					print id > "ids"
					lines++
				}
			}
			print "#unit", 1, u, 20, "-"
			lines++
		}
		print "#end", lines
	}' > in.spans
	run -0 --separate-stderr nermatch in.spans
	[ "$stderr" = "" ]
	printf '%s\n' "$output" | awk -F '\t' 'NR > 1 && !/^#/ {
		if ($11 != "") print $11
		if ($12 != "") print $12
	}' | sort > seen
	sort ids > want
	diff want seen
}

@test "case C17: one false positive, not two" {
	run -0 --separate-stderr bash -c "nerspan $DATA/cases/C17.conll | nermatch > out.match"
	[ "$stderr" = "" ]
	run -0 awk -F '\t' 'NR > 1 && !/^#/ { print $3 "|" $11 "|" $12 }' out.match
	[ "${lines[0]}" = "wrong-bounds|Alfa Beta Corp|Beta Corp Gamma Delta" ]
	[ "${lines[1]}" = "missed|Gamma Delta Ltd|" ]
	[ "${lines[2]}" = "exact|Kim|Kim" ]
	[ "${#lines[@]}" -eq 3 ]
}

@test "brute force: align_unit finds the optimum" {
	[ -x "$BIN/build/align-brute" ] || {
		echo "build/align-brute is missing: run make check" >&2
		return 1
	}
	run -0 --separate-stderr "$BIN/build/align-brute" 20000 1
	[ "$output" = "align-brute: 20000 units agree with the exhaustive search" ]
	[ "$stderr" = "" ]
	run -0 --separate-stderr "$BIN/build/align-brute" 20000 2
	[ "$stderr" = "" ]
}

@test "one-sided unit: too large offsets rejected" {
	# A cluster of n spans must stay within 2^56 / (n + 1) offsets, so a
	# single span must end below 2^55 = 36028797018963968, paired or not.
	unit_stream > ok.spans <<-EOF
	gold 0 36028797018963967 A G
	EOF
	run -0 --separate-stderr match_pairs ok.spans
	[ "$output" = "missed|G|" ]
	[ "$stderr" = "" ]
	unit_stream > big.spans <<-EOF
	pred 0 36028797018963968 A P
	EOF
	run -1 --separate-stderr nermatch big.spans
	[ "$output" = "" ]
	[ "$stderr" = "nermatch: big.spans:3: the offsets of this unit are too large to align; split the unit" ]
}

@test "min-overlap: exactly the share pairs" {
	unit_stream > in.spans <<-EOF
	gold 0 4 A G
	pred 0 2 A P
	EOF
	run -0 --separate-stderr match_pairs -m 0.5 in.spans
	[ "$output" = "wrong-bounds|G|P" ]
	[ "$stderr" = "" ]
	run -0 --separate-stderr match_pairs --min-overlap=0.500000001 in.spans
	[ "$output" = "$(printf '%s\n' 'missed|G|' 'spurious||P')" ]
}

@test "min-overlap: share of the gold span" {
	unit_stream > in.spans <<-EOF
	gold 2 4 A G
	pred 0 10 A P
	EOF
	run -0 --separate-stderr match_pairs -m 1 in.spans
	[ "$output" = "wrong-bounds|G|P" ]
	unit_stream > in.spans <<-EOF
	gold 0 10 A G
	pred 2 4 A P
	EOF
	run -0 --separate-stderr match_pairs -m 0.21 in.spans
	[ "$output" = "$(printf '%s\n' 'missed|G|' 'spurious||P')" ]
	run -0 --separate-stderr match_pairs -m .2 in.spans
	[ "$output" = "wrong-bounds|G|P" ]
	[ "$stderr" = "" ]
}

@test "min-overlap: decimal shares are exact" {
	# 0.35 and 0.7 have no exact binary value; 7 of 20 and 7 of 10
	# tokens are exactly those shares and pair.
	unit_stream > in.spans <<-EOF
	gold 0 20 A G
	pred 0 7 A P
	EOF
	run -0 --separate-stderr match_pairs -m 0.35 in.spans
	[ "$output" = "wrong-bounds|G|P" ]
	unit_stream > in.spans <<-EOF
	gold 0 10 A G
	pred 3 10 A P
	EOF
	run -0 --separate-stderr match_pairs -m 0.7 in.spans
	[ "$output" = "wrong-bounds|G|P" ]
	run -0 --separate-stderr match_pairs -m 0.71 in.spans
	[ "$output" = "$(printf '%s\n' 'missed|G|' 'spurious||P')" ]
}

@test "min-overlap: exact pairs always pair" {
	unit_stream > in.spans <<-EOF
	gold 0 3 A G
	pred 0 3 B P
	EOF
	run -0 --separate-stderr match_pairs -m 1 in.spans
	[ "$output" = "wrong-type|G|P" ]
	[ "$stderr" = "" ]
}

@test "min-overlap: invalid shares are rejected" {
	for share in 0 0.0 1.01 2 -0.5 abc 0.5x '' . 0.1234567891; do
		run -2 --separate-stderr nermatch -m "$share" /dev/null
		[ "$output" = "" ]
		[ "$stderr" = "nermatch: invalid --min-overlap '$share': expected a decimal share of the gold span, 0 < SHARE <= 1, with at most 9 decimals" ]
	done
}

@test "level: default pools all levels" {
	unit_stream > in.spans <<-EOF
	gold 0 2 A G1 1
	gold 4 6 A G2 2
	pred 0 2 A P1 2
	pred 4 6 A P2 1
	EOF
	run -0 --separate-stderr match_pairs in.spans
	[ "$output" = "$(printf '%s\n' 'exact|G1|P1' 'exact|G2|P2')" ]
	[ "$stderr" = "" ]
}

@test "level: --level keeps one level" {
	unit_stream > in.spans <<-EOF
	gold 0 2 A G1 1
	gold 4 6 A G2 2
	pred 0 2 A P1 2
	pred 4 6 A P2 1
	EOF
	run -0 --separate-stderr match_pairs --level=2 in.spans
	[ "$output" = "$(printf '%s\n' 'spurious||P1' 'missed|G2|')" ]
	run -0 --separate-stderr match_pairs -l 1 in.spans
	[ "$output" = "$(printf '%s\n' 'missed|G1|' 'spurious||P2')" ]
	run -0 --separate-stderr match_pairs -l 3 in.spans
	[ "$output" = "" ]
	[ "$stderr" = "nermatch: no span has level 3, but 4 spans have other levels, up to 2: every entity is left out; check --level" ]
	run -0 grep -c '^#unit' out.match
}

@test "level: empty level of two streams" {
	# A level that no tag column has gave all-zero scores without a
	# word.  Each stream has one span of each side, of level 1, and
	# gives its gold or its predicted one.
	unit_stream > in.spans <<-EOF
	gold 0 2 A G1 1
	pred 0 2 A P1 1
	EOF
	run -0 --separate-stderr match_pairs -l 2 in.spans in.spans
	[ "$output" = "" ]
	[ "$stderr" = "nermatch: no span has level 2, but 2 spans have other levels, up to 1: every entity is left out; check --level" ]
}

@test "level: invalid level is a usage error" {
	for level in 0 -1 x 1.5 ''; do
		run -2 --separate-stderr nermatch --level="$level" /dev/null
		[ "$stderr" = "nermatch: invalid --level '$level': expected a level number, 1 for the first tag column" ]
	done
}

@test "level: stream without level column" {
	printf 'doc\tsent\tside\tstart\tend\ttype\n#end\t0\n' > in.spans
	run -1 --separate-stderr nermatch -l 1 in.spans
	[ "$output" = "" ]
	[ "$stderr" = "nermatch: in.spans:1: the header has no 'level' column, which --level needs" ]
}

# Write the spans of "DOC SENT SIDE START END TYPE NAME [TOKENS]" lines as
# a span stream with a #unit line after each unit, giving the TOKENS of its
# last line (default -).
keyed_stream() {
	awk 'BEGIN {
		OFS = "\t"
		print "doc", "sent", "side", "start", "end", "type", "level", "source", "text"
	}
	$1 "/" $2 != key && key != "" { print "#unit", d, s, tokens, "-"; n++ }
	{ d = $1; s = $2; key = d "/" s; tokens = $8 == "" ? "-" : $8 }
	$3 != "-" { print $1, $2, $3, $4, $5, $6, 1, "in:" NR, $7; n++ }
	END { if (key != "") { print "#unit", d, s, tokens, "-"; n++ }; print "#end", n }'
}

@test "two streams: equal to one stream of both" {
	nerspan "$DATA/wnut17/uh_ritual.conll" > both.spans
	nermatch both.spans > one.match
	run -0 --separate-stderr nermatch both.spans both.spans
	[ "$stderr" = "" ]
	printf '%s\n' "$output" > two.match
	awk -F '\t' -v OFS='\t' '/^#(unit|doc)/ { $NF = "-" } 1' one.match > want
	diff want two.match
}

@test "two streams: unit in one stream only" {
	keyed_stream > gold.spans <<-EOF
	1 1 gold 0 2 A G1 5
	1 2 gold 0 1 B G2 4
	EOF
	keyed_stream > pred.spans <<-EOF
	1 1 pred 0 2 A P1 5
	1 3 pred 1 2 B P3 6
	EOF
	run -0 --separate-stderr nermatch gold.spans pred.spans
	[ "${lines[1]}" = "$(printf '1\t1\texact\tA\tA\t0\t2\t0\t2\tin:1\tG1\tP1')" ]
	[ "${lines[2]}" = "$(printf '#unit\t1\t1\t5\t-')" ]
	[ "${lines[3]}" = "$(printf '1\t2\tmissed\tB\t\t0\t1\t\t\tin:2\tG2\t')" ]
	[ "${lines[4]}" = "$(printf '#unit\t1\t2\t4\t-')" ]
	[ "${lines[5]}" = "$(printf '1\t3\tspurious\t\tB\t\t\t1\t2\tin:2\t\tP3')" ]
	[ "${lines[6]}" = "$(printf '#unit\t1\t3\t6\t-')" ]
	[ "${lines[7]}" = "$(printf '#end\t6')" ]
	[ "$stderr" = "" ]
}

@test "two streams: no unit in common" {
	# brat gold a.ann against predictions a.pred.ann: documents 'a' and
	# 'a.pred' never pair, so all spans were missed or spurious, exit 0.
	keyed_stream > gold.spans <<-EOF
	a 0 gold 0 3 PER G
	EOF
	keyed_stream > pred.spans <<-EOF
	a.pred 0 pred 0 3 PER P
	EOF
	run -1 --separate-stderr nermatch gold.spans pred.spans
	[ "$stderr" = "nermatch: gold.spans and pred.spans have no unit in common (the first are document 'a' unit 0 and document 'a.pred' unit 0): both streams must name their documents alike; for brat, give the gold and the predicted .ann files the same names" ]
}

@test "two streams: prediction stream of no units" {
	# A system that predicted nothing: every gold span is missed.
	keyed_stream > gold.spans <<-EOF
	a 0 gold 0 3 PER G
	EOF
	printf 'doc\tsent\tside\tstart\tend\ttype\tlevel\tsource\ttext\n#end\t0\n' > pred.spans
	run -0 --separate-stderr match_pairs gold.spans pred.spans
	[ "$output" = "missed|G|" ]
	[ "$stderr" = "" ]
}

@test "two streams: numbered documents in numeric order" {
	keyed_stream > gold.spans <<-EOF
	2 1 gold 0 1 A G2
	10 1 gold 0 1 A G10
	EOF
	keyed_stream > pred.spans <<-EOF
	9 1 pred 0 1 A P9
	10 1 pred 0 1 A P10
	EOF
	run -0 --separate-stderr match_pairs gold.spans pred.spans
	[ "$output" = "$(printf '%s\n' 'missed|G2|' 'spurious||P9' 'exact|G10|P10')" ]
	[ "$stderr" = "" ]
}

@test "two streams: named documents in byte order" {
	keyed_stream > gold.spans <<-EOF
	7 1 gold 0 1 A G7
	a10 1 gold 0 1 A Ga10
	a2 1 gold 0 1 A Ga2
	EOF
	keyed_stream > pred.spans <<-EOF
	7 1 pred 0 1 A P7
	a2 1 pred 0 1 A Pa2
	EOF
	run -0 --separate-stderr match_pairs gold.spans pred.spans
	[ "$output" = "$(printf '%s\n' 'exact|G7|P7' 'missed|Ga10|' 'exact|Ga2|Pa2')" ]
	[ "$stderr" = "" ]
}

@test "two streams: units in numeric order" {
	keyed_stream > gold.spans <<-EOF
	d 9 gold 0 1 A G9
	d 10 gold 0 1 A G10
	EOF
	keyed_stream > pred.spans <<-EOF
	d 10 pred 0 1 A P10
	EOF
	run -0 --separate-stderr match_pairs gold.spans pred.spans
	[ "$output" = "$(printf '%s\n' 'missed|G9|' 'exact|G10|P10')" ]
	[ "$stderr" = "" ]
}

@test "two streams: unsorted stream is rejected" {
	keyed_stream > gold.spans <<-EOF
	10 1 gold 0 1 A G10
	2 1 gold 0 1 A G2
	EOF
	keyed_stream > pred.spans <<-EOF
	2 1 pred 0 1 A P2
	EOF
	run -1 --separate-stderr nermatch gold.spans pred.spans
	[ "$stderr" = "nermatch: gold.spans:5: document '2' unit 1 comes after document '10' unit 1, but units must be in order of document, then unit number (see nermatch(1)): run nerspan once over all input files, or sort the records you give nerspan -i spans (sorting a span stream itself would scramble its header and # lines)" ]
}

@test "two streams: concatenated runs are rejected" {
	printf 'a B-X B-X\n' > a.conll
	nerspan a.conll a.conll > two-docs.spans
	cat <(nerspan a.conll) <(nerspan a.conll) > cat.spans
	run -0 nermatch two-docs.spans two-docs.spans
	run -1 --separate-stderr nermatch cat.spans two-docs.spans
	[[ "$stderr" == "nermatch: cat.spans:8: document '1' comes after document '1' unit 1, but units must be in order"* ]]
}

@test "two streams: token counts must agree" {
	keyed_stream > gold.spans <<-EOF
	1 1 gold 0 1 A G 5
	EOF
	keyed_stream > pred.spans <<-EOF
	1 1 pred 0 1 A P 6
	EOF
	run -1 --separate-stderr nermatch gold.spans pred.spans
	[ "$stderr" = "nermatch: pred.spans:3: 6 tokens here, but 5 at gold.spans:3: the two streams come from different texts" ]
}

@test "two streams: predicted stream without pred spans" {
	keyed_stream > gold.spans <<-EOF
	1 1 gold 0 1 A G
	EOF
	cp gold.spans pred.spans
	run -1 --separate-stderr nermatch gold.spans pred.spans
	[ "$stderr" = "nermatch: pred.spans: no pred spans, but 1 gold spans: the pred stream must mark its spans pred (nerspan --side=pred)" ]
}

@test "two streams: #incomplete passes on" {
	keyed_stream > gold.spans <<-EOF
	1 1 gold 0 1 A G
	EOF
	printf 'a B-X B-X\n' > a.conll
	nerspan a.conll missing.conll > pred.spans 2>/dev/null || true
	run -0 --separate-stderr nermatch gold.spans pred.spans
	[ "${lines[-2]}" = "$(printf '#incomplete\tnerspan could not read missing.conll: No such file or directory')" ]
}

@test "two streams: both on stdin rejected" {
	# Both operands '-' read one standard input twice: the second read
	# found it empty and blamed an upstream program, exit 1.
	nerspan "$DATA/cases/C15.conll" > s
	run -2 --separate-stderr nermatch - - < s
	[ "$output" = "" ]
	[ "$stderr" = "nermatch: the gold and the predicted stream cannot both be standard input; give one of them as a file, or give one stream that holds both sides" ]
}

@test "two streams: third file is a usage error" {
	run -2 --separate-stderr nermatch a b c
	[ "$output" = "" ]
	[ "$stderr" = "usage: nermatch [-e] [-l level] [-m share] [file | gold pred]" ]
}

@test "help: every option is listed" {
	run -0 --separate-stderr nermatch --help
	for o in -e --errors -l --level -m --min-overlap -h --help -V --version; do
		[[ "$output" == *" $o"* ]]
	done
	[ "${lines[0]}" = "usage: nermatch [-e] [-l level] [-m share] [file | gold pred]" ]
}

@test "man example: error listing" {
	run -0 --separate-stderr bash -c "nerspan $DATA/cases/C17.conll | nermatch -e | grep -v '^#' | cut -f 3-5,11,12"
	[ "${lines[0]}" = "$(printf 'class\tgold_type\tpred_type\tgold_text\tpred_text')" ]
	[ "${lines[1]}" = "$(printf 'wrong-bounds\tORG\tORG\tAlfa Beta Corp\tBeta Corp Gamma Delta')" ]
	[ "${lines[2]}" = "$(printf 'missed\tORG\t\tGamma Delta Ltd\t')" ]
	[ "${#lines[@]}" -eq 3 ]
	[ "$stderr" = "" ]
}

@test "man example: one level of span records" {
	printf 'doc\tstart\tend\ttype\tside\tlevel\n' > nested.tsv
	printf 'a\t0\t6\tORG\tgold\t1\na\t0\t2\tPER\tgold\t2\n' >> nested.tsv
	printf 'a\t0\t6\tORG\tpred\t1\na\t0\t2\tPER\tpred\t2\na\t3\t4\tLOC\tpred\t2\n' >> nested.tsv
	run -0 --separate-stderr bash -c "nerspan -i spans nested.tsv | nermatch -l 2 | nerscore | case_layout"
	[ "${lines[0]}" = "LOC 0 1 0" ]
	[ "${lines[1]}" = "PER 1 0 0" ]
	[ "${lines[2]}" = "overall 0.5000 1.0000 0.6667" ]
	[ "$stderr" = "" ]
}

@test "man example: half the gold span" {
	# The prediction covers 2 of 3 tokens of the first gold ORG and 2 of
	# 3 of the second; the tie goes to the first.
	run -0 --separate-stderr bash -c "nerspan $DATA/cases/C17.conll | nermatch -m 0.5 | nerscore -m type | case_layout"
	[ "${lines[0]}" = "ORG 1 0 1" ]
	[ "${lines[1]}" = "PER 1 0 0" ]
	run -0 --separate-stderr bash -c "nerspan $DATA/cases/C17.conll | nermatch -m 0.7 | nerscore -m type | case_layout"
	[ "${lines[0]}" = "ORG 0 1 2" ]
}

@test "output: records across buffer ends stay whole" {
	# 300 units of one gold PER and one predicted LOC span with the same
	# bounds, each a wrong-type record of some 850 bytes: the output
	# passes the end of the 64 KiB output buffer several times, at
	# offsets of every size.  The expected records follow nertools(5).
	awk 'BEGIN {
		OFS = "\t"
		print "doc", "sent", "side", "start", "end", "type", "level", "source", "text"
		for (i = 1; i <= 300; i++) {
			t = sprintf("%0" (380 + i % 37) "d", i)
			e = 1000000 + i
			print "d", i, "gold", i % 7, e, "PER", 1, "in:" i, t
			print "d", i, "pred", i % 7, e, "LOC", 1, "in:" i, t "p"
			print "#unit", "d", i, e, "-"
		}
		print "#end", 900
	}' > in.spans
	awk 'BEGIN {
		OFS = "\t"
		print "doc", "sent", "class", "gold_type", "pred_type", "gold_start", "gold_end", "pred_start", "pred_end", "source", "gold_text", "pred_text"
		for (i = 1; i <= 300; i++) {
			t = sprintf("%0" (380 + i % 37) "d", i)
			e = 1000000 + i
			print "d", i, "wrong-type", "PER", "LOC", i % 7, e, i % 7, e, "in:" i, t, t "p"
			print "#unit", "d", i, e, "-"
		}
		print "#end", 600
	}' > want.match
	run -0 --separate-stderr nermatch in.spans
	[ "$stderr" = "" ]
	[ "$output" = "$(cat want.match)" ]
	[ "${#output}" -gt 200000 ]
}

@test "output: fields of 0 to 49 bytes copied whole" {
	# One unit per length: a document name, type, source and texts of
	# that many bytes, around the 16 bytes that one copy moves.  Each
	# wrong-type record repeats the input fields (nertools(5)).
	awk 'BEGIN {
		OFS = "\t"
		print "doc", "sent", "side", "start", "end", "type", "level", "source", "text"
		for (n = 0; n < 50; n++) {
			s = substr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", 1, n)
			d = "d" s
			print "#doc", d, "-", "-"
			print d, 1, "gold", 0, 2, "G" s, 1, "in" s ":1", s
			print d, 1, "pred", 0, 2, "P" s, 1, "in" s ":1", s "p"
			print "#unit", d, 1, 2, "-"
		}
		print "#end", 200
	}' > in.spans
	awk 'BEGIN {
		OFS = "\t"
		print "doc", "sent", "class", "gold_type", "pred_type", "gold_start", "gold_end", "pred_start", "pred_end", "source", "gold_text", "pred_text"
		for (n = 0; n < 50; n++) {
			s = substr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", 1, n)
			d = "d" s
			print "#doc", d, "-", "-"
			print d, 1, "wrong-type", "G" s, "P" s, 0, 2, 0, 2, "in" s ":1", s, s "p"
			print "#unit", d, 1, 2, "-"
		}
		print "#end", 150
	}' > want.match
	run -0 --separate-stderr nermatch in.spans
	[ "$stderr" = "" ]
	[ "$output" = "$(cat want.match)" ]
}
