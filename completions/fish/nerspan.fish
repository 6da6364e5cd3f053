# fish completion for nerspan(1) of nertools.  Arguments are CoNLL files.
complete -c nerspan -s c -l check -d 'List tag sequences the scheme does not allow'
complete -c nerspan -s d -l delimiter -x -a 'tab space' -d 'How fields are split (or one character)'
complete -c nerspan -s g -l gold-column -x -d 'Columns of the gold tags (1 first, -1 last)'
complete -c nerspan -s h -l help -d 'Print the help and exit'
complete -c nerspan -s m -l map -x -d 'Rename type FROM to TO: [gold:|pred:]FROM=TO'
complete -c nerspan -s o -l outside -x -d 'The tag outside every entity'
complete -c nerspan -s p -l pred-column -x -d 'Columns of the predicted tags'
complete -c nerspan -s s -l scheme -x -d 'Tagging scheme' -a '
	bilou\t"B- I- L- U-"
	bio\t"Same as iob2"
	bioes\t"Same as iobes"
	bmeow\t"B- M- E- W-"
	bmes\t"B- M- E- S-"
	bmewo\t"Same as bmeow"
	io\t"I- only, or bare labels"
	iob1\t"I- starts an entity, B- only after one of its type"
	iob2\t"B- starts every entity"
	ioe1\t"I- ends an entity, E- only before one of its type"
	ioe2\t"E- ends every entity"
	iobes\t"B- I- E- S-"
	lenient\t"Every prefix, conlleval.pl rules (default)"
	raw\t"No prefixes: each tagged token is an entity"'
complete -c nerspan -s t -l token-column -x -d 'Column of the token text'
complete -c nerspan -s V -l version -d 'Print the version and exit'
complete -c nerspan -l allow-empty -d 'Read an input without token lines as an empty corpus'
complete -c nerspan -l conlleval -d 'Read and chunk exactly as conlleval.pl does'
complete -c nerspan -l empty-tag -x -a 'error outside' -d 'What an empty tag field means'
complete -c nerspan -l gold -r -F -d 'File of the gold tags'
complete -c nerspan -l pred -r -F -d 'File of the predicted tags'
complete -c nerspan -l pred-token-column -x -d 'Column of the token in the --pred file'
complete -c nerspan -l repair -x -a 'begin discard error' -d 'What to do with an invalid entity'
complete -c nerspan -l skip-comments -f -a 'none gold pred both' -d 'Skip lines that begin with # (in the files named)'
complete -c nerspan -s i -l input-format -x -a 'conll brat spans' -d 'What the input is'
complete -c nerspan -l side -x -a 'gold pred' -d 'The side of the entities of -i brat'
complete -c nerspan -l token-mismatch -x -a 'count error' -d 'Tokens that differ between --gold and --pred'
