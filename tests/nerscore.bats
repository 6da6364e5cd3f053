#!/usr/bin/env bats
# nerscore: scores, count records, layouts and the explanation.  Expected
# values are worked out by hand in the comments, or taken from seqeval,
# nervaluate or conlleval.pl output checked against a second scorer.

load helper

# Print "scope P R F" of the non-type rows of nerscore's TSV on stdin.
averages() {
	awk -F '\t' 'NR > 1 && $2 != "type" { print $2, $9, $10, $11 }'
}

# Print field N of the row whose scope (field 2) is S, from TSV on stdin.
tsv_field() {
	awk -F '\t' -v s="$1" -v n="$2" '$2 == s { print $n }'
}

# Print per-sentence MUC categories from a sentence count stream on stdin:
# the sentence number, then correct, incorrect, partial, missed and
# spurious under strict, exact, partial and type (SemEval-2013 Task 9.1),
# for every sentence with an entity; the layout of the nervaluate pins.
muc_per_sentence() {
	awk -F '\t' '
	BEGIN {
		split("strict exact partial type", mode, " ")
		split("exact wrong-type wrong-bounds wrong-both", cls, " ")
		split("c i i i  c c i i  c c p p  c i c i", k, " ")
		for (m = 1; m <= 4; m++)
			for (c = 1; c <= 4; c++)
				cat[mode[m], cls[c]] = k[(m - 1) * 4 + c]
		split("c i p m s", order, " ")
	}
	function flush(   m, j, line) {
		if (!any)
			return
		line = sent
		for (m = 1; m <= 4; m++)
			for (j = 1; j <= 5; j++)
				line = line " " (n[mode[m], order[j]] + 0)
		print line
		delete n
		any = 0
	}
	NR == 1 || /^#/ { next }
	$2 != sent { flush(); sent = $2 }
	$3 == "units" || $3 == "tokens" || $3 == "tokens-correct" { next }
	{
		any = 1
		for (m = 1; m <= 4; m++) {
			c = $3 == "missed" ? "m" : $3 == "spurious" ? "s" : \
			    cat[mode[m], $3]
			n[mode[m], c] += $6
		}
	}
	END { flush() }'
}

# Sum columns 2 to 21 of per-sentence lines on stdin.
column_sums() {
	awk '{ for (i = 2; i <= 21; i++) s[i] += $i }
	    END { for (i = 2; i <= 21; i++) printf "%d%s", s[i], i < 21 ? " " : "\n" }'
}

# Write the worked example of the Azure AI Language custom NER evaluation
# metrics page: five predictions over three sentences of a contract.
azure_conll() {
	{
		printf '%s O O\n' The first party of this contract is
		printf 'John B-Person B-Person\nSmith I-Person I-Person\n'
		printf '%s O O\n' , resident of 5678 Main Rd. , City of
		printf 'Frederick B-City B-Person\n'
		printf '%s O O\n' , state of Nebraska .
		printf '\n'
		printf '%s O O\n' And the second party is
		printf 'Forrest B-Person B-City\nRay I-Person O\n'
		printf '%s O O\n' , resident of 123-345 Integer Rd. , City of \
		    Corona , state of New Mexico .
		printf '\n'
		printf '%s O O\n' There is also
		printf 'Fannie B-Person B-Person\nThomas I-Person I-Person\n'
		printf '%s O O\n' resident of 7890 River Road , city of
		printf 'Colorado B-City B-City\nSprings I-City I-City\n'
		printf '%s O O\n' , State of Colorado .
	} > azure.conll
}

# One sentence: X right, X missed, X labelled Y, Y right, Y spurious.
explain_conll() {
	printf '%s\n' 'A B-X B-X' 'b O O' 'C B-X O' 'd O O' 'E B-X B-Y' \
	    'f O O' 'G B-Y B-Y' 'h O O' 'I O B-Y' > ex.conll
}

# Split CoNLL file $1 into 10 shards at sentence boundaries.
shard10() {
	local n
	n=$(awk 'BEGIN { RS = "" } END { print NR }' "$1")
	awk -v n="$n" 'BEGIN { RS = ""; ORS = "\n\n" }
		{ print > sprintf("shard%02d.conll", int((NR - 1) * 10 / n)) }' "$1"
}

# Count records of every shard at grain $1, one after another.
shard_counts() {
	local s
	for s in shard*.conll; do
		nerspan "$s" | nermatch | nerscore --counts="$1" || return 1
	done
}

# Compare every layout of a single run on $1 with the merged shard counts.
check_shards() {
	local grain fmt mode
	shard10 "$1"
	nerspan "$1" | nermatch > one.matches
	for grain in total doc sent; do
		shard_counts "$grain" > "all.$grain"
	done
	for fmt in tsv table markdown json conlleval latex; do
		mode=all
		[ "$fmt" = conlleval ] || [ "$fmt" = latex ] && mode=strict
		nerscore -f "$fmt" -m "$mode" < one.matches > "one.$fmt"
		for grain in total doc sent; do
			nerscore -f "$fmt" -m "$mode" < "all.$grain" > got
			cmp got "one.$fmt"
		done
	done
	for fmt in tsv table; do
		nermatrix -f "$fmt" < one.matches > "one.matrix.$fmt"
		for grain in total doc sent; do
			nermatrix -f "$fmt" < "all.$grain" | cmp - "one.matrix.$fmt"
		done
	done
	nerscore -m all --muc < one.matches > one.muc
	nerscore -m all --muc < all.sent | cmp - one.muc
	nerscore --explain -m all < one.matches > one.explain
	nerscore --explain -m all < all.doc | cmp - one.explain
}

