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

check: all
	@tests/run-bats

# The same tests against a build with AddressSanitizer and
# UndefinedBehaviorSanitizer, in a folder of its own.
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
check-sanitize:
	$(MAKE) O=build-san CFLAGS="-O1 -g $(SANFLAGS)" LDFLAGS="$(SANFLAGS)" all
	@NERTOOLS_BIN=$$PWD/build-san tests/run-bats

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

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANPREFIX)/man1 \
		$(DESTDIR)$(MANPREFIX)/man5 $(DESTDIR)$(MANPREFIX)/man7
	for p in $(PROGS); do cp -f $$p $(DESTDIR)$(BINDIR)/ && \
		chmod 755 $(DESTDIR)$(BINDIR)/$$p || exit 1; done
	for m in $(MAN1); do cp -f $$m $(DESTDIR)$(MANPREFIX)/man1/ && \
		chmod 644 $(DESTDIR)$(MANPREFIX)/man1/$${m#man/} || exit 1; done
	for m in $(MAN5); do cp -f $$m $(DESTDIR)$(MANPREFIX)/man5/ && \
		chmod 644 $(DESTDIR)$(MANPREFIX)/man5/$${m#man/} || exit 1; done
	for m in $(MAN7); do cp -f $$m $(DESTDIR)$(MANPREFIX)/man7/ && \
		chmod 644 $(DESTDIR)$(MANPREFIX)/man7/$${m#man/} || exit 1; done

uninstall:
	for p in $(PROGS); do rm -f $(DESTDIR)$(BINDIR)/$$p; done
	for m in $(MAN1); do rm -f $(DESTDIR)$(MANPREFIX)/man1/$${m#man/}; done
	for m in $(MAN5); do rm -f $(DESTDIR)$(MANPREFIX)/man5/$${m#man/}; done
	for m in $(MAN7); do rm -f $(DESTDIR)$(MANPREFIX)/man7/$${m#man/}; done

demo: all
	./nerspan tests/data/wnut17/uh_ritual.conll | ./nermatch | ./nerscore -f table
	@echo
	./nerspan tests/data/wnut17/uh_ritual.conll | ./nermatch | ./nermatrix -f table

clean:
	rm -rf build build-san $(PROGS)

.PHONY: all bench bench-growth check check-sanitize clean demo install \
	uninstall
.SECONDARY:
