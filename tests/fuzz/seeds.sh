#!/bin/sh
# Build the seed corpus of the fuzz harnesses in folder $1 from the test
# data: CoNLL files as they are, and the span, match and count streams
# that the programs of the top folder write from them.  Each seed starts
# with the two bytes that choose the options (see fuzz-program.c).
set -eu
out=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
data=$top/tests/data
for n in conll spans brat match score matrix tags align read split; do
	mkdir -p "$out/$n"
done

# seed HARNESS NAME FILE [OPTION-BYTES]: write FILE behind the option bytes.
seed() {
	{ printf "${4:-\\000\\000}"; cat "$3"; } > "$out/$1/$2"
}

conll=$(ls "$data"/cases/*.conll "$data"/compat/*.txt \
	"$data"/hostile/*.conll 2>/dev/null || true)
i=0
for f in $conll; do
	i=$((i + 1))
	b=$(basename "$f")
	seed conll "$b" "$f"
	seed conll "$b.iob2" "$f" '\000\002'
	seed conll "$b.iobes" "$f" '\000\005'
	seed conll "$b.compat" "$f" '\001\000'
	seed read "$b" "$f" "\\00$((i % 8))"
	"$top"/nerspan "$f" > "$out/spans.tmp" 2>/dev/null || continue
	seed match "$b" "$out/spans.tmp"
	"$top"/nermatch "$out/spans.tmp" > "$out/match.tmp"
	seed score "$b" "$out/match.tmp" "\\00$((i % 8))\\000"
	seed matrix "$b" "$out/match.tmp" "\\00$((i % 5))\\000"
	"$top"/nerscore --counts=sent "$out/match.tmp" > "$out/counts.tmp"
	seed score "$b.counts" "$out/counts.tmp" '\000\000'
	seed matrix "$b.counts" "$out/counts.tmp" '\000\000'
	# The tags of the last column, one a line, under scheme i.
	awk 'NF { print $NF }' "$f" | head -n 200 > "$out/tags.tmp"
	seed tags "$b" "$out/tags.tmp" "\\00$((i % 8))"
done
head -n 300 "$data"/wnut17/uh_ritual.conll > "$out/wnut.tmp"
seed conll wnut17 "$out/wnut.tmp"

# User span records, and their form with two files for nermatch.
printf 'doc\tsent\tstart\tend\ttype\tside\ttext\n' > "$out/user.tmp"
printf 'a\t1\t0\t2\tPER\tgold\tAda Lovelace\n' >> "$out/user.tmp"
printf 'a\t1\t0\t1\tPER\tpred\tAda\n' >> "$out/user.tmp"
printf 'a\t2\t3\t4\tLOC\tpred\tin\n' >> "$out/user.tmp"
printf 'b\t1\t0\t1\tORG\tgold\tX\n' >> "$out/user.tmp"
seed spans user "$out/user.tmp"
"$top"/nerspan -i spans "$out/user.tmp" > "$out/spans.tmp"
seed match user "$out/spans.tmp"
{ cat "$out/spans.tmp"; printf '\f'; cat "$out/spans.tmp"; } \
	> "$out/two.tmp"
seed match two "$out/two.tmp"

# A brat standoff file.
printf 'T1\tPER 0 12\tAda Lovelace\nT2\tLOC 20 26;30 35\tLondon Paris\n' \
	> "$out/ann.tmp"
printf '#1\tAnnotatorNotes T1\tnote\nR1\tRel Arg1:T1 Arg2:T2\n' \
	>> "$out/ann.tmp"
printf 'T3\tORG 40 45\tACME\n' >> "$out/ann.tmp"
seed brat doc "$out/ann.tmp"

# Spans for align: 2 gold, 3 predicted, then start, length, type each.
printf '\002\003\000\001\002\000\005\001\001\001\001\000\004\002\001\006\000\002' \
	> "$out/align/seed"
# Real data for the reader's fast paths, which need 64 bytes and more.
head -c 4000 "$data"/wnut17/uh_ritual.conll > "$out/wnut.tmp"
for b in 0 1 2 4; do
	seed read "wnut.$b" "$out/wnut.tmp" "\\00$b"
	# The same, reading sentences whole (bit 5).
	seed read "wnut.whole.$b" "$out/wnut.tmp" "\\04$b"
done
# A file that starts as CoNLL-2003 files do, so that a sentence read
# whole follows lines that the full path took.
{ printf -- '-DOCSTART- O O\n\n'; cat "$out/wnut.tmp"; } > "$out/doc.tmp"
seed read wnut.docstart.whole "$out/doc.tmp" '\040'

# Lines for split: a span and a match record under each rule (byte 1, a
# TAB, is the delimiter of DELIM_CHAR), and span records for
# fields_split_line().
"$top"/nerspan "$data"/wnut17/uh_ritual.conll > "$out/spans.tmp"
"$top"/nermatch "$out/spans.tmp" > "$out/match.tmp"
for rule in 0 1 2 3 4; do
	sed -n 3p "$out/spans.tmp" > "$out/line.tmp"
	seed split "span$rule" "$out/line.tmp" "\\00$rule\\011"
	sed -n 4p "$out/match.tmp" > "$out/line.tmp"
	seed split "match$rule" "$out/line.tmp" "\\00$rule\\011"
done
head -n 40 "$out/spans.tmp" > "$out/line.tmp"
seed split block "$out/line.tmp" '\004\011'
rm -f "$out"/*.tmp