@test "case C15: micro P R F1" {
	run -0 --separate-stderr score "$DATA/cases/C15.conll"
	[ "$stderr" = "" ]
	[ "$(tsv_field micro 9 <<< "$output")" = "0.6000" ]
	[ "$(tsv_field micro 10 <<< "$output")" = "0.7500" ]
	[ "$(tsv_field micro 11 <<< "$output")" = "0.6667" ]
}

@test "case C15: macro over all types" {
	# PER 1, LOC 0, ORG 0 (no gold: recall 0/0 counts as 0)
	run -0 score "$DATA/cases/C15.conll"
	[ "$(averages <<< "$output" | grep '^macro ')" = "macro 0.3333 0.3333 0.3333" ]
}

@test "case C15: macro over gold types" {
	# PER 1 and LOC 0; ORG has no gold entity
	run -0 score "$DATA/cases/C15.conll" --macro=gold
	[ "$(averages <<< "$output" | grep '^macro-gold ')" = "macro-gold 0.5000 0.5000 0.5000" ]
}

@test "case C15: weighted by gold count" {
	# (3 * 1 + 1 * 0 + 0 * 0) / 4
	run -0 score "$DATA/cases/C15.conll"
	[ "$(averages <<< "$output" | grep '^weighted ')" = "weighted 0.7500 0.7500 0.7500" ]
}

@test "case C15: micro of all four modes" {
	# New Town predicted as New: incorrect in strict and exact, half
	# credit in partial (3.5 of 5 and 4), correct in type (4 of 5 and 4)
	run -0 bash -c "nerspan $DATA/cases/C15.conll | nermatch | nerscore -m all | awk -F '\t' '\$2 == \"micro\" { print \$1, \$4, \$9, \$10, \$11 }'"
	[ "${lines[0]}" = "strict 3 0.6000 0.7500 0.6667" ]
	[ "${lines[1]}" = "exact 3 0.6000 0.7500 0.6667" ]
	[ "${lines[2]}" = "partial 3.5 0.7000 0.8750 0.7778" ]
	[ "${lines[3]}" = "type 4 0.8000 1.0000 0.8889" ]
	[ "${#lines[@]}" -eq 4 ]
}

@test "case C15: MUC columns in strict mode" {
	run -0 score "$DATA/cases/C15.conll" --muc
	[ "$(head -1 <<< "$output" | cut -f 12-)" = "$(printf 'correct\tincorrect\tpartial\tmissed\tspurious')" ]
	[ "$(awk -F '\t' '$3 == "LOC" { print $12, $13, $14, $15, $16 }' <<< "$output")" = "0 1 0 0 0" ]
	[ "$(awk -F '\t' '$3 == "ORG" { print $12, $13, $14, $15, $16 }' <<< "$output")" = "0 0 0 0 1" ]
	[ "$(awk -F '\t' '$2 == "micro" { print $12, $13, $14, $15, $16 }' <<< "$output")" = "3 1 0 0 1" ]
}

@test "case C17: partial mode credit" {
	# Beta Corp Gamma Delta overlaps both ORG entities: one partial pair,
	# one missed; Kim is correct.  P = 1.5 / 2, R = 1.5 / 3
	run -0 score "$DATA/cases/C17.conll" -m partial --muc
	[ "$(awk -F '\t' '$2 == "micro" { print $4, $9, $10, $11 }' <<< "$output")" = "1.5 0.7500 0.5000 0.6000" ]
	[ "$(awk -F '\t' '$2 == "micro" { print $12, $13, $14, $15, $16 }' <<< "$output")" = "1 0 1 1 0" ]
}

@test "case C17: cross-type pairs per type" {
	# strict: in the type rows a pair of two types is missed plus spurious
	printf 'a B-X B-Y\nb O O\n' > cross.conll
	run -0 score cross.conll --muc
	[ "$(awk -F '\t' '$3 == "X" { print $4, $5, $6, $15, $16 }' <<< "$output")" = "0 0 1 1 0" ]
	[ "$(awk -F '\t' '$3 == "Y" { print $4, $5, $6, $15, $16 }' <<< "$output")" = "0 1 0 0 1" ]
	[ "$(awk -F '\t' '$2 == "micro" { print $12, $13, $15, $16 }' <<< "$output")" = "0 1 0 0" ]
}

@test "Azure example: per-type counts" {
	# Person: John Smith, Fannie Thomas right; Frederick (a City) wrong;
	# Forrest Ray missed.  City: Colorado Springs right; Forrest wrong;
	# Frederick missed.
	azure_conll
	run -0 bash -c "nerspan azure.conll | nermatch | nerscore | case_layout"
	[ "${lines[0]}" = "City 1 1 1" ]
	[ "${lines[1]}" = "Person 2 1 1" ]
	[ "${lines[2]}" = "overall 0.6000 0.6000 0.6000" ]
	[ "${#lines[@]}" -eq 3 ]
}

@test "Azure example: explain thresholds" {
	# Person 2 of 3 both ways, City 1 of 2; correcting Frederick gives
	# City 4 of 5 both ways, F1 0.8: a rise of 0.2, as for Forrest Ray
	azure_conll
	nerspan azure.conll | nermatch > m
	run -0 nerscore --explain --high-precision=0.6 --high-recall=0.6 m
	[ "${lines[2]}" = "  Precision and recall are both low: the model misses many City entities, and many of its City predictions are wrong." ]
	[ "${lines[6]}" = "  Precision and recall are both high: the model handles Person well." ]
	[[ "$output" == *"  City     +0.2000 (0 missed, 1 paired wrongly, 0 spurious)"* ]]
	[[ "$output" == *"  Person   +0.2000 (0 missed, 1 paired wrongly, 0 spurious)"* ]]
}

@test "explain: precision high, recall low" {
	# X: 1 of 1 prediction right, 1 of 3 entities found
	explain_conll
	run -0 --separate-stderr bash -c "nerspan ex.conll | nermatch | nerscore --explain"
	[ "$stderr" = "" ]
	[ "${lines[1]}" = "X: precision 1.0000, recall 0.3333 (gold 3, predicted 1)." ]
	[ "${lines[2]}" = "  Precision is high and recall low: when the model predicts X it is right, but it misses X entities; more labelled examples of X would help." ]
	[ "${lines[3]}" = "  Predictions of X (1): 1 correct." ]
	[ "${lines[4]}" = "  Gold X entities (3): 1 found, 1 gets no prediction at all, 1 is labelled as another type (Y 1)." ]
}

@test "explain: precision low, recall high" {
	# Y: 1 of 3 predictions right (one spurious, one an X entity)
	explain_conll
	run -0 bash -c "nerspan ex.conll | nermatch | nerscore --explain"
	[ "${lines[5]}" = "Y: precision 0.3333, recall 1.0000 (gold 1, predicted 3)." ]
	[ "${lines[6]}" = "  Precision is low and recall high: the model finds most Y entities, but many of its Y predictions are wrong." ]
	[ "${lines[7]}" = "  Predictions of Y (3): 1 correct, 1 matches no gold entity, 1 is a gold entity of another type (X 1)." ]
	[ "${lines[8]}" = "  Gold Y entities (1): 1 found." ]
}

@test "explain: confusions and F1 rise" {
	# micro tp 2, gold 4, pred 4: F1 0.5.  Correcting X: tp 4, pred 5,
	# F1 8/9.  Correcting Y (drop I): tp 2, pred 3, F1 4/7.
	explain_conll
	run -0 bash -c "nerspan ex.conll | nermatch | nerscore --explain"
	[ "${lines[9]}" = "Most frequent confusions, gold type labelled as another (pairs of two types in all: 1):" ]
	[ "${lines[10]}" = "  X labelled Y: 1 (1 with the same boundaries)" ]
	[ "${lines[11]}" = "Rise of micro f1 (now 0.5000) if every error of one type were corrected, largest first:" ]
	[ "${lines[12]}" = "  X        +0.3889 (1 missed, 1 paired wrongly, 0 spurious)" ]
	[ "${lines[13]}" = "  Y        +0.0714 (0 missed, 0 paired wrongly, 1 spurious)" ]
}

@test "explain: type never predicted" {
	printf 'a B-X O\n' > never.conll
	run -0 bash -c "nerspan never.conll | nermatch | nerscore --explain"
	[ "${lines[2]}" = "  The model never predicts X, so it misses every X entity; more labelled examples of X would help." ]
}

@test "explain: -f is a usage error" {
	run -2 --separate-stderr nerscore --explain -f json /dev/null
	[ "$output" = "" ]
	[ "$stderr" = "nerscore: --explain writes plain text; drop -f" ]
}

@test "explain: --top limits the lists" {
	# counted from the match records: pairs of two types per type pair
	nerspan "$DATA/wnut17/uh_ritual.conll" | nermatch > m
	want=$(awk -F '\t' '$3 == "wrong-type" || $3 == "wrong-both" {
		k = $4 " labelled " $5; n[k]++; if ($3 == "wrong-type") same[k]++ }
		END { for (k in n) printf "%d %d %s\n", n[k], same[k], k }' m |
	    sort -k 1,1nr -k 3 | head -2 |
	    awk '{ printf "  %s %s %s: %d (%d with the same boundaries)\n", $3, $4, $5, $1, $2 }')
	run -0 nerscore --explain --top=2 m
	[ "$(grep -A 2 '^Most frequent confusions' <<< "$output" | tail -2)" = "$want" ]
	# corporation predictions on gold entities of other types, counted
	# from the match records: product 11, person 4, creative-work 3,
	# location 3, group 2
	[[ "$output" == *"23 are gold entities of other types (product 11, person 4, and 3 more types)."* ]]
}

@test "explain: --top without --explain" {
	run -2 --separate-stderr nerscore --top=3 /dev/null
	[ "$output" = "" ]
	[ "$stderr" = "nerscore: --top only works with --explain; add --explain or drop --top" ]
}

@test "beta 2: column f2 and its value" {
	# 5 * 0.6 * 0.75 / (4 * 0.6 + 0.75) = 2.25 / 3.15
	run -0 score "$DATA/cases/C15.conll" --beta=2
	[ "$(head -1 <<< "$output" | cut -f 11)" = "f2" ]
	[ "$(tsv_field micro 11 <<< "$output")" = "0.7143" ]
}

@test "beta 0.5: column f0.5 and its value" {
	# 1.25 * 0.6 * 0.75 / (0.25 * 0.6 + 0.75) = 0.5625 / 0.9
	run -0 score "$DATA/cases/C15.conll" --beta=0.5
	[ "$(head -1 <<< "$output" | cut -f 11)" = "f0.5" ]
	[ "$(tsv_field micro 11 <<< "$output")" = "0.6250" ]
}

