#!/usr/bin/env bats
# Shell completions and option coverage: every option that a program's
# --help lists must be in its man page and in its bash, zsh and fish
# completions; the bash completion is driven through its function, and
# the zsh and fish files are loaded (and driven) where those shells are
# installed.

load helper

PROGRAMS="nerspan nermatch nerscore nermatrix"

setup() {
	setup_common
	COMP=$TOP/completions
	MAN=$TOP/man
}

# Print the options (-x and --name) of a program's --help, one a line:
# the option lines are indented two spaces (-x, --name) or six (--name).
help_options() {
	"$1" --help | grep -E '^  -[A-Za-z0-9]|^      --[a-z]' |
	    grep -oE '^ +-[A-Za-z0-9](, --[a-z][a-z0-9-]*)?|^ +--[a-z][a-z0-9-]*' |
	    tr ',' '\n' | tr -d ' ' | sort -u
}

# Print the options listed in the OPTIONS section of man page $1.
man_options() {
	awk '/^\.Sh / { on = $0 == ".Sh OPTIONS"; next }
		on && /^\.It / {
			for (i = 2; i < NF; i++) if ($i == "Fl") print $(i + 1)
		}' "$1" | sed 's/,$//' | awk '
		/^-/ { print "-" $0; next }
		{ for (i = 1; i <= length($0); i++) print "-" substr($0, i, 1) }' |
	    sort -u
}

# Call the bash completion function on the words given, the last being
# the one completed; print COMPREPLY one a line.
bash_complete() {
	bash -c '
		source "$1/bash/$2" || exit 1
		shift
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		COMP_LINE="$*"
		COMP_POINT=${#COMP_LINE}
		_nertools "$1" "${COMP_WORDS[COMP_CWORD]}" \
		    "${COMP_WORDS[COMP_CWORD - 1]}"
		printf "%s\n" "${COMPREPLY[@]}"' bash "$COMP" "$1" "$@"
}

# Print the options that the bash completion offers for "PROGRAM -".
bash_options() {
	bash_complete "$1" - | sed 's/=$//' | sort -u
}

# Print the options of the zsh completion of program $1: the names before
# the description of each _arguments spec in _nertools_$1, leaving out the
# exclusion lists in parentheses.
zsh_options() {
	sed -n "/^_nertools_$1() {/,/^}/p" "$COMP/zsh/_nertools" |
	    grep "^[[:space:]]*'.*\[" | sed -e 's/\[.*//' -e 's/([^)]*)//g' |
	    grep -oE -- '--?[A-Za-z0-9][A-Za-z0-9-]*' | sort -u
}

# Print the options that fish offers for "PROGRAM -".
fish_options() {
	fish -c "source $COMP/fish/$1.fish; complete -C '$1 -'" |
	    cut -f 1 | sort -u
}

# Check that every --help option of every program is in the lists that
# function $1 prints, and name each one that is missing from $2.
check_coverage() {
	local p o missing=

	for p in $PROGRAMS; do
		for o in $(help_options "$p"); do
			if ! "$1" "$p" | grep -qxF -- "$o"; then
				missing="$missing $p:$o"
			fi
		done
	done
	if [ -n "$missing" ]; then
		echo "options of --help missing from $2:$missing"
		return 1
	fi
}

man_page_options() {
	man_options "$MAN/$1.1"
}

@test "help_options: reads every option line" {
	run -0 help_options nermatch
	[ "$output" = "$(printf '%s\n' --errors --help --level --min-overlap --version -V -e -h -l -m)" ]
}

@test "coverage: --help options in the man pages" {
	check_coverage man_page_options "the OPTIONS of man/PROGRAM.1"
}

@test "coverage: man OPTIONS are all in --help" {
	local p o extra=

	for p in $PROGRAMS; do
		for o in $(man_options "$MAN/$p.1"); do
			help_options "$p" | grep -qxF -- "$o" || extra="$extra $p:$o"
		done
	done
	if [ -n "$extra" ]; then
		echo "options in the man OPTIONS but not in --help:$extra"
		return 1
	fi
}

@test "coverage: --help options in bash completions" {
	check_coverage bash_options "completions/bash"
}

@test "coverage: --help options in zsh completion" {
	check_coverage zsh_options "completions/zsh/_nertools"
}

@test "coverage: --help options in fish completions" {
	command -v fish >/dev/null || skip "needs fish (Debian: apt-get install fish)"
	check_coverage fish_options "completions/fish"
}

# The enumerated options and their values, as --help lists them.
ENUMS="nerspan --scheme bilou bio bioes bmeow bmes bmewo io iob1 iob2 iobes ioe1 ioe2 lenient raw
nerspan --delimiter tab space
nerspan --empty-tag error outside
nerspan --repair begin discard error
nerspan --token-mismatch count error
nerspan --input-format conll brat spans
nerspan --side gold pred
nerspan --skip-comments none gold pred both
nerscore --format tsv table markdown json conlleval latex
nerscore --mode strict exact partial type all
nerscore --macro all gold
nerscore --zero-division 0 1 NA
nerscore --counts total doc sent
nerscore --unit auto doc sent
nermatrix --format tsv long table svg
nermatrix --normalize none gold pred
nermatrix --pairs exact overlap
nermatrix --color auto always never"

# Check, for each enumerated option, that function $1 PROGRAM OPTION
# prints its values; name each option whose values differ in $2.
check_values() {
	local p o want got bad=

	while read -r p o want; do
		want=$(printf '%s\n' $want | sort)
		got=$("$1" "$p" "$o" | sort)
		if [ "$got" != "$want" ]; then
			bad="$bad $p $o: got '$(echo $got)', expected '$(echo $want)';"
		fi
	done <<< "$ENUMS"
	if [ -n "$bad" ]; then
		echo "values differ in $2:$bad"
		return 1
	fi
}

@test "values: the table matches --help" {
	local p o want v missing=

	while read -r p o want; do
		for v in $want; do
			"$p" --help | grep -qw -- "$v" || missing="$missing $p:$o:$v"
		done
	done <<< "$ENUMS"
	[ -z "$missing" ] || { echo "values not in --help:$missing"; return 1; }
}

bash_values() {
	bash_complete "$1" "$2" = ''
}

zsh_values() {
	sed -n "/^_nertools_$1() {/,/^}/p" "$COMP/zsh/_nertools" |
	    grep -F -- "$2=" | sed 's/.*:(\([^)]*\))'"'"'.*/\1/' | tr ' ' '\n'
}

fish_values() {
	fish -c "source $COMP/fish/$1.fish; complete -C '$1 $2='" |
	    cut -f 1 | sed "s/^$2=//"
}

@test "values: bash offers each enumerated value" {
	check_values bash_values completions/bash
}

@test "values: zsh offers each enumerated value" {
	check_values zsh_values completions/zsh/_nertools
}

@test "values: fish offers each enumerated value" {
	command -v fish >/dev/null || skip "needs fish (Debian: apt-get install fish)"
	check_values fish_values completions/fish
}

@test "bash: one file per program, all the same" {
	local p

	for p in $PROGRAMS; do
		[ -f "$COMP/bash/$p" ]
		cmp "$COMP/bash/$p" "$COMP/bash/nertools"
	done
}

@test "bash: loading registers all four programs" {
	run -0 bash -c "source $COMP/bash/nerspan && complete -p $PROGRAMS"
	[ "${lines[0]}" = "complete -F _nertools nerspan" ]
	[ "${lines[3]}" = "complete -F _nertools nermatrix" ]
}

@test "bash: option name from a prefix" {
	run -0 bash_complete nerspan --sch
	[ "$output" = "--scheme=" ]
}

@test "bash: several options from a prefix" {
	run -0 bash_complete nerspan --gold
	[ "$output" = "$(printf '%s\n' --gold-column= --gold=)" ]
}

@test "bash: nerspan --scheme= lists the schemes" {
	# bash splits "--scheme=" into "--scheme" and "=".
	run -0 bash_complete nerspan --scheme =
	[ "${#lines[@]}" -eq 14 ]
	[ "${lines[0]}" = "bilou" ]
	[ "${lines[13]}" = "raw" ]
}

@test "bash: nerspan --scheme=io narrows the schemes" {
	run -0 bash_complete nerspan --scheme = io
	[ "$output" = "$(printf '%s\n' io iob1 iob2 iobes ioe1 ioe2)" ]
}

@test "bash: nerspan -s lists the schemes" {
	run -0 bash_complete nerspan -s ''
	[ "${#lines[@]}" -eq 14 ]
	[[ "$output" == *$'\niob2\n'* ]]
}

@test "bash: --scheme=io kept whole without '=' break" {
	# With '=' out of COMP_WORDBREAKS the word stays whole, and so must
	# the completions.
	run -0 bash_complete nerspan --scheme=iob
	[ "$output" = "$(printf '%s\n' --scheme=iob1 --scheme=iob2 --scheme=iobes)" ]
}

@test "bash: values of the other enumerated options" {
	run -0 bash_complete nerspan --repair = ''
	[ "$output" = "$(printf '%s\n' begin discard error)" ]
	run -0 bash_complete nerscore -f ''
	[ "$output" = "$(printf '%s\n' tsv table markdown json conlleval latex)" ]
	run -0 bash_complete nerscore --mode = ''
	[ "$output" = "$(printf '%s\n' strict exact partial type all)" ]
	run -0 bash_complete nerscore --zero-division = ''
	[ "$output" = "$(printf '%s\n' 0 1 NA)" ]
	run -0 bash_complete nermatrix --normalize ''
	[ "$output" = "$(printf '%s\n' none gold pred)" ]
	run -0 bash_complete nermatrix --color = a
	[ "$output" = "$(printf '%s\n' auto always)" ]
}

@test "bash: nerscore --counts takes a grain only after '='" {
	run -0 bash_complete nerscore --counts = ''
	[ "$output" = "$(printf '%s\n' total doc sent)" ]
	touch shard.counts
	run -0 bash_complete nerscore --counts ''
	[ "$output" = "shard.counts" ]
}

@test "bash: free values get no completion" {
	touch a.conll
	run -0 bash_complete nerspan -g ''
	[ "$output" = "" ]
	run -0 bash_complete nerscore --digits = ''
	[ "$output" = "" ]
}

@test "bash: files for operands and --gold" {
	touch test.conll test.tsv other
	run -0 bash_complete nerspan te
	[ "$output" = "$(printf '%s\n' test.conll test.tsv)" ]
	run -0 bash_complete nerspan --gold = te
	[ "$output" = "$(printf '%s\n' test.conll test.tsv)" ]
	run -0 bash_complete nermatrix -e ot
	[ "$output" = "other" ]
}

@test "bash: files after --" {
	touch ./-odd.conll
	run -0 bash_complete nerspan -- -o
	[ "$output" = "-odd.conll" ]
}

@test "zsh: _nertools loads after compinit" {
	command -v zsh >/dev/null || skip "needs zsh (Debian: apt-get install zsh)"
	run -0 --separate-stderr zsh -f -c "autoload -U compinit; compinit -u -D
		source $COMP/zsh/_nertools
		print -r -- \$_comps[nerspan] \$_comps[nermatrix]"
	[ "$stderr" = "" ]
	[ "$output" = "_nertools _nertools" ]
}

@test "zsh: #compdef names all four programs" {
	run -0 head -1 "$COMP/zsh/_nertools"
	[ "$output" = "#compdef nerspan nermatch nerscore nermatrix" ]
}

# Write a zsh script that starts an interactive zsh in a pseudo-terminal
# with FOLDER on $fpath, types each LINE and a TAB, and prints what the
# terminal shows until the prompt comes back, as one line per LINE.
write_zsh_driver() {
	cat > zsh-complete <<'EOF'
zmodload zsh/zpty || exit 1
dir=$1
shift
zpty z 'PS1="> " TERM=dumb zsh -f -i'
zpty -w z "fpath=($dir \$fpath); autoload -U compinit; compinit -u -D"
for line in "$@"; do
	zpty -w -n z "$line"$'\t'
	screen= tries=0
	until [[ $screen == *$'\n> '$line* ]] || ((++tries > 300)); do
		if zpty -r -t z chunk; then screen+=${chunk//$'\r'/}
		else sleep 0.1; fi
	done
	print -r -- ${${screen#*$line}//$'\n'/ }
	zpty -w -n z $'\C-u'
	sleep 0.2
	while zpty -r -t z chunk; do :; done
done
zpty -d z
EOF
}

@test "zsh: completes from fpath in a terminal" {
	command -v zsh >/dev/null || skip "needs zsh (Debian: apt-get install zsh)"
	zsh -f -c 'zmodload zsh/zpty' 2>/dev/null || skip "zsh has no zpty module"
	touch a.conll b.conll
	write_zsh_driver
	run -0 --separate-stderr timeout 60 zsh -f zsh-complete "$COMP/zsh" \
	    'nerspan --scheme=' 'nerscore -m ' 'nerspan '
	[ "$stderr" = "" ]
	[[ "${lines[0]}" == *"bilou"*"iob2"*"raw"* ]]
	[[ "${lines[1]}" == *"all"*"exact"*"strict"* ]]
	[[ "${lines[2]}" == *"a.conll"*"b.conll"* ]]
}

@test "fish: every file parses" {
	command -v fish >/dev/null || skip "needs fish (Debian: apt-get install fish)"
	local p

	for p in $PROGRAMS; do
		run -0 --separate-stderr fish -n "$COMP/fish/$p.fish"
		[ "$stderr" = "" ]
	done
}

@test "fish: option name and scheme values" {
	command -v fish >/dev/null || skip "needs fish (Debian: apt-get install fish)"
	run -0 --separate-stderr fish -c "source $COMP/fish/nerspan.fish
		complete -C 'nerspan --sch'"
	[ "$stderr" = "" ]
	[[ "$output" == "--scheme"$'\t'* ]]
	run -0 fish -c "source $COMP/fish/nerspan.fish; complete -C 'nerspan -s '"
	[ "${#lines[@]}" -eq 14 ]
	[[ "$output" == *$'\niob2\t'* ]]
	run -0 fish -c "source $COMP/fish/nerscore.fish
		complete -C 'nerscore --counts='"
	[ "$output" = "$(printf '%s\n' --counts=doc --counts=sent --counts=total |
	    sed 's/$/\tWrite count records instead of scores/')" ]
}

@test "fish: files for operands and --gold" {
	command -v fish >/dev/null || skip "needs fish (Debian: apt-get install fish)"
	touch test.conll
	run -0 fish -c "source $COMP/fish/nerspan.fish; complete -C 'nerspan te'"
	[ "$output" = "test.conll" ]
	run -0 fish -c "source $COMP/fish/nerspan.fish
		complete -C 'nerspan --gold=te'"
	[ "$output" = "--gold=test.conll" ]
}

@test "install: each shell loads completions by name" {
	local share=$PWD/inst/usr/local/share

	make -s -C "$TOP" install DESTDIR="$PWD/inst" PREFIX=/usr/local \
	    O="$BIN" >/dev/null
	if [ -f /usr/share/bash-completion/bash_completion ]; then
		run -0 env XDG_DATA_DIRS="$share" bash -c '
			source /usr/share/bash-completion/bash_completion
			_completion_loader nermatrix
			complete -p nermatrix'
		[ "$output" = "complete -F _nertools nermatrix" ]
	fi
	if command -v zsh >/dev/null; then
		run -0 zsh -f -c "fpath=($share/zsh/site-functions \$fpath)
			autoload -U compinit; compinit -u -D; print \$_comps[nerscore]"
		[ "$output" = "_nertools" ]
	fi
	if command -v fish >/dev/null; then
		run -0 env PATH="$PWD/inst/usr/local/bin:$PATH" \
		    XDG_DATA_DIRS="$share" fish -c 'complete -C "nerspan --sch"'
		[[ "$output" == "--scheme"$'\t'* ]]
	fi
}
