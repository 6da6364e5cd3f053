#!/usr/bin/env bats
# nermatrix: the confusion matrix of gold types against predicted types.
# Expected values are worked out by hand (the Azure AI Language example),
# or are nerscore's per-type counts, which every matrix must add up to.

load helper

# The worked example of the Azure AI Language documentation on custom NER
# evaluation metrics, as CoNLL lines: words tagged WORD/GOLD/PRED, the
# others O O.  Frederick (gold City) is predicted Person; Forrest is
# predicted City, while the gold Person is "Forrest Ray".
azure_conll() {
	local s w
	for s in \
	    "The first party of this contract is John/B-Person/B-Person Smith/I-Person/I-Person , resident of 5678 Main Rd. , City of Frederick/B-City/B-Person , state of Nebraska ." \
	    "And the second party is Forrest/B-Person/B-City Ray/I-Person/O , resident of 123-345 Integer Rd. , City of Corona , state of New Mexico ." \
	    "There is also Fannie/B-Person/B-Person Thomas/I-Person/I-Person resident of 7890 River Road , city of Colorado/B-City/B-City Springs/I-City/I-City , State of Colorado ."; do
		for w in $s; do
			case $w in
			*/*/*) echo "${w//\// }" ;;
			*) echo "$w O O" ;;
			esac
		done
		echo
	done
}

# Match records of a CoNLL file.
matches() {
	nerspan "$1" | nermatch
}

# Compare a wide matrix (file $1) with nerscore's TSV (file $2) in one
# mode ($3): each row must sum to the type's gold count, each column to
# its predicted count, and the diagonal must equal the mode's tp.  Prints
# one line per disagreement, then "checked N types, M rows".
identities() {
	awk -F '\t' -v mode="$3" '
		FILENAME == ARGV[1] && FNR == 1 {
			for (i = 2; i <= NF; i++)
				col[i] = $i
			next
		}
		FILENAME == ARGV[1] {
			rows++
			for (i = 2; i <= NF; i++) {
				rsum[$1] += $i
				csum[col[i]] += $i
				if (col[i] == $1)
					dg[$1] = $i
			}
			next
		}
		$1 == mode && $2 == "type" {
			n++
			if (rsum[$3] != $7)
				print $3, "row sum", rsum[$3], "gold", $7
			if (csum[$3] != $8)
				print $3, "column sum", csum[$3], "pred", $8
			if (dg[$3] != $4)
				print $3, "diagonal", dg[$3], "tp", $4
		}
		END { print "checked", n, "types,", rows, "rows" }' "$1" "$2"
}

# Check the identities of one CoNLL file: exact pairs against nerscore's
# strict mode, overlap pairs against its type mode (any overlap, same
# type), whose gold and pred counts are the same.
check_identities() {
	local f=$1 types
	matches "$f" > m.tsv
	nerscore -m all m.tsv > score.tsv
	types=$(awk -F '\t' '$1 == "strict" && $2 == "type"' score.tsv | wc -l)
	[ "$types" -gt 0 ]
	nermatrix m.tsv > exact.tsv
	run -0 identities exact.tsv score.tsv strict
	[ "$output" = "checked $types types, $((types + 1)) rows" ]
	nermatrix -p overlap m.tsv > overlap.tsv
	run -0 identities overlap.tsv score.tsv type
	[ "$output" = "checked $types types, $((types + 1)) rows" ]
}

# Check that the labels of an SVG heatmap fit its canvas and do not overlap,
# taking a character as 0.6 em of the 12 px font (a byte, which is wider
# for UTF-8).  Prints one line per problem, then "labels N".
svg_fits() {
	awk '
		/^<svg / {
			match($0, /width="[0-9]+"/)
			w = substr($0, RSTART + 7, RLENGTH - 8) + 0
			match($0, /height="[0-9]+"/)
			h = substr($0, RSTART + 8, RLENGTH - 9) + 0
		}
		/^<text transform="translate\(.*rotate\(-90\)" dy=/ {
			match($0, /translate\([0-9.]+,[0-9.]+\)/)
			split(substr($0, RSTART + 10, RLENGTH - 11), xy, ",")
			t = label($0)
			if (xy[2] - 7.2 * length(t) < 0 || xy[1] > w)
				print "column label off the canvas:", t
			if (n_col++ > 0 && xy[1] - last_x < 12)
				print "column labels overlap:", t
			last_x = xy[1]
			labels++
		}
		/^<text x="[0-9.]+" y="[0-9.]+" dy="0.35em" text-anchor="end"/ {
			match($0, /x="[0-9.]+"/)
			x = substr($0, RSTART + 3, RLENGTH - 4) + 0
			match($0, /y="[0-9.]+"/)
			y = substr($0, RSTART + 3, RLENGTH - 4) + 0
			t = label($0)
			if (x - 7.2 * length(t) < 0 || y > h)
				print "row label off the canvas:", t
			if (n_row++ > 0 && y - last_y < 12)
				print "row labels overlap:", t
			last_y = y
			labels++
		}
		function label(s) {
			sub(/<title>.*<\/title>/, "", s)
			sub(/^<text[^>]*>/, "", s)
			sub(/<\/text>$/, "", s)
			return s
		}
		END { print "labels", labels }' "$1"
}

need_xmllint() {
	command -v xmllint >/dev/null ||
	    skip "needs xmllint (Debian: apt-get install libxml2-utils)"
}

@test "azure example: exact pairs split Forrest" {
	azure_conll > azure.conll
	run -0 --separate-stderr bash -c "nerspan azure.conll | nermatch | nermatrix -f long"
	[ "$stderr" = "" ]
	[ "${lines[0]}" = $'gold\tpred\tcount\tpairs' ]
	[ "${lines[1]}" = $'City\tCity\t1\texact' ]
	[ "${lines[2]}" = $'City\tPerson\t1\texact' ]
	[ "${lines[3]}" = $'Person\tPerson\t2\texact' ]
	[ "${lines[4]}" = $'Person\t(missed)\t1\texact' ]
	[ "${lines[5]}" = $'(spurious)\tCity\t1\texact' ]
	[ "${#lines[@]}" -eq 6 ]
}

@test "azure example: overlap pairs as documented" {
	azure_conll > azure.conll
	run -0 --separate-stderr bash -c "nerspan azure.conll | nermatch | nermatrix -f long -p overlap"
	[ "$stderr" = "" ]
	[ "${lines[1]}" = $'City\tCity\t1\toverlap' ]
	[ "${lines[2]}" = $'City\tPerson\t1\toverlap' ]
	[ "${lines[3]}" = $'Person\tCity\t1\toverlap' ]
	[ "${lines[4]}" = $'Person\tPerson\t2\toverlap' ]
	[ "${#lines[@]}" -eq 5 ]
}

@test "azure example: wide TSV names axes and pairs" {
	azure_conll > azure.conll
	run -0 --separate-stderr bash -c "nerspan azure.conll | nermatch | nermatrix"
	[ "$stderr" = "" ]
	[ "${lines[0]}" = $'gold\\pred (exact boundaries; counts)\tCity\tPerson\t(missed)' ]
	[ "${lines[1]}" = $'City\t1\t1\t0' ]
	[ "${lines[2]}" = $'Person\t0\t2\t1' ]
	[ "${lines[3]}" = $'(spurious)\t1\t0\t' ]
	[ "${#lines[@]}" -eq 4 ]
}

@test "azure example: transpose moves missed and spurious" {
	azure_conll > azure.conll
	run -0 --separate-stderr bash -c "nerspan azure.conll | nermatch | nermatrix -t"
	[ "$stderr" = "" ]
	[ "${lines[0]}" = $'pred\\gold (exact boundaries; counts)\tCity\tPerson\t(spurious)' ]
	[ "${lines[1]}" = $'City\t1\t0\t1' ]
	[ "${lines[2]}" = $'Person\t1\t2\t0' ]
	[ "${lines[3]}" = $'(missed)\t0\t1\t' ]
}

@test "azure example: recall view of overlap pairs" {
	azure_conll > azure.conll
	run -0 --separate-stderr bash -c "nerspan azure.conll | nermatch | nermatrix -p overlap -n gold"
	[ "$stderr" = "" ]
	[ "${lines[0]}" = $'gold\\pred (any overlap; share of each gold type)\tCity\tPerson\t(missed)' ]
	[ "${lines[1]}" = $'City\t0.5000\t0.5000\t0.0000' ]
	[ "${lines[2]}" = $'Person\t0.3333\t0.6667\t0.0000' ]
	[ "${lines[3]}" = $'(spurious)\tNA\tNA\t' ]
}

@test "azure example: precision view of overlap pairs" {
	azure_conll > azure.conll
	run -0 --separate-stderr bash -c "nerspan azure.conll | nermatch | nermatrix -p overlap -n pred -f long"
	[ "$stderr" = "" ]
	[ "${lines[0]}" = $'gold\tpred\tpred_share\tpairs' ]
	[ "${lines[1]}" = $'City\tCity\t0.5000\toverlap' ]
	[ "${lines[2]}" = $'City\tPerson\t0.3333\toverlap' ]
	[ "${lines[3]}" = $'Person\tCity\t0.5000\toverlap' ]
	[ "${lines[4]}" = $'Person\tPerson\t0.6667\toverlap' ]
}

@test "azure example: errors view blanks the diagonal" {
	azure_conll > azure.conll
	run -0 --separate-stderr bash -c "nerspan azure.conll | nermatch | nermatrix -e"
	[ "$stderr" = "" ]
	[ "${lines[0]}" = $'gold\\pred (exact boundaries; counts; diagonal blanked)\tCity\tPerson\t(missed)' ]
	[ "${lines[1]}" = $'City\t\t1\t0' ]
	[ "${lines[2]}" = $'Person\t0\t\t1' ]
	run -0 --separate-stderr bash -c "nerspan azure.conll | nermatch | nermatrix -e -f long | cut -f 1-3"
	[ "${lines[1]}" = $'City\tPerson\t1' ]
	[ "${lines[2]}" = $'Person\t(missed)\t1' ]
	[ "${lines[3]}" = $'(spurious)\tCity\t1' ]
	[ "${#lines[@]}" -eq 4 ]
}

@test "azure example: top lists examples and lines" {
	azure_conll > azure.conll
	run -0 --separate-stderr bash -c "nerspan azure.conll | nermatch | nermatrix --top 5"
	[ "$stderr" = "" ]
	[ "${lines[0]}" = $'gold\tpred\tcount\tpairs\tsource\tgold_text\tpred_text' ]
	[ "${lines[1]}" = $'City\tPerson\t1\texact\tazure.conll:19\tFrederick\tFrederick' ]
	[ "${lines[2]}" = $'Person\t(missed)\t1\texact\tazure.conll:31\tForrest Ray\tForrest' ]
	[ "${lines[3]}" = $'(spurious)\tCity\t1\texact\tazure.conll:31\tForrest Ray\tForrest' ]
	[ "${#lines[@]}" -eq 4 ]
}

@test "top: most frequent first, limited to N" {
	matches "$DATA/wnut17/uh_ritual.conll" > m.tsv
	run -0 --separate-stderr nermatrix --top 3 m.tsv
	[ "$stderr" = "" ]
	[ "$(printf '%s\n' "${lines[@]:1}" | cut -f 1-3 | tr '\t' ' ')" = "person (missed) 201
group (missed) 118
creative-work (missed) 112" ]
	[ "${#lines[@]}" -eq 4 ]
}

@test "top: a true miss is the example of a miss" {
	matches "$DATA/wnut17/uh_ritual.conll" > m.tsv
	run -0 --separate-stderr nermatrix --top 1 m.tsv
	[ "${lines[1]}" = $'person\t(missed)\t201\texact\t'"$DATA"$'/wnut17/uh_ritual.conll:638\tBhangra\t' ]
	grep -n . "$DATA/wnut17/uh_ritual.conll" | grep -q '^638:Bhangra B-person O$'
}

@test "top: count records are rejected" {
	printf 'doc\tsent\tclass\tgold_type\tpred_type\tcount\n\t\tmissed\tPER\t\t3\n#end\t1\n' > c.tsv
	run -2 --separate-stderr nermatrix --top 3 c.tsv
	[ "$output" = "" ]
	[ "$stderr" = "nermatrix: c.tsv:1: --top needs match records (the output of nermatch), but this is a count stream, which has no entity text or source lines" ]
}

@test "top: svg and normalize are rejected" {
	run -2 --separate-stderr nermatrix --top 3 -f svg /dev/null
	[ "$stderr" = "nermatrix: --top writes a list, not a matrix: use -f tsv or -f table, or drop --top for the SVG heatmap" ]
	run -2 --separate-stderr nermatrix --top 3 -n gold /dev/null
	[ "$stderr" = "nermatrix: --top lists counts: drop --normalize" ]
}

@test "identities: WNUT-17 sample against nerscore" {
	check_identities "$DATA/wnut17/uh_ritual.conll"
}

@test "identities: every WNUT-17 team against nerscore" {
	need_shared
	local n=0
	for f in "$SHARED"/data/wnut17/joined/*.gold-pred.txt; do
		check_identities "$f"
		n=$((n + 1))
	done
	[ "$n" -eq 7 ]
}

@test "identities: GermEval 2014 systems against nerscore" {
	need_shared
	for f in "$SHARED"/data/germeval2014/joined/*.gold-pred.txt; do
		check_identities "$f"
	done
}

@test "transpose: wide TSV is the transposed matrix" {
	matches "$DATA/wnut17/uh_ritual.conll" > m.tsv
	nermatrix m.tsv | tail -n +2 | cut -f 2- > plain
	nermatrix -t m.tsv | tail -n +2 | cut -f 2- > turned
	awk -F '\t' '{ for (i = 1; i <= NF; i++) c[i] = c[i] (NR > 1 ? "\t" : "") $i; n = NF }
		END { for (i = 1; i <= n; i++) print c[i] }' turned > back
	cmp plain back
}

@test "long format: non-zero cells of the wide matrix" {
	matches "$DATA/wnut17/uh_ritual.conll" > m.tsv
	nermatrix m.tsv | awk -F '\t' 'NR == 1 { for (i = 2; i <= NF; i++) c[i] = $i; next }
		{ for (i = 2; i <= NF; i++) if ($i != "" && $i != 0) print $1 "\t" c[i] "\t" $i "\texact" }' > from-wide
	nermatrix -f long m.tsv | tail -n +2 > long
	cmp from-wide long
	[ "$(wc -l < long)" -eq 41 ]
}

@test "normalize gold: each gold row sums to 1" {
	matches "$DATA/wnut17/uh_ritual.conll" > m.tsv
	run -0 bash -c "nermatrix -n gold --digits 17 m.tsv | awk -F '\t' 'NR > 1 { s = 0; for (i = 2; i <= NF; i++) s += \$i; printf \"%.9f\n\", s }' | sort -u"
	[ "$output" = "1.000000000" ]
}

@test "normalize pred: each predicted column sums to 1" {
	matches "$DATA/wnut17/uh_ritual.conll" > m.tsv
	run -0 bash -c "nermatrix -n pred --digits 17 m.tsv | awk -F '\t' 'NR > 1 { for (i = 2; i <= NF; i++) s[i] += \$i; n = NF } END { for (i = 2; i <= n; i++) printf \"%.9f\n\", s[i] }' | sort -u"
	[ "$output" = "1.000000000" ]
}

@test "count records: same matrix as match records" {
	matches "$DATA/wnut17/uh_ritual.conll" > m.tsv
	awk -F '\t' 'NR == 1 { print "doc\tsent\tclass\tgold_type\tpred_type\tcount"; next }
		/^#/ { next }
		{ n[$3 "\t" $4 "\t" $5]++ }
		END { for (k in n) { print "\t\t" k "\t" n[k]; lines++ } print "#end\t" lines }' m.tsv > c.tsv
	nermatrix m.tsv > from-matches
	nermatrix c.tsv > from-counts
	cmp from-matches from-counts
	nermatrix -p overlap m.tsv > from-matches
	nermatrix -p overlap c.tsv > from-counts
	cmp from-matches from-counts
}

@test "table: heading names axes, pairs and values" {
	azure_conll > azure.conll
	run -0 --separate-stderr bash -c "nerspan azure.conll | nermatch | nermatrix -f table"
	[ "$stderr" = "" ]
	[ "${lines[0]}" = "rows: gold type; columns: predicted type; pairs: exact boundaries (a boundary error counts as missed plus spurious)" ]
	[ "${lines[1]}" = "values: counts" ]
	[ "${lines[2]}" = "gold\\pred   City  Person  (missed)" ]
	[ "${lines[3]}" = "City           1       1         0" ]
	[ "${lines[4]}" = "Person         0       2         1" ]
	[ "${lines[5]}" = "(spurious)     1       0          " ]
}

@test "table: no colour unless asked or a terminal" {
	matches "$DATA/wnut17/uh_ritual.conll" > m.tsv
	run -0 nermatrix -f table m.tsv
	[[ "$output" != *$'\033'* ]]
	run -0 nermatrix -f table --color=always m.tsv
	[[ "$output" == *$'\033[48;5;'* ]]
	[[ "${lines[-1]}" == "shades, each up to:"* ]]
	NO_COLOR=1 run -0 nermatrix -f table --color=always m.tsv
	[[ "$output" == *$'\033[48;5;'* ]]
}

@test "table: auto colour follows the terminal and NO_COLOR" {
	command -v script >/dev/null || skip "needs script(1) from util-linux"
	matches "$DATA/wnut17/uh_ritual.conll" > m.tsv
	run -0 script -qec "nermatrix -f table m.tsv" /dev/null
	[[ "$output" == *$'\033[48;5;'* ]]
	run -0 env NO_COLOR=1 script -qec "nermatrix -f table m.tsv" /dev/null
	[[ "$output" != *$'\033'* ]]
	run -0 script -qec "nermatrix -f table --color=never m.tsv" /dev/null
	[[ "$output" != *$'\033'* ]]
}

@test "table: UTF-8 names align by columns" {
	printf 'a\tB-Straße\tB-Straße\nb\tB-人名\tO\n' > u.conll
	run -0 --separate-stderr bash -c "nerspan u.conll | nermatch | nermatrix -f table | tail -n 3"
	# Label column 10 wide ("(spurious)"), then per column a space, a
	# shaded space and the value right-aligned to the label's width.
	[ "${lines[0]}" = "Straße$(printf '%11s' '')1$(printf '%5s' '')0$(printf '%9s' '')0" ]
	[ "${lines[1]}" = "人名$(printf '%13s' '')0$(printf '%5s' '')0$(printf '%9s' '')1" ]
}

@test "svg: GermEval 2014 system is well-formed XML" {
	need_shared
	need_xmllint
	f=$SHARED/data/germeval2014/joined/lstm_trained_with_conll_tested_on_germeval.gold-pred.txt
	matches "$f" | nermatrix -f svg > g.svg
	run -0 --separate-stderr xmllint --noout g.svg
	[ "$stderr" = "" ]
	for t in LOC LOCderiv LOCpart MISC ORG ORGderiv ORGpart OTH OTHderiv OTHpart PER PERderiv PERpart; do
		[ "$(grep -c ">$t</text>" g.svg)" -eq 2 ]
	done
	grep -q '>gold type</text>' g.svg
	grep -q '>predicted type</text>' g.svg
	grep -q '>pairs: exact boundaries' g.svg
	run -0 svg_fits g.svg
	[ "$output" = "labels 28" ]
}

@test "svg: special characters and bad UTF-8 escaped" {
	need_xmllint
	printf 'a\tB-R&D <x> "q" '"'"'s'"'"'\tB-R&D <x> "q" '"'"'s'"'"'\nb\tB-\377bad\tO\n' > s.conll
	matches s.conll | nermatrix -f svg > s.svg
	run -0 --separate-stderr xmllint --noout s.svg
	[ "$stderr" = "" ]
	grep -q '>R&amp;D &lt;x&gt; &quot;q&quot; &apos;s&apos;</text>' s.svg
	grep -q $'>\xef\xbf\xbdbad</text>' s.svg
}

@test "svg: 30 long type names fit the canvas" {
	need_xmllint
	awk 'BEGIN {
		for (i = 0; i < 30; i++) {
			t = sprintf("organisation-government-agency-number-%02d", i)
			if (i == 3) t = "a-type-name-far-longer-than-forty-columns-of-text-" i
			printf "w%d\tB-%s\tB-%s\n\n", i, t, t
			printf "v%d\tB-%s\tO\n\n", i, t
		}
	}' > long.conll
	matches long.conll | nermatrix -f svg > long.svg
	run -0 --separate-stderr xmllint --noout long.svg
	[ "$(grep -c '>organisation-government-agency-number-[0-9][0-9]</text>' long.svg)" -eq 58 ]
	grep -q '<title>a-type-name-far-longer-than-forty-columns-of-text-3</title>a-type-name-far-longer-than-forty-colum…</text>' long.svg
	run -0 svg_fits long.svg
	[ "$output" = "labels 62" ]
}

@test "svg: no scripts or external references" {
	matches "$DATA/wnut17/uh_ritual.conll" | nermatrix -f svg > u.svg
	run -1 grep -Ei '<script|href=|@import|url\(http|@font-face' u.svg
}

@test "wide formats: too many types point to long" {
	awk 'BEGIN { print "doc\tsent\tclass\tgold_type\tpred_type\tcount"
		for (i = 0; i < 1000000; i++) printf "\t\tmissed\tT%d\t\t1\n", i
		print "#end\t1000000" }' > million.tsv
	run -1 --separate-stderr nermatrix million.tsv
	no_crash
	[ "$output" = "" ]
	[ "$stderr" = "nermatrix: the input has 1000000 types, so the tsv format would print a 1000001 x 1000001 matrix, more than --max-types=500 allows: use -f long, which lists only the non-zero cells, or raise --max-types" ]
	run -0 --separate-stderr bash -c "nermatrix -f long million.tsv | wc -l"
	[ "$output" = "1000001" ]
}

@test "max-types: a raised limit prints the matrix" {
	awk 'BEGIN { print "doc\tsent\tclass\tgold_type\tpred_type\tcount"
		for (i = 0; i < 3; i++) printf "\t\texact\tT%d\tT%d\t1\n", i, i
		print "#end\t3" }' > three.tsv
	run -1 --separate-stderr nermatrix --max-types 2 -f table three.tsv
	[[ "$stderr" == *"the table format would print a 4 x 4 matrix"* ]]
	run -0 --separate-stderr nermatrix --max-types 3 three.tsv
	[ "${#lines[@]}" -eq 5 ]
}

@test "empty match stream: only missed and spurious" {
	printf 'doc\tsent\tclass\tgold_type\tpred_type\tgold_start\tgold_end\tpred_start\tpred_end\tsource\tgold_text\tpred_text\n#end\t0\n' > e.tsv
	run -0 --separate-stderr nermatrix e.tsv
	[ "${lines[0]}" = $'gold\\pred (exact boundaries; counts)\t(missed)' ]
	[ "${lines[1]}" = $'(spurious)\t' ]
	run -0 --separate-stderr nermatrix -f svg e.tsv
	[[ "${lines[-1]}" = "</svg>" ]]
}

@test "empty type: labelled (empty) in the table" {
	printf 'a\tB\tB\n' > b.conll
	run -0 --separate-stderr bash -c "nerspan b.conll | nermatch | nermatrix -f table | tail -n 2"
	[ "${lines[0]}" = "(empty)$(printf '%11s' '')1$(printf '%9s' '')0" ]
}

@test "span stream: rejected with the next step" {
	printf 'a\tB-PER\tB-PER\n' > a.conll
	nerspan a.conll > spans.tsv
	run -1 --separate-stderr nermatrix spans.tsv
	[ "$stderr" = "nermatrix: spans.tsv:1: this is a span stream, expected a match stream (the output of nermatch) or a count stream (the output of nerscore --counts); run it through nermatch first" ]
}

@test "missing file: error and no output" {
	run -1 --separate-stderr nermatrix no-such-file
	[ "$output" = "" ]
	[ "$stderr" = "nermatrix: no-such-file: No such file or directory" ]
}

@test "incomplete input: no matrix" {
	printf 'doc\tsent\tclass\tgold_type\tpred_type\tcount\n#incomplete\tnerspan: x.conll: No such file or directory\n#end\t1\n' > i.tsv
	run -1 --separate-stderr nermatrix i.tsv
	[ "$output" = "" ]
	[ "$stderr" = "nermatrix: i.tsv: the input is incomplete, so no matrix is printed: nerspan: x.conll: No such file or directory" ]
}

@test "write error: /dev/full is reported" {
	matches "$DATA/wnut17/uh_ritual.conll" > m.tsv
	run -1 --separate-stderr bash -c "nermatrix -f svg m.tsv > /dev/full"
	[[ "$stderr" == "nermatrix: write error: "* ]]
}

@test "options: invalid values are usage errors" {
	run -2 --separate-stderr nermatrix -f csv
	[ "$stderr" = "nermatrix: invalid format 'csv': expected tsv, long, table or svg" ]
	run -2 --separate-stderr nermatrix -p fuzzy
	[ "$stderr" = "nermatrix: invalid --pairs 'fuzzy': expected exact or overlap" ]
	run -2 --separate-stderr nermatrix -n row
	[ "$stderr" = "nermatrix: invalid --normalize 'row': expected none, gold or pred" ]
	run -2 --separate-stderr nermatrix --color=sometimes
	[ "$stderr" = "nermatrix: invalid --color 'sometimes': expected auto, always or never" ]
	run -2 --separate-stderr nermatrix --top 0
	[[ "$stderr" == "nermatrix: invalid --top '0': expected a whole number from 1 to "* ]]
	run -2 --separate-stderr nermatrix --digits 18
	[ "$stderr" = "nermatrix: invalid --digits '18': expected a whole number from 0 to 17" ]
	run -2 --separate-stderr nermatrix --max-types=-1
	[ "$stderr" = "nermatrix: invalid --max-types '-1': expected a whole number from 1 to 4294967295" ]
	run -2 --separate-stderr nermatrix --bogus
	[[ "$stderr" == *"usage: nermatrix"* ]]
}

@test "help: every option is in help and man page" {
	run -0 --separate-stderr nermatrix --help
	[ "${lines[0]}" = "usage: nermatrix [-et] [-f format] [-n none|gold|pred] [-p exact|overlap]" ]
	for o in color digits errors format help max-types normalize pairs top transpose version; do
		[[ "$output" == *"--$o"* ]]
		grep -q "^\.It .*Fl -$o" "$TOP/man/nermatrix.1"
	done
}

@test "man page: mandoc lint is silent" {
	command -v mandoc >/dev/null || skip "needs mandoc"
	run -0 --separate-stderr mandoc -Tlint -W warning "$TOP/man/nermatrix.1"
	[ "$output" = "" ]
	[ "$stderr" = "" ]
}

@test "man page examples run" {
	cp "$DATA/wnut17/uh_ritual.conll" test.conll
	nerspan test.conll | nermatch > matches.tsv
	run -0 bash -c "nerspan test.conll | nermatch | nermatrix -f table"
	[ "${#lines[@]}" -eq 10 ]
	run -0 bash -c "nerspan test.conll | nermatch | nermatrix -f svg > matrix.svg"
	[ "$(tail -n 1 matrix.svg)" = "</svg>" ]
	run -0 bash -c "nerspan test.conll | nermatch | nermatrix --top 10 -f table"
	[ "${#lines[@]}" -eq 12 ]
	run -0 bash -c "nerspan test.conll | nermatch | nermatrix -f long -e"
	[ "${#lines[@]}" -eq 36 ]
	run -0 bash -c "nermatrix -f long matches.tsv | sort -t \"\$(printf '\t')\" -k 3,3nr | head -5"
	[ "${lines[0]}" = $'person\tperson\t215\texact' ]
	[ "${lines[1]}" = $'person\t(missed)\t201\texact' ]
	run -0 nermatrix -n gold -e -f table matches.tsv
	[ "${lines[1]}" = "values: share of each gold type (each row sums to 1); diagonal blanked" ]
}

@test "shards: two inputs add up to one run" {
	head -n 12047 "$DATA/wnut17/uh_ritual.conll" > a.conll
	tail -n +12048 "$DATA/wnut17/uh_ritual.conll" > b.conll
	[ "$(sed -n 12047p a.conll)" = "" ]
	nerspan a.conll | nermatch > a.tsv
	nerspan b.conll | nermatch > b.tsv
	nerspan a.conll b.conll | nermatch > ab.tsv
	nermatrix -f long ab.tsv > whole
	nermatrix -f long a.tsv b.tsv > two-files
	cmp whole two-files
	cat a.tsv b.tsv | nermatrix -f long > concatenated
	cmp whole concatenated
}

@test "readme example: top three confusions" {
	cd "$TOP"
	run -0 --separate-stderr bash -c "nerspan tests/data/wnut17/uh_ritual.conll | nermatch | nermatrix --top 3 | cut -f 1-3,5-6"
	[ "${lines[0]}" = $'gold\tpred\tcount\tsource\tgold_text' ]
	[ "${lines[1]}" = $'person\t(missed)\t201\ttests/data/wnut17/uh_ritual.conll:638\tBhangra' ]
	[ "${lines[2]}" = $'group\t(missed)\t118\ttests/data/wnut17/uh_ritual.conll:141\tART' ]
	[ "${lines[3]}" = $'creative-work\t(missed)\t112\ttests/data/wnut17/uh_ritual.conll:255\tWhat Else is Making News' ]
	sed -n 141p tests/data/wnut17/uh_ritual.conll | grep -qx 'ART B-group O'
	sed -n 255p tests/data/wnut17/uh_ritual.conll | grep -qx 'What B-creative-work O'
}
