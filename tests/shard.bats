#!/usr/bin/env bats
# Sharded runs: a corpus split at sentence or document boundaries, each
# shard run through the mapper with GNU parallel, and the count records
# merged by the reducer, give exactly the output of one run over the whole
# corpus.  The mapper and reducer are the commands of the recipes in
# nertools(7) and the README; conlleval.pl's own report of the corpus is
# the independent reference.

load helper

MAPPER='nerspan --allow-empty | nermatch | nerscore --counts'
REDUCER='nerscore --counts'

setup() {
	setup_common
	command -v parallel >/dev/null ||
	    skip "needs GNU parallel (Debian: apt-get install parallel)"
	CORPUS=$DATA/wnut17/uh_ritual.conll
	nerspan "$CORPUS" | nermatch >one.match
	nerscore --counts one.match >one.counts
}

# Run the mapper on 8 chunks of the corpus that end at blank lines.
map_shards() {
	parallel -j 8 --pipepart -a "$CORPUS" --recend '\n\n' --block -1 -k \
	    "$MAPPER" >mapped
}

@test "shards: eight chunks at blank lines" {
	map_shards
	run -0 grep -c '^#end' mapped
	[ "$output" = 8 ]
}

@test "shards: merged counts equal one run" {
	map_shards
	run -0 --separate-stderr sh -c "$REDUCER <mapped"
	[ "$output" = "$(cat one.counts)" ]
	[ "$stderr" = "" ]
}

@test "shards: tsv format equals one run" {
	map_shards
	run -0 nerscore mapped
	[ "$output" = "$(nerscore one.match)" ]
}

@test "shards: table format equals one run" {
	map_shards
	run -0 nerscore -f table -m all --muc mapped
	[ "$output" = "$(nerscore -f table -m all --muc one.match)" ]
}

@test "shards: conlleval format equals conlleval.pl" {
	map_shards
	run -0 nerscore -f conlleval mapped
	[ "$output" = "$(cat "$EXPECTED/conlleval/wnut17-uh_ritual.txt")" ]
}

@test "shards: nermatrix equals one run" {
	map_shards
	run -0 nermatrix mapped
	[ "$output" = "$(nermatrix one.match)" ]
	run -0 nermatrix -f table --pairs=overlap mapped
	[ "$output" = "$(nermatrix -f table --pairs=overlap one.match)" ]
}

@test "reducer: counts of counts unchanged" {
	run -0 sh -c "$REDUCER <one.counts"
	[ "$output" = "$(cat one.counts)" ]
}

@test "reducer: reducing partial merges" {
	parallel -j 8 --pipepart -a "$CORPUS" --recend '\n\n' --block -1 \
	    "$MAPPER >part{#}"
	cat part1 part2 part3 part4 | nerscore --counts >left
	cat part5 part6 part7 part8 | nerscore --counts >right
	run -0 sh -c "cat left right | $REDUCER"
	[ "$output" = "$(cat one.counts)" ]
}

@test "shard files: one job per file" {
	parallel -j 8 --pipepart -a "$CORPUS" --recend '\n\n' --block -1 \
	    'cat >shard{#}.conll'
	run -0 sh -c "ls shard*.conll | wc -l"
	[ "$output" = 8 ]
	run -0 sh -c "parallel 'nerspan {} | nermatch | nerscore --counts' \
	    ::: shard*.conll | $REDUCER"
	[ "$output" = "$(cat one.counts)" ]
}

@test "sshlogin: local machine as a host" {
	run -0 sh -c "parallel -S 4/: --pipepart -a '$CORPUS' --recend '\n\n' \
	    --block -2 '$MAPPER' | $REDUCER"
	[ "$output" = "$(cat one.counts)" ]
}

@test "shards: chunk of blank lines" {
	# A file that ends in a long run of blank lines: with 4 jobs some
	# chunks hold blank lines only.  One entity, found: P = R = F = 1.
	printf 'a B-X B-X\n\n\n\n\n\n\n\n\n\n\n\n' >t3.conll
	run -0 --separate-stderr sh -c "parallel -j 4 --pipepart -a t3.conll \
	    --recend '\n\n' --block -1 '$MAPPER' | $REDUCER | nerscore"
	[ "$stderr" = "" ]
	[ "${lines[1]}" = "$(printf 'strict\ttype\tX\t1\t0\t0\t1\t1\t1.0000\t1.0000\t1.0000')" ]
	run -0 sh -c "parallel -j 4 --pipepart -a t3.conll --recend '\n\n' \
	    --block -1 '$MAPPER' | grep -c '^#end'"
	[ "$output" -gt 1 ]
}

@test "allow-empty: blank input is an empty corpus" {
	run -0 --separate-stderr sh -c "printf '\n\n' | nerspan --allow-empty"
	[ "$stderr" = "" ]
	[ "$output" = "$(printf 'doc\tsent\tside\tstart\tend\ttype\tlevel\tsource\ttext\n#end\t0')" ]
}

# The Hadoop Streaming mapper and reducer of nertools(7), as files.
write_hadoop_scripts() {
	cat >map.sh <<'EOF'
#!/bin/sh
nerspan --allow-empty | nermatch | nerscore --counts >counts &&
    tr '\n' '\r' <counts
EOF
	cat >reduce.sh <<'EOF'
#!/bin/sh
tr -d '\n' | tr '\r' '\n' | nerscore --counts
EOF
}

# Each job runs the mapper in a folder of its own, as a Hadoop task does,
# and a newline ends its output, as Hadoop ends each line it passes on;
# sort stands in for the shuffle.
@test "hadoop fold: shuffled lines merge" {
	write_hadoop_scripts
	TMPDIR=$BATS_TEST_TMPDIR parallel -j 8 --pipepart -a "$CORPUS" \
	    --recend '\n\n' --block -1 \
	    "map=\$PWD/map.sh && cd \"\$(mktemp -d)\" && sh \"\$map\" && echo" \
	    >folded
	run -0 wc -l <folded
	[ "$output" = 8 ]
	run -0 sh -c "sort -r folded | sh reduce.sh"
	[ "$output" = "$(cat one.counts)" ]
}

@test "hadoop mapper: bad input fails the task" {
	write_hadoop_scripts
	run -1 --separate-stderr sh -c "printf 'a\n' | sh map.sh"
	[ "$output" = "" ]
	[[ "${stderr_lines[0]}" == "nerspan: <stdin>:1: "* ]]
}

@test "documents: per-doc through the reducer" {
	awk 'NR == 1 { print "-DOCSTART- O O\n" }
	    { print }
	    /^$/ && ++n % 50 == 0 { print "-DOCSTART- O O\n" }' \
	    "$CORPUS" >docs.conll
	parallel -j 8 --pipepart -a docs.conll --recstart '-DOCSTART-' \
	    --recend '\n' --block -1 -k \
	    'nerspan --allow-empty | nermatch | nerscore --counts=doc' >mapped
	run -0 sh -c "nerscore --counts=doc mapped | nerscore --per-doc"
	[ "$output" = "$(nerspan docs.conll | nermatch | nerscore --per-doc)" ]
}

@test "documents: same name, two documents" {
	printf -- '-DOCSTART- O O\n\na B-X B-X\n\n' >a.conll
	printf -- '-DOCSTART- O O\n\nb B-X O\n\n' >b.conll
	parallel -k 'nerspan {} | nermatch | nerscore --counts=doc' \
	    ::: a.conll b.conll >mapped
	run -0 sh -c "nerscore --counts=doc mapped | grep -c '^#end'"
	[ "$output" = 2 ]
	run -0 sh -c "nerscore --counts=doc mapped |
	    nerscore --per-doc -f table | grep -E '^doc-mean +[0-9]'"
	[ "$output" = "doc-mean                             0.5000  0.5000  0.5000" ]
}

@test "man page: nertools.7 lint is silent" {
	command -v mandoc >/dev/null || skip "needs mandoc"
	run -0 --separate-stderr mandoc -Tlint -W warning "$TOP/man/nertools.7"
	[ "$output" = "" ]
	[ "$stderr" = "" ]
}
