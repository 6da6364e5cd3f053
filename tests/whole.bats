#!/usr/bin/env bats
# nerspan reads most sentences of a three-column file whole and decodes
# them in one pass (conll_sentence() and sentfast.c).  The first sentence
# of a file and the last 128 to 191 bytes of each read buffer go the full
# way, so the files here put the sentences under test in between.  A CR
# before each newline sends every line the full way: both readings must
# give the same bytes.

load helper

# Print n sentences of one token tagged outside: filler for either end.
# The fields are split by spaces, or by the separator given.
filler() {
	local i sep=${2:- }
	for ((i = 0; i < $1; i++)); do
		printf 'fill%sO%sO\n\n' "$sep" "$sep"
	done
}

# Spans worked out by hand with the lenient rules: B- opens a chunk, I-
# and E- of its type continue it, O, S- and another type close it, and
# E- and S- end one after their token.
@test "whole: hand-worked spans of one sentence" {
	{
		filler 1
		printf 'a B-PER O\nb I-PER B-LOC\nc O I-LOC\n'
		printf 'd E-ORG S-MISC\ne I-ORG O\n\n'
		filler 40
	} > hand.conll
	run -0 --separate-stderr nerspan hand.conll
	[ "${lines[3]}" = "1	2	gold	0	2	PER	1	hand.conll:3	a b" ]
	[ "${lines[4]}" = "1	2	gold	3	4	ORG	1	hand.conll:6	d" ]
	[ "${lines[5]}" = "1	2	gold	4	5	ORG	1	hand.conll:7	e" ]
	[ "${lines[6]}" = "1	2	pred	1	3	LOC	1	hand.conll:4	b c" ]
	[ "${lines[7]}" = "1	2	pred	3	4	MISC	1	hand.conll:6	d" ]
	[ "${lines[8]}" = "#unit	1	2	5	0" ]
	[ "${lines[9]}" = "#unit	1	3	1	1" ]
	[ "$stderr" = "" ]
}

# Print sentences of random tags, with every prefix the lenient scheme
# reads, bare prefixes, tokens of 1 to 9, 14 to 19 and 60 to 89 bytes
# (around the 16 bytes of one copy and the 64 bytes that put_tokens()
# copies in steps), tokens that begin with '-' (-X- among them, a
# sentence break), blank lines doubled and -DOCSTART- lines, from a
# fixed seed.
random_file() {
	awk -v seed="$1" -v n="$2" -v sep="$3" 'BEGIN {
		srand(seed)
		split("O O O O O B-A I-A E-A S-A M-A L-A U-A W-A B-B I-B E-B S-B B I E S", tag, " ")
		split("- -LRB- -X- -X-x -DOCSTART-x --", dash, " ")
		for (s = 0; s < n; s++) {
			if (rand() < 0.05)
				printf "-DOCSTART-%sO%sO\n\n", sep, sep
			len = 1 + int(rand() * 25)
			for (i = 0; i < len; i++) {
				r = int(rand() * 12)
				w = r == 0 ? 60 + int(rand() * 30) : r < 3 ? 14 + int(rand() * 6) : 1 + int(rand() * 9)
				tok = substr("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnop", 1, w)
				if (rand() < 0.03)
					tok = dash[1 + int(rand() * 6)]
				printf "%s%s%s%s%s\n", tok, sep, tag[1 + int(rand() * 21)], sep, tag[1 + int(rand() * 21)]
			}
			printf rand() < 0.1 ? "\n\n" : "\n"
		}
	}'
}

# Run nerspan with the given options on file and on a copy with CRLF line
# ends, which the full path reads, into lf.spans and crlf.spans.
read_both() {
	local file=$1
	shift
	sed 's/$/\r/' "$file" > crlf.conll
	nerspan "$@" "$file" > lf.spans
	nerspan "$@" crlf.conll | sed "s/crlf\.conll/$file/" > crlf.spans
}

@test "whole: random tags read as with CRLF" {
	random_file 7 4000 ' ' > rand.conll
	[ "$(wc -c < rand.conll)" -gt 300000 ]
	read_both rand.conll
	[ "$(grep -c '	gold	' lf.spans)" -gt 10000 ]
	cmp lf.spans crlf.spans
}

@test "whole: TAB file with blanks in tokens as with CRLF" {
	random_file 11 3000 '	' | sed 's/^\([a-z]\)\([a-z]\)/\1 \2/' > tab.conll
	read_both tab.conll
	[ "$(grep -c '	pred	' lf.spans)" -gt 5000 ]
	cmp lf.spans crlf.spans
}

@test "whole: type map as with CRLF" {
	random_file 3 2000 ' ' > rand.conll
	read_both rand.conll -m A=X -m 'gold:B='
	[ "$(grep -c '	gold	[0-9]*	[0-9]*	X	' lf.spans)" -gt 100 ]
	[ "$(grep -c '	gold	[0-9]*	[0-9]*	B	' lf.spans)" -eq 0 ]
	cmp lf.spans crlf.spans
}

# Print n sentences of lines tagged outside on both sides, with tokens
# that make a line look like another kind or spoil the bit arithmetic of
# outside_lines() in conllfast.c: '#' and '-' first, empty, a control
# byte inside, one byte long, and separators doubled in a TAB file.
odd_file() {
	awk -v seed="$1" -v n="$2" -v sep="$3" 'BEGIN {
		srand(seed)
		split("#x # - -X- -DOCSTART- a\\fb \\vz q xyzzy", odd, " ")
		odd[9] = ""
		for (s = 0; s < n; s++) {
			len = 1 + int(rand() * 30)
			for (i = 0; i < len; i++) {
				tok = rand() < 0.15 ? odd[1 + int(rand() * 9)] : "tok"
				if (tok == "" && sep == " ")
					tok = "e"
				tag = rand() < 0.05 ? "B-A" : "O"
				printf "%s%s%s%s%s\n", tok, sep, tag, sep, "O"
			}
			printf "\n"
		}
	}'
}

# Run nerspan with the given options on file and on a copy with CRLF line
# ends, and compare standard output, standard error and exit status.
same_both() {
	local file=$1
	shift
	sed 's/$/\r/' "$file" > crlf.conll
	nerspan "$@" "$file" > lf.out 2> lf.err && echo 0 >> lf.err ||
		echo $? >> lf.err
	nerspan "$@" crlf.conll > crlf.out 2> crlf.err && echo 0 >> crlf.err ||
		echo $? >> crlf.err
	sed -i "s/crlf\.conll/$file/" crlf.out crlf.err
	cmp lf.out crlf.out
	cmp lf.err crlf.err
}

@test "whole: odd tokens as with CRLF" {
	odd_file 5 3000 ' ' > odd.conll
	same_both odd.conll
	[ "$(grep -c '^#unit' lf.out)" -gt 2000 ]
	same_both odd.conll --skip-comments
	odd_file 6 3000 '	' > odd.conll
	same_both odd.conll
	same_both odd.conll --skip-comments
	[ "$(grep -c '^#unit' lf.out)" -gt 2000 ]
}

# A blank first byte, an empty token in a space file, a line of two
# fields or of mixed separators: an error at its line, after many outside
# lines read 64 bytes at a time.
@test "whole: malformed lines as with CRLF" {
	local bad at=$((61 + $(odd_file 7 20 ' ' | wc -l)))
	for bad in ' O O' 'O O' 'a O' '	O O'; do
		{ filler 30; odd_file 7 20 ' '; printf '%s\n' "$bad"
		  odd_file 8 20 ' '; } > bad.conll
		run -1 nerspan bad.conll
		[[ "$output" = "nerspan: bad.conll:$at: found 2 fields,"* ]]
		same_both bad.conll
	done
	for bad in 'a	O' 'a	O O' 'a		O	O' 'a	O	O	' ' a	O	O'; do
		{ filler 30 '	'; odd_file 7 20 '	'; printf '%s\n' "$bad"
		  odd_file 8 20 '	'; } > bad.conll
		same_both bad.conll
	done
}

# Lines of outside tags after the line under test, so that two whole
# blocks of 64 bytes follow it.
tail_lines() {
	local i
	printf 'a B-PER B-PER\n\n'
	for ((i = 0; i < 24; i++)); do
		printf 'w%02d O O\n' "$i"
	done
}

# The full path takes a line by storing a NUL over its newline.  A line
# of -X-, -DOCSTART- or a comment right after such a line must not read
# as a token line tagged outside: after the first line of the file, and
# after the first read of 128 KiB (lines.c), whose last line the full
# path takes.
@test "whole: marker after a taken line" {
	local line opts head=131072
	for line in '-X- O O' '-DOCSTART- O O' '#c O O'; do
		opts=
		[[ "$line" = '#'* ]] && opts=--skip-comments
		{ printf -- '-DOCSTART- O O\n%s\n' "$line"; tail_lines; } > m.conll
		same_both m.conll $opts
		awk -v n=$head 'BEGIN {
			for (i = 0; size < n - 200; i++) {
				line = sprintf("w%d O O\n", i)
				printf "%s", line
				size += length(line)
				if (i % 10 == 9) { printf "\n"; size++ }
			}
			pad = n - size - 5
			for (j = 0; j < pad; j++) printf "z"
			printf " O O\n"
		}' > m.conll
		[ "$(wc -c < m.conll)" -eq $head ]
		{ printf '\n%s\n' "$line"; tail_lines; } >> m.conll
		same_both m.conll $opts
	done
}

@test "whole: a bad tag is reported at its line" {
	{
		filler 30
		printf 'a B-PER O\nb X-PER O\n\n'
		filler 40
	} > bad.conll
	run -1 --separate-stderr nerspan bad.conll
	[[ "$stderr" == "nerspan: bad.conll:62: unknown gold tag 'X-PER'"* ]]
}
