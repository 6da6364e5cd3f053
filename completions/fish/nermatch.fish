# fish completion for nermatch(1) of nertools.  The arguments are one
# span stream file, or a gold and a predicted one.
complete -c nermatch -s e -l errors -d 'Write only the records that are not exact matches'
complete -c nermatch -s h -l help -d 'Print the help and exit'
complete -c nermatch -s l -l level -x -d 'Keep only the spans of one annotation level'
complete -c nermatch -s m -l min-overlap -x -d 'Least share of the gold span an overlap covers (0 < F <= 1)'
complete -c nermatch -s V -l version -d 'Print the version and exit'
