#!/usr/bin/env bats
# The documentation: every example in the man pages runs and prints what
# the page shows, the pages lint clean with their sections in order, and
# --help, --version and usage errors follow one convention and agree with
# the SYNOPSIS of each page.
#
# An example is a ".Dl $ command" line, or a ".Bd -literal" block whose
# first line starts with "$ ": lines that start with "> " continue the
# command above them, and the other lines are its output.  Examples run
# in order, one page at a time, in a folder with the files they name (see
# make_fixtures), under bash with pipefail.  Each must exit 0 (or 141,
# SIGPIPE from a pipeline that "| head" cut short) and write nothing to
# standard error; where the page shows output, stdout must equal it with
# each run of blanks read as one space, since pages show TABs as spaces.

load helper

PROGRAMS="nerspan nermatch nerscore nermatrix"

setup() {
	setup_common
	MAN=$TOP/man
}

# Create the files that the examples name, from the shipped WNUT-17 sample.
make_fixtures() {
	local w=$DATA/wnut17

	cp "$w/uh_ritual.conll" test.conll
	awk '{ print NF ? $1 "\t_\t" $2 "\t" $3 : "" }' test.conll > run.tsv
	cp "$w/emerging.test.annotated" gold.tsv
	cp "$w/uh_ritual.pred" pred.tsv
	cp "$w/uh_ritual.pred" a.tsv
	sed 's/-corporation/-group/' "$w/uh_ritual.pred" > b.tsv
	awk -v half=$(($(wc -l < test.conll) / 2)) '
		NR > half && $0 == "" && !done { print > "shard1.conll"; done = 1
			next }
		{ print > (done ? "shard2.conll" : "shard1.conll") }' test.conll
	nerspan test.conll | nermatch > matches.tsv
	for f in shard*.conll; do
		nerspan "$f" | nermatch | nerscore --counts=sent
	done > round1.counts
	# Two models and two rounds: the sample, and the sample with one
	# type's predictions renamed.
	cp test.conll old.conll
	cp test.conll round1.conll
	sed 's/-corporation$/-group/' test.conll > new.conll
	cp new.conll round2.conll
	cp test.conll test.iobes
	# The sample in GermEval 2014's layout: a comment line before each
	# sentence, then index, token, outer tag and inner tag.
	awk 'BEGIN { n = 0 }
		NF == 0 { print ""; n = 0; next }
		n == 0 { print "#\tsource" }
		{ print ++n "\t" $1 "\t" $2 "\tO" }' test.conll > NER-de-test.tsv
	# brat files for one document, gold and system.
	mkdir -p gold system
	printf 'T1\tPER 0 3\tAda\nT2\tLOC 12 18\tLondon\n' > gold/d1.ann
	printf 'T1\tPER 0 3\tAda\nT2\tORG 12 18\tLondon\n' > system/d1.ann
	# Span records with an inner level.
	printf 'doc\tstart\tend\ttype\tside\tlevel\n' > nested.tsv
	printf 'd1\t0\t2\tORG\tgold\t1\nd1\t0\t1\tLOC\tgold\t2\n' >> nested.tsv
	printf 'd1\t0\t2\tORG\tpred\t1\nd1\t0\t1\tLOC\tpred\t2\n' >> nested.tsv
}

# Write the examples of man page $1 into folder $2: for example N the files
# N.cmd (the command), N.out (the output shown, if any), N.where (page and
# line) and N.shown (the lines as the page displays them).
extract_examples() {
	mkdir -p "$2"
	awk -v dir="$2" -v page="${1##*/}" '
	BEGIN {
		esc["dq"] = "\""; esc["aq"] = "\047"; esc["ga"] = "`"
		esc["ti"] = "~"; esc["ha"] = "^"; esc["rs"] = "\\"
	}
	# Replace the roff escapes that examples use; fail on any other.
	function unescape(s,    out, i, c, name) {
		out = ""
		while ((i = index(s, "\\")) > 0) {
			out = out substr(s, 1, i - 1)
			c = substr(s, i + 1, 1)
			if (c == "e") {
				out = out "\\"; s = substr(s, i + 2)
			} else if (c == "&") {
				s = substr(s, i + 2)
			} else if (c == "-") {
				out = out "-"; s = substr(s, i + 2)
			} else if (c == "(" && substr(s, i + 2, 2) in esc) {
				out = out esc[substr(s, i + 2, 2)]
				s = substr(s, i + 4)
			} else {
				printf "%s:%d: escape \\%s in an example is not " \
				    "known to the test; add it to extract_examples\n",
				    page, FNR, substr(s, i + 1, 3) > "/dev/stderr"
				bad = 1
				exit 1
			}
		}
		return out s
	}
	function open_example(line) {
		close_example()
		n++
		base = sprintf("%s/%03d", dir, n)
		printf "%s:%d\n", page, line > (base ".where")
		close(base ".where")
		open = 1
	}
	function close_example() {
		if (!open)
			return
		printf "%s\n", cmd > (base ".cmd")
		close(base ".cmd")
		printf "%s", shown > (base ".shown")
		close(base ".shown")
		if (out != "") {
			printf "%s", out > (base ".out")
			close(base ".out")
		}
		open = 0; cmd = ""; out = ""; shown = ""
	}
	/^\.Bd -literal/ { block = 1; examples = 0; skip = 0; next }
	/^\.Ed/ { close_example(); block = 0; next }
	block && skip { next }
	block {
		line = unescape($0)
		if (line ~ /^\$ /) {
			open_example(FNR)
			examples = 1
			cmd = substr(line, 3)
			shown = line "\n"
			incmd = 1
		} else if (!examples) {
			skip = 1
		} else if (incmd && line ~ /^> /) {
			cmd = cmd "\n" substr(line, 3)
			shown = shown line "\n"
		} else {
			incmd = 0
			out = out line "\n"
			shown = shown line "\n"
		}
		next
	}
	/^\.Dl \$ / {
		open_example(FNR)
		cmd = unescape(substr($0, 7))
		shown = "$ " cmd "\n"
		close_example()
	}
	END { if (!bad) close_example() }' "$1"
}

# Fold each run of blanks into one space and drop blanks at either end.
squeeze() {
	sed -e 's/[[:blank:]]\{1,\}/ /g' -e 's/^ //' -e 's/ $//'
}

# Run the examples of one page in the current folder; print every failure
# with its page and line, and return 1 if there was any.
run_examples() {
	local page=$1 dir=$BATS_TEST_TMPDIR/examples rendered= f base status
	local failed=0

	extract_examples "$MAN/$page" "$dir" || return 1
	if ! ls "$dir"/*.cmd >/dev/null 2>&1; then
		echo "$page: no examples found"
		return 1
	fi
	if command -v mandoc >/dev/null; then
		rendered=$BATS_TEST_TMPDIR/rendered
		mandoc -Tascii -Owidth=78 "$MAN/$page" | col -bx | squeeze \
		    > "$rendered"
	fi
	for f in "$dir"/*.cmd; do
		base=${f%.cmd}
		status=0
		bash -c "set -o pipefail
$(cat "$f")" > "$base.stdout" 2> "$base.stderr" || status=$?
		if [ "$status" -ne 0 ] && [ "$status" -ne 141 ]; then
			echo "$(cat "$base.where"): exit status $status: $(cat "$f")"
			failed=1
		fi
		if [ -s "$base.stderr" ]; then
			echo "$(cat "$base.where"): wrote to stderr:"
			cat "$base.stderr"
			failed=1
		fi
		if [ -f "$base.out" ] && ! diff -u <(squeeze < "$base.out") \
		    <(squeeze < "$base.stdout") > "$base.diff"; then
			echo "$(cat "$base.where"): output differs from the page" \
			    "(- page, + actual):"
			cat "$base.diff"
			failed=1
		fi
		if [ -n "$rendered" ] && ! shown_in_rendering "$base.shown" \
		    "$rendered" "$(cat "$base.where")"; then
			failed=1
		fi
	done
	return "$failed"
}

# Check that every line of an example, as extracted, is a line of the
# page rendered for an 80-column terminal, so the test runs what a reader
# sees and no command is wrapped.
shown_in_rendering() {
	local line ok=0

	while IFS= read -r line; do
		[ -n "$line" ] || continue
		if ! grep -qxF -- "$line" "$2"; then
			echo "$3: line not in mandoc's rendering: $line"
			ok=1
		fi
	done < <(squeeze < "$1")
	return "$ok"
}

# Print the option names (-x and --name) of the usage lines of a
# program's --help: the first line and the indented lines after it.
usage_options() {
	"$1" --help | awk 'NR == 1 || (go && /^ /) { go = 1; print; next }
		{ exit }' | grep -oE '(\[| )-[A-Za-z]+|--[a-z][a-z0-9-]*' |
	    sed -e 's/^[[ ]-\(.*\)/\1/' | awk '
		/^--/ { print; next }
		{ for (i = 1; i <= length($0); i++) print "-" substr($0, i, 1) }' |
	    sort -u
}

# Print the option names in the SYNOPSIS of man page $1.
synopsis_options() {
	awk '/^\.Sh / { on = $0 == ".Sh SYNOPSIS"; next }
		on { for (i = 1; i < NF; i++) if ($i == "Fl" || $i == ".Fl")
			print $(i + 1) }' \
	    "$1" | sed 's/[,|]$//' | awk '
		/^-/ { print "-" $0; next }
		{ for (i = 1; i <= length($0); i++) print "-" substr($0, i, 1) }' |
	    sort -u
}

# Print the section names of man page $1, one a line.
sections() {
	sed -n 's/^\.Sh //p' "$1"
}

@test "nerspan.1: examples run as shown" {
	make_fixtures
	run_examples nerspan.1
}

@test "nermatch.1: examples run as shown" {
	make_fixtures
	run_examples nermatch.1
}

@test "nerscore.1: examples run as shown" {
	make_fixtures
	run_examples nerscore.1
}

@test "nermatrix.1: examples run as shown" {
	make_fixtures
	run_examples nermatrix.1
}

@test "nertools.5: examples run as shown" {
	make_fixtures
	run_examples nertools.5
}

@test "nertools.7: examples run as shown" {
	command -v jq >/dev/null || skip "needs jq (Debian: apt-get install jq)"
	make_fixtures
	run_examples nertools.7
}

@test "example runner: catches a wrong output" {
	mkdir -p man
	printf '%s\n' '.Bd -literal' '$ echo \(dqa  b\(dq' 'a c' '.Ed' > man/x.1
	MAN=$PWD/man
	run -1 run_examples x.1
	[[ "$output" == *"x.1:2: output differs from the page"* ]]
	[[ "$output" == *$'\n-a c\n+a b'* ]]
}

@test "example runner: catches a failing command" {
	mkdir -p man
	printf '%s\n' '.Dl $ false' > man/x.1
	MAN=$PWD/man
	run -1 run_examples x.1
	[[ "$output" == *"x.1:1: exit status 1: false"* ]]
}

@test "man pages: mandoc -Tlint is silent" {
	command -v mandoc >/dev/null || skip "needs mandoc (Debian: apt-get install mandoc)"
	run -0 --separate-stderr mandoc -Tlint -W warning "$MAN"/*.[157]
	[ "$output" = "" ]
	[ "$stderr" = "" ]
}

@test "man pages: lines fit in 80 columns" {
	command -v mandoc >/dev/null || skip "needs mandoc (Debian: apt-get install mandoc)"
	local page

	for page in "$MAN"/*.[157]; do
		run -0 bash -c "mandoc -Tascii -Owidth=78 '$page' | col -bx |
		    awk 'length(\$0) > 80'"
		[ "$output" = "" ] || { echo "${page##*/}: $output"; return 1; }
	done
}

@test "man pages: sections in the usual order" {
	local order="NAME SYNOPSIS DESCRIPTION OPTIONS ENVIRONMENT FILES EXIT_STATUS EXAMPLES DIAGNOSTICS SEE_ALSO STANDARDS HISTORY AUTHORS CAVEATS BUGS"
	local page known last name rank

	for page in "$MAN"/*.[157]; do
		last=0
		while read -r name; do
			name=${name// /_}
			rank=$(printf '%s\n' $order | grep -nx -- "$name" | cut -d: -f1)
			[ -n "$rank" ] || continue
			if [ "$rank" -lt "$last" ]; then
				echo "${page##*/}: $name is out of order"
				return 1
			fi
			last=$rank
		done < <(sections "$page")
	done
}

@test "man pages: section 1 has every usual section" {
	local p s

	for p in $PROGRAMS; do
		for s in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" EXAMPLES \
		    "SEE ALSO" STANDARDS CAVEATS BUGS; do
			if ! sections "$MAN/$p.1" | grep -qxF "$s"; then
				echo "$p.1 has no $s section"
				return 1
			fi
		done
	done
}

@test "nertools.7: the merged sections have their names" {
	run -0 sections "$MAN/nertools.7"
	[[ "$output" == *$'\nSHARDING\n'* ]]
	[[ "$output" == *$'\nCOMPARING MODELS\n'* ]]
}

@test "usage: same options as the SYNOPSIS" {
	local p

	for p in $PROGRAMS; do
		if ! diff <(synopsis_options "$MAN/$p.1") <(usage_options "$p") \
		    > diff.out; then
			echo "$p: options of the man SYNOPSIS (<) and of the usage" \
			    "lines of --help (>) differ:"
			cat diff.out
			return 1
		fi
	done
}

@test "--help: synopsis, options and examples on stdout" {
	local p n

	for p in $PROGRAMS; do
		run -0 --separate-stderr "$p" --help
		[ "$stderr" = "" ]
		[[ "${lines[0]}" == "usage: $p "* ]]
		[[ "$output" == *$'\n  -h, --help '* ]]
		[[ "$output" == *$'\n  -V, --version '* ]]
		n=$(printf '%s\n' "$output" | sed -n '/^Examples:$/,$p' |
		    grep -c "^  .*$p")
		if [ "$n" -lt 2 ] || [ "$n" -gt 3 ]; then
			echo "$p --help shows $n examples, expected 2 or 3"
			return 1
		fi
	done
}

@test "-h: the same text as --help" {
	local p

	for p in $PROGRAMS; do
		diff <("$p" -h) <("$p" --help)
	done
}

@test "--version: one line on stdout" {
	local p

	for p in $PROGRAMS; do
		run -0 --separate-stderr "$p" --version
		[ "$stderr" = "" ]
		[ "${#lines[@]}" -eq 1 ]
		[[ "$output" =~ ^$p\ \(nertools\)\ [0-9]+\.[0-9]+\.[0-9]+$ ]]
		run -0 --separate-stderr "$p" -V
		[[ "$output" =~ ^$p\ \(nertools\) ]]
	done
}

@test "unknown option: usage on stderr, status 2" {
	local p usage

	for p in $PROGRAMS; do
		usage=$("$p" --help | awk 'NR == 1 || (go && /^ /) { go = 1
			print; next } { exit }')
		run -2 --separate-stderr "$p" --no-such-option
		[ "$output" = "" ]
		[[ "$stderr" == *"--no-such-option"* ]]
		[[ "$stderr" == *"$usage" ]]
	done
}