@test "beta: out of range is a usage error" {
	run -2 --separate-stderr nerscore --beta=0 /dev/null
	[ "$output" = "" ]
	[ "$stderr" = "nerscore: invalid beta '0': expected a number from 1e-06 to 1e+06" ]
}

@test "zero-division 0: ORG recall 0" {
	run -0 score "$DATA/cases/C15.conll" --zero-division=0
	[ "$(awk -F '\t' '$3 == "ORG" { print $9, $10, $11 }' <<< "$output")" = "0.0000 0.0000 0.0000" ]
	[ "$(tsv_field macro 10 <<< "$output")" = "0.3333" ]
}

@test "zero-division 1: ORG recall 1" {
	# macro recall (1 + 0 + 1) / 3; F1 of ORG stays 0: 2 tp / (gold + pred)
	run -0 score "$DATA/cases/C15.conll" --zero-division=1
	[ "$(awk -F '\t' '$3 == "ORG" { print $9, $10, $11 }' <<< "$output")" = "0.0000 1.0000 0.0000" ]
	[ "$(tsv_field macro 10 <<< "$output")" = "0.6667" ]
	[ "$(tsv_field macro 11 <<< "$output")" = "0.3333" ]
}

@test "zero-division NA: left out of means" {
	# macro recall (1 + 0) / 2: ORG's NA is left out
	run -0 score "$DATA/cases/C15.conll" --zero-division=NA
	[ "$(awk -F '\t' '$3 == "ORG" { print $9, $10, $11 }' <<< "$output")" = "0.0000 NA 0.0000" ]
	[ "$(tsv_field macro 10 <<< "$output")" = "0.5000" ]
}

@test "zero-division NA: no gold at all" {
	# case C10: 3 predictions, no gold entity
	run -0 score "$DATA/cases/C10.conll" --zero-division=NA
	[ "$(averages <<< "$output" | grep '^micro ')" = "micro 0.0000 NA 0.0000" ]
	# scikit-learn 1.2.1: with no gold and some predictions, weighted P and
	# F are 0 and R is the zero-division value.
	[ "$(averages <<< "$output" | grep '^weighted ')" = "weighted 0.0000 NA 0.0000" ]
}

@test "zero-division: invalid value is a usage error" {
	run -2 --separate-stderr nerscore --zero-division=2 /dev/null
	[ "$stderr" = "nerscore: invalid --zero-division '2': expected 0, 1 or NA" ]
}

@test "digits 2 and 0" {
	run -0 score "$DATA/cases/C15.conll" --digits=2
	[ "$(averages <<< "$output" | grep '^micro ')" = "micro 0.60 0.75 0.67" ]
	run -0 score "$DATA/cases/C15.conll" --digits=0
	[ "$(averages <<< "$output" | grep '^micro ')" = "micro 1 1 1" ]
}

@test "digits: 18 is a usage error" {
	run -2 --separate-stderr nerscore --digits=18 /dev/null
	[ "$output" = "" ]
	[ "$stderr" = "nerscore: invalid digits '18': expected a number from 0 to 17" ]
}

@test "digits: fraction is a usage error" {
	run -2 --separate-stderr nerscore --digits=1.5 /dev/null
	[ "$stderr" = "nerscore: invalid digits '1.5': expected a whole number from 0 to 17" ]
}

@test "format: unknown name is a usage error" {
	run -2 --separate-stderr nerscore -f xml /dev/null
	[ "$stderr" = "nerscore: invalid format 'xml': expected tsv, table, markdown, json, conlleval or latex" ]
}

@test "format table: notes say mode, macro, beta, policy" {
	run -0 score "$DATA/cases/C15.conll" -f table --macro=gold --beta=2 --zero-division=NA
	[ "${lines[0]}" = "type        tp  fp  fn  gold  pred  precision  recall      f2" ]
	[ "${lines[2]}" = "ORG          0   1   0     0     1     0.0000      NA  0.0000" ]
	[ "${lines[4]}" = "micro        3   2   1     4     5     0.6000  0.7500  0.7143" ]
	[ "${lines[5]}" = "macro-gold                             0.5000  0.5000  0.5000" ]
	# The notes wrap at 78 columns; join each note's lines to read it.
	notes=$(printf '%s\n' "${lines[@]:7}" | awk '/^  / { printf " %s", substr($0, 3); next } NR > 1 { print "" } { printf "%s", $0 } END { print "" }')
	note() { sed -n "${1}p" <<< "$notes"; }
	[ "$(note 1)" = "mode strict: a prediction counts when its boundaries and type equal those of a gold entity." ]
	[ "$(note 3)" = "micro sums the counts of all types; macro-gold is the mean over the 2 types with gold entities; weighted is the mean over all types, each weighted by its gold count." ]
	[ "$(note 4)" = "f2 is F-beta with beta 2; a ratio with a zero denominator is NA, and means leave NA values out." ]
	[ "$(note 5)" = "Token accuracy 0.7778 over 9 tokens." ]
	for l in "${lines[@]:7}"; do
		[ "${#l}" -le 78 ] || { echo "note line over 78 columns: $l"; return 1; }
	done
}

@test "format markdown: table and notes" {
	run -0 score "$DATA/cases/C15.conll" -f markdown
	[ "${lines[0]}" = "| type | tp | fp | fn | gold | pred | precision | recall | f1 |" ]
	[ "${lines[1]}" = "| :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |" ]
	[ "${lines[2]}" = "| LOC | 0 | 1 | 1 | 1 | 1 | 0.0000 | 0.0000 | 0.0000 |" ]
	[ "${lines[6]}" = "| macro |  |  |  |  |  | 0.3333 | 0.3333 | 0.3333 |" ]
	[ "${lines[8]}" = "- mode strict: a prediction counts when its boundaries and type equal those of a gold entity." ]
	[ "${lines[11]}" = "- f1 is F-beta with beta 1; a ratio with a zero denominator counts as 0." ]
}

@test "format markdown: type names escaped" {
	printf 'a B-A|B_c B-A|B_c\n' > pipe.conll
	run -0 score pipe.conll -f markdown
	[ "${lines[2]}" = '| A\|B\_c | 1 | 0 | 0 | 1 | 1 | 1.0000 | 1.0000 | 1.0000 |' ]
}

@test "format json: settings and micro" {
	score "$DATA/cases/C15.conll" -f json --macro=gold --zero-division=NA --beta=2 > out.json
	run -0 jq -r '[.beta, .zero_division, .macro, .tokens, .tokens_correct] | @tsv' out.json
	[ "$output" = "$(printf '2\tNA\tgold\t9\t7')" ]
	run -0 jq -r '.results[0] | [.mode, .micro.tp, .micro.precision, .micro.recall, .micro.f2, .macro.types] | @tsv' out.json
	[ "$output" = "$(printf 'strict\t3\t0.6\t0.75\t0.7143\t2')" ]
	run -0 jq -r '.results[0].types[] | select(.type == "ORG") | .recall' out.json
	[ "$output" = "null" ]
}

@test "format json: mode all, MUC, per-doc" {
	score "$DATA/cases/C15.conll" -f json -m all --muc --per-doc > out.json
	run -0 jq -r '[.results[].mode] | join(" ")' out.json
	[ "$output" = "strict exact partial type" ]
	run -0 jq -r '.results[2].micro | [.tp, .partial, .correct] | @tsv' out.json
	[ "$output" = "$(printf '3.5\t1\t3')" ]
	run -0 jq -r '.results[0].per_doc | [.documents, .sd, .precision.mean] | @tsv' out.json
	[ "$output" = "$(printf '1\tsample\t0.6')" ]
}

@test "format json: bad UTF-8 in a type name" {
	printf 'a B-\377x B-\377x\n' > bad.conll
	score bad.conll -f json > out.json
	run -0 jq -r '.results[0].types[0].type' out.json
	[ "$output" = "$(printf '\357\277\275x')" ]
}

@test "format conlleval: other modes rejected" {
	run -2 --separate-stderr nerscore -f conlleval -m type /dev/null
	[ "$stderr" = "nerscore: the conlleval and latex formats show strict scores only; drop --mode" ]
	run -2 --separate-stderr nerscore -f latex --beta=2 /dev/null
	[ "$stderr" = "nerscore: the conlleval and latex formats show conlleval.pl's numbers: F1 in percent, 0 for a zero denominator, no macro average; drop --beta" ]
}

@test "format conlleval: counts without tokens rejected" {
	printf 'doc\tsent\tclass\tgold_type\tpred_type\tcount\n\t\texact\tX\tX\t1\n#end\t1\n' > c.counts
	run -1 --separate-stderr nerscore -f conlleval c.counts
	[ "$output" = "" ]
	[ "$stderr" = "nerscore: the conlleval format reports token counts, but the input does not have them; use another format" ]
}

@test "mode all: four blocks of rows" {
	run -0 score "$DATA/cases/C15.conll" -m all
	[ "$(cut -f 1 <<< "$output" | uniq -c | awk '{ print $2 ":" $1 }' | xargs)" = "mode:1 strict:6 exact:6 partial:6 type:6" ]
}

@test "mode: unknown name is a usage error" {
	run -2 --separate-stderr nerscore -m loose /dev/null
	[ "$stderr" = "nerscore: invalid mode 'loose': expected strict, exact, partial, type or all" ]
}

@test "counts: C15 per sentence" {
	run -0 --separate-stderr bash -c "nerspan $DATA/cases/C15.conll | nermatch | nerscore --counts=sent"
	[ "$stderr" = "" ]
	diff <(printf '%s\n' "$output") - <<-EOF
	doc	sent	class	gold_type	pred_type	count
	1	1	units			1
	1	1	tokens			6
	1	1	tokens-correct			5
	1	1	exact	PER	PER	2
	1	1	wrong-bounds	LOC	LOC	1
	1	2	units			1
	1	2	tokens			3
	1	2	tokens-correct			2
	1	2	exact	PER	PER	1
	1	2	spurious		ORG	1
	#end	10
	EOF
}

@test "counts: C15 totals" {
	run -0 bash -c "nerspan $DATA/cases/C15.conll | nermatch | nerscore --counts"
	printf '%s\n' 'doc	sent	class	gold_type	pred_type	count' \
	    '		units			2' \
	    '		tokens			9' \
	    '		tokens-correct			7' \
	    '		exact	PER	PER	3' \
	    '		wrong-bounds	LOC	LOC	1' \
	    '		spurious		ORG	1' \
	    '#end	6' > want
	diff <(printf '%s\n' "$output") want
}

@test "counts: document with no sentences listed" {
	# document 1 is a -DOCSTART- line alone: 1 token, no sentence
	printf -- '-DOCSTART- O O\n\n-DOCSTART- O O\n\nA B-X B-X\n' > d.conll
	nerspan d.conll | nermatch > d.matches
	run -0 nerscore --counts=sent d.matches
	[ "${lines[1]}" = "$(printf '1\t\tunits\t\t\t0')" ]
	[ "${lines[2]}" = "$(printf '1\t\ttokens\t\t\t1')" ]
	nerscore --counts=sent d.matches > d.counts
	run -0 nerscore -f conlleval d.counts
	[ "${lines[0]}" = "processed 3 tokens with 1 phrases; found: 1 phrases; correct: 1." ]
	run -0 nerscore --per-doc d.counts
	[ "$(tsv_field doc-n 9 <<< "$output")" = "2" ]
}

@test "counts: WNUT-17 sample in 10 shards" {
	check_shards "$DATA/wnut17/uh_ritual.conll"
}

@test "counts: GermEval 2014 in 10 shards" {
	need_shared
	check_shards "$SHARED/data/germeval2014/joined/germaner_trained_with_germeval_tested_on_germeval.gold-pred.txt"
}

@test "counts: sent to doc to total" {
	nerspan "$DATA/wnut17/uh_ritual.conll" | nermatch > m
	nerscore --counts m > want
	nerscore --counts=sent m | nerscore --counts=doc | nerscore --counts > got
	cmp got want
}

@test "counts: sums past 2^32 stay exact" {
	# tp 6e9, gold 7e9, pred 8e9: P 0.75, R 6/7, F1 12/15
	{
		printf 'doc\tsent\tclass\tgold_type\tpred_type\tcount\n'
		printf '\t\texact\tPER\tPER\t3000000000\n\t\tmissed\tPER\t\t1000000000\n#end\t2\n'
		printf 'doc\tsent\tclass\tgold_type\tpred_type\tcount\n'
		printf '\t\texact\tPER\tPER\t3000000000\n\t\tspurious\t\tPER\t2000000000\n#end\t2\n'
	} > big.counts
	run -0 nerscore big.counts
	[ "${lines[2]}" = "$(printf 'strict\tmicro\t\t6000000000\t2000000000\t1000000000\t7000000000\t8000000000\t0.7500\t0.8571\t0.8000')" ]
	run -0 nerscore --counts big.counts
	[ "${lines[2]}" = "$(printf '\t\texact\tPER\tPER\t6000000000')" ]
}

@test "counts: past 2^63 rejected" {
	printf 'doc\tsent\tclass\tgold_type\tpred_type\tcount\n\t\texact\tX\tX\t9300000000000000000\n#end\t1\n' > huge.counts
	run -1 --separate-stderr nerscore huge.counts
	[ "$output" = "" ]
	[ "$stderr" = "nerscore: count 9300000000000000000 is too large: counts and their sums must not exceed 9223372036854775807" ]
}

@test "counts: class contradicting types rejected" {
	printf 'doc\tsent\tclass\tgold_type\tpred_type\tcount\n\t\texact\tA\tB\t1\n#end\t1\n' > bad.counts
	run -1 --separate-stderr nerscore bad.counts
	[ "$output" = "" ]
	[ "$stderr" = "nerscore: bad.counts:2: class 'exact' needs equal gold_type and pred_type, found 'A' and 'B'" ]
}

@test "counts: every class name read" {
	{
		printf 'doc\tsent\tclass\tgold_type\tpred_type\tcount\n'
		printf '\t\texact\tA\tA\t1\n\t\twrong-type\tA\tB\t2\n'
		printf '\t\twrong-bounds\tA\tA\t3\n\t\twrong-both\tA\tB\t4\n'
		printf '\t\tmissed\tA\t\t5\n\t\tspurious\t\tB\t6\n#end\t6\n'
	} > all.counts
	run -0 --separate-stderr nerscore --counts all.counts
	[ "$stderr" = "" ]
	# Line 1 is the units row, 0 here.
	[ "${lines[2]}" = "$(printf '\t\texact\tA\tA\t1')" ]
	[ "${lines[3]}" = "$(printf '\t\twrong-type\tA\tB\t2')" ]
	[ "${lines[4]}" = "$(printf '\t\twrong-bounds\tA\tA\t3')" ]
	[ "${lines[5]}" = "$(printf '\t\twrong-both\tA\tB\t4')" ]
	[ "${lines[6]}" = "$(printf '\t\tmissed\tA\t\t5')" ]
	[ "${lines[7]}" = "$(printf '\t\tspurious\t\tB\t6')" ]
}

@test "counts: near-miss class names rejected" {
	# Names of a class's length that differ in one byte, and names one
	# byte longer or shorter than a class.
	for class in exacT wrong-tyPe wrong-bXth wrong-boundz missEd spuriouz \
	    exac wrong-typ wrong-bothh spurious- Missed wrong; do
		printf 'doc\tsent\tclass\tgold_type\tpred_type\tcount\n' \
		    > bad.counts
		printf '\t\t%s\tA\tA\t1\n#end\t1\n' "$class" >> bad.counts
		run -1 --separate-stderr nerscore bad.counts
		[ "$output" = "" ]
		[ "$stderr" = "nerscore: bad.counts:2: unknown class '$class'" ]
	done
}

@test "counts: unknown tokens stay unknown" {
	# the second section has a units row but no tokens rows
	{
		printf 'doc\tsent\tclass\tgold_type\tpred_type\tcount\n'
		printf '\t\tunits\t\t\t1\n\t\ttokens\t\t\t5\n\t\ttokens-correct\t\t\t5\n#end\t3\n'
		printf 'doc\tsent\tclass\tgold_type\tpred_type\tcount\n'
		printf '\t\tunits\t\t\t1\n\t\texact\tX\tX\t1\n#end\t2\n'
	} > part.counts
	run -0 nerscore -f json part.counts
	[ "$(jq -r '[.tokens, .accuracy] | @tsv' <<< "$output")" = "$(printf '\t')" ]
	run -0 nerscore --counts part.counts
	[ "$(grep -c tokens <<< "$output")" -eq 0 ]
}

@test "counts: -f with --counts is a usage error" {
	run -2 --separate-stderr nerscore --counts -f table /dev/null
	[ "$stderr" = "nerscore: --counts writes count records, which hold no scores; drop -f" ]
}

@test "counts: invalid grain is a usage error" {
	run -2 --separate-stderr nerscore --counts=unit /dev/null
	[ "$stderr" = "nerscore: invalid --counts 'unit': expected total, doc or sent" ]
}

@test "counts: per-sentence from totals rejected" {
	nerspan "$DATA/cases/C15.conll" | nermatch | nerscore --counts > t.counts
	run -1 --separate-stderr nerscore --counts=sent t.counts
	[ "$stderr" = "nerscore: --counts needs per-sentence counts, but the input has only total counts; write them with --counts=sent" ]
}

@test "counts: incomplete input passed on" {
	printf 'doc\tsent\tclass\tgold_type\tpred_type\tgold_start\tgold_end\tpred_start\tpred_end\tsource\tgold_text\tpred_text\n#incomplete\tb.conll: no such file\n#end\t1\n' > inc.matches
	run -0 nerscore --counts inc.matches
	[ "${lines[4]}" = "$(printf '#incomplete\tb.conll: no such file')" ]
	nerscore --counts inc.matches > inc.counts
	run -1 --separate-stderr nerscore inc.counts
	[ "$output" = "" ]
	[ "$stderr" = "nerscore: inc.counts: the input is incomplete, so no scores are printed: b.conll: no such file" ]
}

@test "per-doc: three documents" {
	# C15: P .6 R .75 F .6667; C17: P .5 R .3333 F .4; a document with
	# no entity scores 1.  Means .7, .6944, .6889; sample sd of P:
	# sqrt((.01 + .04 + .09) / 2) = .2646 (Python statistics.stdev agrees)
	printf 'x O O\n' > empty.conll
	nerspan "$DATA/cases/C15.conll" "$DATA/cases/C17.conll" empty.conll | nermatch > m
	run -0 nerscore --per-doc m
	[ "$(averages <<< "$output" | grep '^doc-mean ')" = "doc-mean 0.7000 0.6944 0.6889" ]
	[ "$(averages <<< "$output" | grep '^doc-sd ')" = "doc-sd 0.2646 0.3368 0.3006" ]
	[ "$(averages <<< "$output" | grep '^doc-n ')" = "doc-n 3 3 3" ]
	run -0 nerscore --per-doc -f json m
	[ "$(jq -r '.results[0].per_doc | [.documents, .without_entities] | @tsv' <<< "$output")" = "$(printf '3\t1')" ]
}

@test "per-doc: note counts documents" {
	# One document with entities: the note said 'the 1 documents' and
	# 'the 0 documents with no gold and no predicted entity score 1'.
	nerspan "$DATA/cases/C15.conll" | nermatch > one.m
	run -0 --separate-stderr nerscore --per-doc -f markdown one.m
	[ "${lines[14]}" = "- doc-mean and doc-sd are the mean and the sample standard deviation (n - 1 denominator) of the micro scores of the 1 document." ]
	[ "$stderr" = "" ]
	printf 'x O O\n' > empty.conll
	nerspan "$DATA/cases/C15.conll" empty.conll | nermatch > two.m
	run -0 --separate-stderr nerscore --per-doc -f markdown two.m
	[ "${lines[14]}" = "- doc-mean and doc-sd are the mean and the sample standard deviation (n - 1 denominator) of the micro scores of the 2 documents; the document with no gold and no predicted entity scores 1." ]
}

@test "per-doc: two documents, one sd" {
	# P .6, .5: sd sqrt(.005); R .75, 1/3; F 2/3, .4
	nerspan "$DATA/cases/C15.conll" "$DATA/cases/C17.conll" | nermatch > m
	run -0 nerscore --per-doc m
	[ "$(averages <<< "$output" | grep '^doc-mean ')" = "doc-mean 0.5500 0.5417 0.5333" ]
	[ "$(averages <<< "$output" | grep '^doc-sd ')" = "doc-sd 0.0707 0.2946 0.1886" ]
}

@test "per-doc: shards by document equal one run" {
	shard10 "$DATA/wnut17/uh_ritual.conll"
	nerspan shard*.conll | nermatch | nerscore --per-doc -m all > want
	shard_counts doc | nerscore --per-doc -m all > got
	cmp got want
}

@test "per-doc: totals rejected" {
	nerspan "$DATA/cases/C15.conll" | nermatch | nerscore --counts > t.counts
	run -1 --separate-stderr nerscore --per-doc t.counts
	[ "$output" = "" ]
	[ "$stderr" = "nerscore: --per-doc needs per-document counts, but the input has only total counts; write them with --counts=doc" ]
}

@test "seqeval: WNUT-17 teams micro macro weighted" {
	need_shared
	local f team want got
	for f in "$SHARED"/data/wnut17/joined/*.gold-pred.txt; do
		team=$(basename "$f" .gold-pred.txt)
		want=$(awk '/^ *(micro|macro|weighted) avg/ { print $1, $3, $4, $5 }' \
		    "$EXPECTED/seqeval/wnut17-$team.txt")
		got=$(score "$f" | averages)
		[ "$got" = "$want" ] || { echo "$team: $got != $want"; return 1; }
	done
}

@test "nervaluate: WNUT-17 teams, pairing aside" {
	# Sentences where nervaluate's first-fit pairing differs from the
	# maximum matching of nermatch, found by comparing every sentence.
	need_shared
	local -A differ=([arcada]=1 [drexel_cci]=0 [flytxt]=1 [mic-cis]=2
	    [sjtu_adapt]=2 [spinningbytes]=3 [uh_ritual]=0)
	local f t pins
	for f in "$SHARED"/data/wnut17/joined/*.gold-pred.txt; do
		t=$(basename "$f" .gold-pred.txt)
		pins=$EXPECTED/nervaluate/wnut17-$t
		nerspan "$f" | nermatch > m
		nerscore --counts=sent m | muc_per_sentence > ours
		# the per-sentence table adds up to nerscore's own micro counts
		nerscore -m all --muc m | awk -F '\t' '$2 == "micro" {
		    s = s (s == "" ? "" : " ") $12 " " $13 " " $14 " " $15 " " $16 }
		    END { print s }' > totals
		column_sums < ours | cmp - totals
		# the same sentences have entities; count those that differ
		cmp <(cut -d ' ' -f 1 ours) <(cut -d ' ' -f 1 "$pins.sent")
		paste -d ' ' ours "$pins.sent" | awk '{ for (i = 2; i <= 21; i++) if ($i != $(i + 21)) { print; next } }' > diff
		[ "$(wc -l < diff)" -eq "${differ[$t]}" ] || { echo "$t: $(wc -l < diff) sentences differ"; return 1; }
		# they differ only in type mode, where nerscore pairs more entities
		# with a prediction of their own type
		awk '{ for (i = 2; i <= 16; i++) if ($i != $(i + 21)) exit 1; if ($17 <= $38) exit 1 }' diff
		# nervaluate's per-sentence counts add up to its whole-file
		# report, so outside those sentences the two agree exactly
		column_sums < "$pins.sent" > nv.sums
		awk '/^ *(strict|exact|partial|ent_type) / && !seen[$1]++ { v[$1] = $2 " " $3 " " $4 " " $5 " " $6 }
		    END { print v["strict"], v["exact"], v["partial"], v["ent_type"] }' "$pins.txt" | cmp - nv.sums
	done
}

@test "nervaluate: strict exact partial P R F1" {
	need_shared
	local f t want got
	for f in "$SHARED"/data/wnut17/joined/*.gold-pred.txt; do
		t=$(basename "$f" .gold-pred.txt)
		want=$(awk '/^ *(strict|exact|partial) / && !seen[$1]++ { print $1, $7, $8, $9 }' \
		    "$EXPECTED/nervaluate/wnut17-$t.txt" | sort)
		got=$(score "$f" -m all | awk -F '\t' '$2 == "micro" && $1 != "type" { print $1, $9, $10, $11 }' | sort)
		[ "$got" = "$want" ] || { echo "$t: $got != $want"; return 1; }
	done
}

@test "help: every option listed" {
	run -0 nerscore --help
	for o in beta counts digits explain format help high-precision \
	    high-recall macro mode muc per-doc top version zero-division; do
		[[ "$output" == *"--$o"* ]] || { echo "--$o missing"; return 1; }
		grep -q -- "Fl -$o" "$TOP/man/nerscore.1" || { echo "man: --$o missing"; return 1; }
	done
}

@test "write error on a full device" {
	[ -w /dev/full ] || skip "no /dev/full"
	nerspan "$DATA/cases/C15.conll" | nermatch > m
	run -1 --separate-stderr bash -c "nerscore m > /dev/full"
	[[ "$stderr" == "nerscore: write error: "* ]]
}

# Names of 16 and 17 bytes sit at the edge of the type name cache, and 300
# types are more than its 256 entries, so names share entries and evict
# each other.  Type i gets i % 4 + 1 exact matches, given in four rounds,
# so that every type comes back after all the others.
@test "counts: 300 types through the name cache" {
	awk 'BEGIN {
		OFS = "\t"
		print "doc", "sent", "class", "gold_type", "pred_type", "gold_start",
		    "gold_end", "pred_start", "pred_end", "source", "gold_text", "pred_text"
		print "#doc", "d", "-", "-"
		n = 1
		for (r = 0; r < 4; r++)
			for (i = 0; i < 302; i++) {
				t = i == 300 ? "sixteen-bytes-16" : i == 301 ? "seventeen-bytes17" : "t" i
				if (r <= i % 4) {
					print "d", "1", "exact", t, t, r, r + 1, r, r + 1, "f:1", "x", "x"
					n++
				}
			}
		print "#unit", "d", "1", "-", "-"
		print "#end", n + 1
	}' > m
	awk 'BEGIN {
		for (i = 0; i < 302; i++) {
			t = i == 300 ? "sixteen-bytes-16" : i == 301 ? "seventeen-bytes17" : "t" i
			print "exact", t, t, i % 4 + 1
		}
	}' | sort > want
	run -0 --separate-stderr nerscore --counts m
	echo "$output" | awk -F '\t' '$3 == "exact" { print $3, $4, $5, $6 }' | sort > got
	diff want got
	[ "$(wc -l < got)" -eq 302 ]
}
