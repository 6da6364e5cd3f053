# Shared setup for the bats files: the programs under test come first on
bats_require_minimum_version 1.5.0
# PATH, the C locale is in force, and every test works in its own folder.

setup_common() {
	export LC_ALL=C
	TOP=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
	BIN=${NERTOOLS_BIN:-$TOP}
	PATH=$BIN:$PATH
	DATA=$TOP/tests/data
	EXPECTED=$TOP/tests/expected
	SHARED=${NERTOOLS_SHARED:-$TOP/../shared}
	cd "$BATS_TEST_TMPDIR" || return 1
}

setup() {
	setup_common
}

# Skip unless the corpora folder that the repository may not ship exists.
need_shared() {
	[ -d "$SHARED/data" ] || skip "needs the corpora this repository does not ship: set NERTOOLS_SHARED to the folder whose data/ holds them"
}

# Fail on an exit status above 125: a crash, not an error the program chose.
no_crash() {
	if [ "$status" -gt 125 ]; then
		echo "crashed with status $status" >&2
		return 1
	fi
}

# Run the main job on a CoNLL file: nerspan | nermatch | nerscore ARGS.
score() {
	local file=$1
	shift
	nerspan "$file" | nermatch | nerscore "$@"
}

# Print "TYPE tp fp fn" per type and "overall P R F1", the layout of the
# hand-worked case answers, from nerscore's TSV on standard input.
case_layout() {
	awk -F '\t' '
		NR == 1 { next }
		$2 == "type" { t = $3 == "" ? "_" : $3; print t, $4, $5, $6 }
		$2 == "micro" { print "overall", $9, $10, $11 }'
}
export -f case_layout
