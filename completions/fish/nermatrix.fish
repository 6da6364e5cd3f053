# fish completion for nermatrix(1) of nertools.  Arguments are files of
# match or count records.
complete -c nermatrix -s e -l errors -d 'Blank the diagonal'
complete -c nermatrix -s f -l format -x -a 'tsv long table svg' -d 'Output layout'
complete -c nermatrix -s h -l help -d 'Print the help and exit'
complete -c nermatrix -s n -l normalize -x -a 'none gold pred' -d 'Divide cells by the gold or predicted total'
complete -c nermatrix -s p -l pairs -x -a 'exact overlap' -d 'Which entities pair up'
complete -c nermatrix -s t -l transpose -d 'Put predicted types in rows'
complete -c nermatrix -s V -l version -d 'Print the version and exit'
complete -c nermatrix -l color -x -a 'auto always never' -d 'Whether -f table shades its cells'
complete -c nermatrix -l digits -x -d 'Decimals of shares (0 to 17)'
complete -c nermatrix -l max-types -x -d 'Maximum number of types of a wide format'
complete -c nermatrix -l top -x -d 'List the N most frequent errors instead'
