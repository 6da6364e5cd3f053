# fish completion for nerscore(1) of nertools.  Arguments are files of
# match or count records.
complete -c nerscore -s f -l format -x -a 'tsv table markdown json conlleval latex' -d 'Output layout'
complete -c nerscore -s h -l help -d 'Print the help and exit'
complete -c nerscore -s m -l mode -x -d 'Which pairs count as correct' -a '
	strict\t"Same boundaries and type (default)"
	exact\t"Same boundaries"
	partial\t"Overlap earns half"
	type\t"Any overlap, same type"
	all\t"All four modes"'
complete -c nerscore -s V -l version -d 'Print the version and exit'
complete -c nerscore -l beta -x -d 'Weight of recall in F-beta (0.000001 to 1000000)'
complete -c nerscore -l counts -f -a 'total doc sent' -d 'Write count records instead of scores'
complete -c nerscore -l digits -x -d 'Decimals of ratios (0 to 17)'
complete -c nerscore -l explain -d 'Explain the scores of each type in words'
complete -c nerscore -l high-precision -x -d 'With --explain: precision from P up is high'
complete -c nerscore -l high-recall -x -d 'With --explain: recall from R up is high'
complete -c nerscore -l macro -x -a 'all gold' -d 'Which types the macro average covers'
complete -c nerscore -l muc -d 'Add the MUC columns'
complete -c nerscore -l per-doc -d 'Add per-document mean and standard deviation'
complete -c nerscore -l top -x -d 'With --explain: number of confusions to list (1 to 1000)'
complete -c nerscore -l zero-division -x -a '0 1 NA' -d 'Value of a ratio with a zero denominator'
complete -c nerscore -l ci -d 'Write bootstrap confidence intervals'
complete -c nerscore -l compare -d 'Compare two models on one test set'
complete -c nerscore -l level -x -d 'With --ci or --compare: confidence level (0 to 1)'
complete -c nerscore -l resamples -x -a 'all' -d 'With --ci or --compare: number of resamples'
complete -c nerscore -l seed -x -d 'With --ci or --compare: seed of the random draws'
complete -c nerscore -l unit -x -a 'auto doc sent' -d 'With --ci or --compare: the unit resampled'
