#!/usr/bin/env bats
# The field splitter of common/fields.c against awk, which splits the same
# lines by its own rules: -F '\t' for TAB-separated fields, and the default
# field separator (runs of spaces and TABs) for DELIM_SPACE.  The lines have
# every length from 0 to 70 bytes, with one delimiter at each position and
# with two at each pair of positions.  So every delimiter falls at every
# place of a 16-byte (SSE2) and an 8-byte (SWAR) step, and in every tail.

load helper

# need_split_check: fail when the test program is not built.
need_split_check() {
	[ -x "$BIN/build/split-check" ] || {
		echo "build/split-check is missing: run make check" >&2
		return 1
	}
}

# lines DELIM: print the lines of every length 0..70, with DELIM (an awk
# string) at each position and at each pair of positions.  The other bytes
# come from a fill that has bytes next to TAB and space in value (0x08,
# 0x0b, 0x1f, 0x21), bytes with the high bit set (0x89 is TAB + 0x80, 0xa0
# is space + 0x80), VT, FF and CR.
lines() {
	awk -v delim="$1" 'BEGIN {
		fill = "ab\010\013\037\041\211\240\351\014\015z0"
		for (len = 0; len <= 70; len++) {
			base = ""
			for (i = 0; i < len; i++)
				base = base substr(fill, i % 13 + 1, 1)
			print base
			for (k = 0; k < len; k++) {
				one = substr(base, 1, k) delim substr(base, k + 2)
				print one
				for (j = k + 1; j < len; j++)
					print substr(one, 1, j) delim \
					    substr(one, j + 2)
			}
			all = ""
			for (i = 0; i < len; i++)
				all = all delim
			print all
		}
	}'
}

# The reference: the number of fields, then the length of each.  awk gives
# an empty line no fields, but a TAB-separated empty line is one empty field.
awk_tab_fields() {
	awk -F '\t' '{
		if ($0 == "") { print 1, 0; next }
		printf "%d", NF
		for (i = 1; i <= NF; i++)
			printf " %d", length($i)
		printf "\n"
	}'
}

awk_blank_fields() {
	awk '{
		printf "%d", NF
		for (i = 1; i <= NF; i++)
			printf " %d", length($i)
		printf "\n"
	}'
}

# check_split MODE REFERENCE: run split-check MODE on in.txt and compare
# its output with that of the awk function REFERENCE.
check_split() {
	need_split_check
	"$2" < in.txt > want.txt
	run -0 --separate-stderr "$BIN/build/split-check" "$1" < in.txt
	[ "$stderr" = "" ]
	printf '%s\n' "$output" | diff want.txt - | head -n 5
	printf '%s\n' "$output" | cmp -s want.txt -
}

@test "split: TAB fields match awk" {
	lines '\t' > in.txt
	[ "$(wc -l < in.txt)" -eq 59782 ]
	check_split tab awk_tab_fields
}

@test "split: line and TABs in one pass match awk" {
	lines '\t' > in.txt
	check_split line awk_tab_fields
}

@test "split: line at end of block matches awk" {
	lines '\t' > in.txt
	check_split last awk_tab_fields
}

@test "split: space runs match awk" {
	{ lines ' '; lines '\t'; lines ' \t'; } > in.txt
	check_split space awk_blank_fields
}
