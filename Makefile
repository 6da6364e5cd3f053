# nertools: make builds the four programs; make check runs the tests.
# GNU make: every common/*.c is linked into every program.

PREFIX    = /usr/local
BINDIR    = $(PREFIX)/bin
MANPREFIX = $(PREFIX)/share/man
DATAROOT  = $(PREFIX)/share
BASHCOMPDIR = $(DATAROOT)/bash-completion/completions
ZSHCOMPDIR  = $(DATAROOT)/zsh/site-functions
FISHCOMPDIR = $(DATAROOT)/fish/vendor_completions.d

CC      = cc
CFLAGS  = -O2 -g -Wall -Wextra -Wpedantic
CPPFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -Icommon
LDFLAGS =

# O is where objects and programs go; a sanitizer build uses another one.
O = .

PROGS = nerspan nermatch nerscore nermatrix
COMMON_SRC = $(wildcard common/*.c)
COMMON_HDR = $(wildcard common/*.h)

all: $(PROGS:%=$(O)/%)

$(O)/build/%.o: common/%.c $(COMMON_HDR)
	@mkdir -p $(O)/build
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(O)/build/cmd-%.o: cmd/%.c $(COMMON_HDR)
	@mkdir -p $(O)/build
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

COMMON_OBJ = $(COMMON_SRC:common/%.c=$(O)/build/%.o)

$(O)/%: $(O)/build/cmd-%.o $(COMMON_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(COMMON_OBJ) -lm

# align-brute checks the pairing of nermatch against an exhaustive search;
# a test in tests/nermatch.bats runs it.
$(O)/build/align-brute: tests/unit/align-brute.c $(COMMON_OBJ) $(COMMON_HDR)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ tests/unit/align-brute.c \
		$(COMMON_OBJ) -lm

check: all $(O)/build/align-brute
	@tests/run-bats

# The same tests against a build with AddressSanitizer and
# UndefinedBehaviorSanitizer, in a folder of its own.
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
# clang's build needs a folder of its own too, and finds more (NULL + 0):
# make check-sanitize CC=clang SAN_O=build-san-clang
SAN_O = build-san
check-sanitize:
	$(MAKE) O=$(SAN_O) CFLAGS="-O1 -g $(SANFLAGS)" LDFLAGS="$(SANFLAGS)" \
		all $(SAN_O)/build/align-brute
	@NERTOOLS_BIN=$$PWD/$(SAN_O) tests/run-bats

# The same tests with every program run under valgrind, through wrapper
# scripts in build-valgrind: memory errors and leaks make it exit 99.
VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full
check-valgrind: all build/align-brute
	@mkdir -p build-valgrind/build
	@for p in $(PROGS) build/align-brute; do \
		printf '#!/bin/sh\nexec %s %s "$$@"\n' "$(VALGRIND)" \
		    "$$PWD/$$p" > build-valgrind/$$p && \
		chmod +x build-valgrind/$$p || exit 1; done
	@NERTOOLS_BIN=$$PWD/build-valgrind tests/run-bats

# libFuzzer harnesses (tests/fuzz), built with clang into build-fuzz.
# make fuzz builds them and their seed corpus; make fuzz FUZZ_SECONDS=600
# also runs each for that long, two at a time, and keeps the logs and any
# crashing input in build-fuzz.
FUZZ_CC = clang
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_SECONDS = 0
FUZZ_JOBS = 2
FUZZ_NAMES = conll spans brat match score matrix tags align
FUZZ_LINK = $(CC) $(CPPFLAGS) -I. -Itests/fuzz $(CFLAGS) -fsanitize=fuzzer \
	-Wl,--wrap=exit,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=free
FUZZ_PROGRAM = tests/fuzz/fuzz-program.c tests/fuzz/fuzz.c
FUZZ_OBJ = tests/fuzz/bss-begin.c $(COMMON_OBJ) tests/fuzz/bss-end.c

fuzz: all
	$(MAKE) O=build-fuzz CC=$(FUZZ_CC) \
		CFLAGS="-O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN)" \
		$(FUZZ_NAMES:%=build-fuzz/fuzz-%)
	tests/fuzz/seeds.sh build-fuzz/corpus
	@if [ "$(FUZZ_SECONDS)" -gt 0 ]; then \
		tests/fuzz/run.sh build-fuzz $(FUZZ_SECONDS) $(FUZZ_JOBS) \
		    $(FUZZ_NAMES); fi

# The program each harness runs, and what its input is (fuzz-program.c).
FUZZ_PROGRAMS = conll spans brat match score matrix
FUZZ_CMD_conll = nerspan
FUZZ_CMD_spans = nerspan
FUZZ_CMD_brat = nerspan
FUZZ_CMD_match = nermatch
FUZZ_CMD_score = nerscore
FUZZ_CMD_matrix = nermatrix

$(FUZZ_PROGRAMS:%=$(O)/fuzz-%): $(O)/fuzz-%: $(FUZZ_PROGRAM) $(COMMON_OBJ) \
		cmd/nerspan.c cmd/nermatch.c cmd/nerscore.c cmd/nermatrix.c
	$(FUZZ_LINK) -DPROGRAM_FILE='"cmd/$(FUZZ_CMD_$*).c"' -DKIND=KIND_$* \
		-o $@ $(FUZZ_PROGRAM) $(FUZZ_OBJ) -lm

# The harnesses that call common/ functions directly.
$(O)/fuzz-tags $(O)/fuzz-align: $(O)/fuzz-%: tests/fuzz/fuzz-%.c \
		tests/fuzz/fuzz.c $(COMMON_OBJ)
	$(FUZZ_LINK) -o $@ tests/fuzz/fuzz-$*.c tests/fuzz/fuzz.c $(FUZZ_OBJ) -lm

MAN1 = man/nerspan.1 man/nermatch.1 man/nerscore.1 man/nermatrix.1
MAN5 = man/nertools.5

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANPREFIX)/man1 \
		$(DESTDIR)$(MANPREFIX)/man5
	for p in $(PROGS); do cp -f $$p $(DESTDIR)$(BINDIR)/ && \
		chmod 755 $(DESTDIR)$(BINDIR)/$$p || exit 1; done
	for m in $(MAN1); do cp -f $$m $(DESTDIR)$(MANPREFIX)/man1/ && \
		chmod 644 $(DESTDIR)$(MANPREFIX)/man1/$${m#man/} || exit 1; done
	for m in $(MAN5); do cp -f $$m $(DESTDIR)$(MANPREFIX)/man5/ && \
		chmod 644 $(DESTDIR)$(MANPREFIX)/man5/$${m#man/} || exit 1; done

uninstall:
	for p in $(PROGS); do rm -f $(DESTDIR)$(BINDIR)/$$p; done
	for m in $(MAN1); do rm -f $(DESTDIR)$(MANPREFIX)/man1/$${m#man/}; done
	for m in $(MAN5); do rm -f $(DESTDIR)$(MANPREFIX)/man5/$${m#man/}; done

demo: all
	./nerspan tests/data/wnut17/uh_ritual.conll | ./nermatch | ./nerscore -f table
	@echo
	./nerspan tests/data/wnut17/uh_ritual.conll | ./nermatch | ./nermatrix -f table

clean:
	rm -rf build build-san build-fuzz build-valgrind $(PROGS)

.PHONY: all check check-sanitize check-valgrind clean demo fuzz install \
	uninstall
.SECONDARY:
