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
# Link-time optimisation lets the readers inline across files; gcc takes
# -flto=auto to run its jobs in parallel, which clang does not accept.
LTO != $(CC) -flto=auto -x c -c -o /dev/null /dev/null 2>/dev/null && \
	echo -flto=auto || echo -flto
CFLAGS  = -O2 -g $(LTO) -Wall -Wextra -Wpedantic
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

# bytes checks the byte tests of common/swar.h and fmt_u64(), once with
# SSE2 where the compiler offers it and once with the portable code alone.
$(O)/build/bytes: tests/unit/bytes.c $(COMMON_OBJ) $(COMMON_HDR)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ tests/unit/bytes.c \
		$(COMMON_OBJ) -lm
$(O)/build/bytes-portable: tests/unit/bytes.c $(COMMON_OBJ) $(COMMON_HDR)
	$(CC) $(CPPFLAGS) -DNERTOOLS_NO_SSE2 $(CFLAGS) $(LDFLAGS) -o $@ \
		tests/unit/bytes.c $(COMMON_OBJ) -lm

# split-check prints the fields that common/fields.c finds, for
# tests/fields.bats to compare with awk.
$(O)/build/split-check: tests/unit/split-check.c $(COMMON_OBJ) $(COMMON_HDR)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ tests/unit/split-check.c \
		$(COMMON_OBJ) -lm

# linebits checks the bitmaps of the CoNLL reader's buffer, each way
# this build and processor can make them, against a plain loop.
$(O)/build/linebits: tests/unit/linebits.c $(COMMON_OBJ) $(COMMON_HDR)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ tests/unit/linebits.c \
		$(COMMON_OBJ) -lm

UNIT = $(O)/build/align-brute $(O)/build/bytes $(O)/build/bytes-portable \
	$(O)/build/split-check $(O)/build/linebits

# The packages the tests need, on Debian and Ubuntu; sudo unless root.
SUDO != [ "$$(id -u)" = 0 ] || echo sudo
test-deps:
	$(SUDO) apt-get update -qq
	$(SUDO) apt-get install -y bats fish jq libxml2-utils mandoc parallel \
		zsh

# The unit checks that tests/*.bats run, built in $(O).
unit: $(UNIT)

check: all $(UNIT)
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
		all unit
	@NERTOOLS_BIN=$$PWD/$(SAN_O) tests/run-bats

# The same tests against a build without SSE2, so that the portable code
# of common/swar.h runs too.
PORTABLE_O = build-portable
check-portable:
	$(MAKE) O=$(PORTABLE_O) CFLAGS="$(CFLAGS) -DNERTOOLS_NO_SSE2" \
		all unit
	@NERTOOLS_BIN=$$PWD/$(PORTABLE_O) tests/run-bats

# The same tests with every program run under valgrind, through wrapper
# scripts in build-valgrind: memory errors and leaks make it exit 99.
VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full
check-valgrind: all $(UNIT)
	@mkdir -p build-valgrind/build
	@for p in $(PROGS) $(UNIT:./%=%); do \
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
FUZZ_NAMES = conll spans brat match score matrix tags align read split
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
$(O)/fuzz-tags $(O)/fuzz-align $(O)/fuzz-read $(O)/fuzz-split: \
		$(O)/fuzz-%: tests/fuzz/fuzz-%.c tests/fuzz/fuzz.c $(COMMON_OBJ)
	$(FUZZ_LINK) -o $@ tests/fuzz/fuzz-$*.c tests/fuzz/fuzz.c $(FUZZ_OBJ) -lm

# Benchmarks: corpora built from the shipped sample, every program timed.
# SIZES, BIG=1 (adds 2 GB), RUNS and CONLLEVAL are read by tests/bench/run.
BENCH_TOOLS = build/bench/gencorpus build/bench/measure build/bench/conllread

build/bench/%: tests/bench/%.c
	@mkdir -p build/bench
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $<

# conllread times nerspan's reading alone, so it links the common objects.
build/bench/conllread: tests/bench/conllread.c $(COMMON_OBJ)
	@mkdir -p build/bench
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(COMMON_OBJ) -lm

bench: all $(BENCH_TOOLS)
	@tests/bench/run speed

bench-growth: all $(BENCH_TOOLS)
	@tests/bench/run growth

MAN1 = man/nerspan.1 man/nermatch.1 man/nerscore.1 man/nermatrix.1
MAN5 = man/nertools.5
MAN7 = man/nertools.7

# Every file that install writes, relative to DESTDIR: check-install
# looks for each of them, and uninstall removes them.
INSTALLED = $(PROGS:%=$(BINDIR)/%) \
	$(MAN1:man/%=$(MANPREFIX)/man1/%) $(MAN5:man/%=$(MANPREFIX)/man5/%) \
	$(MAN7:man/%=$(MANPREFIX)/man7/%) \
	$(PROGS:%=$(BASHCOMPDIR)/%) $(ZSHCOMPDIR)/_nertools \
	$(PROGS:%=$(FISHCOMPDIR)/%.fish)

# cp follows the links of completions/bash, so each program gets a copy
# of the one bash file under its own name, as bash-completion loads it.
install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANPREFIX)/man1 \
		$(DESTDIR)$(MANPREFIX)/man5 $(DESTDIR)$(MANPREFIX)/man7 \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) \
		$(DESTDIR)$(FISHCOMPDIR)
	for p in $(PROGS); do cp -f $(O)/$$p $(DESTDIR)$(BINDIR)/ && \
		chmod 755 $(DESTDIR)$(BINDIR)/$$p || exit 1; done
	for m in $(MAN1) $(MAN5) $(MAN7); do \
		d=$(DESTDIR)$(MANPREFIX)/man$${m##*.}; \
		cp -f $$m $$d/ && chmod 644 $$d/$${m#man/} || exit 1; done
	for p in $(PROGS); do \
		cp -f completions/bash/$$p $(DESTDIR)$(BASHCOMPDIR)/$$p && \
		chmod 644 $(DESTDIR)$(BASHCOMPDIR)/$$p && \
		cp -f completions/fish/$$p.fish $(DESTDIR)$(FISHCOMPDIR)/ && \
		chmod 644 $(DESTDIR)$(FISHCOMPDIR)/$$p.fish || exit 1; done
	cp -f completions/zsh/_nertools $(DESTDIR)$(ZSHCOMPDIR)/
	chmod 644 $(DESTDIR)$(ZSHCOMPDIR)/_nertools

uninstall:
	for f in $(INSTALLED); do rm -f $(DESTDIR)$$f; done

# Lint every page; mandoc exits 0 on style messages, so any output fails.
check-man:
	@out=$$(mandoc -Tlint -W warning $(MAN1) $(MAN5) $(MAN7) 2>&1); \
	status=$$?; \
	if [ -n "$$out" ] || [ $$status -ne 0 ]; then \
		printf '%s\n' "$$out"; \
		echo "check-man: mandoc -Tlint -W warning reported the lines" \
		    "above (status $$status)"; exit 1; fi; \
	echo "check-man: $(words $(MAN1) $(MAN5) $(MAN7)) pages lint clean"

# Install into a scratch DESTDIR, check that every file is there with its
# mode, uninstall, and fail if any file or link is left behind.
check-install: all
	@d=$$(mktemp -d) || exit 1; \
	trap 'rm -rf "$$d"' EXIT; \
	$(MAKE) -s install DESTDIR="$$d" >/dev/null || exit 1; \
	fail=0; \
	for f in $(INSTALLED); do \
		case $$f in $(BINDIR)/*) want=-rwxr-xr-x ;; \
		*) want=-rw-r--r-- ;; esac; \
		mode=$$(ls -ld "$$d$$f" 2>/dev/null | cut -c 1-10); \
		if [ ! -f "$$d$$f" ]; then \
			echo "check-install: $$f not installed"; fail=1; \
		elif [ "$$mode" != "$$want" ]; then \
			echo "check-install: $$f has mode $$mode," \
			    "expected $$want"; fail=1; \
		fi; \
	done; \
	extra=$$(cd "$$d" && find . \( -type f -o -type l \) | \
	    sed 's|^\.||' | sort); \
	for f in $(INSTALLED); do \
		extra=$$(printf '%s\n' "$$extra" | grep -vxF "$$f"); done; \
	if [ -n "$$extra" ]; then \
		echo "check-install: install wrote files not in INSTALLED:"; \
		printf '%s\n' "$$extra"; fail=1; fi; \
	$(MAKE) -s uninstall DESTDIR="$$d" >/dev/null || exit 1; \
	left=$$(cd "$$d" && find . \( -type f -o -type l \) -print); \
	if [ -n "$$left" ]; then \
		echo "check-install: uninstall left:"; \
		printf '%s\n' "$$left"; fail=1; fi; \
	[ $$fail -eq 0 ] && echo "check-install: $(words $(INSTALLED)) files" \
	    "installed and removed under DESTDIR=$$d"; \
	exit $$fail

demo: all
	./nerspan tests/data/wnut17/uh_ritual.conll | ./nermatch | ./nerscore -f table
	@echo
	./nerspan tests/data/wnut17/uh_ritual.conll | ./nermatch | ./nermatrix -f table

clean:
	rm -rf build build-san build-san-clang build-fuzz build-valgrind \
		$(PORTABLE_O) $(PROGS)

.PHONY: all bench bench-growth check check-install check-man check-sanitize \
	check-portable check-valgrind clean demo fuzz install test-deps unit \
	uninstall
.SECONDARY:
