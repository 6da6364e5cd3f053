/*
 * fuzz: support for the libFuzzer harnesses (see fuzz.h).
 *
 * The input files are memory files (memfd_create), opened by the parsers
 * through /proc/self/fd like any other path.
 *
 * A run that ends in exit() leaves behind what the process would have
 * released by exiting: its open files, its memory and the state of the
 * globals of common/.  So fuzz_call() closes every file the run opened and
 * frees every block the run allocated.  The build links with --wrap for
 * malloc, calloc, realloc and free, which is how the blocks of a run are
 * tracked.  Then fuzz_call() sets the zero-initialized globals of common/
 * back to their state before the first run, so that each run starts as a
 * new process would.  Those globals lie between fuzz_bss_begin and
 * fuzz_bss_end because the harness links bss-begin.o, the common objects
 * and bss-end.o in that order.  The initialized globals of common/ are
 * constants, or set by every run.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz.h"

#define NSLOTS 4
#define MAXFD 128

void	__real_exit(int status);
void	__wrap_exit(int status);
void	*__real_malloc(size_t size);
void	*__real_calloc(size_t n, size_t size);
void	*__real_realloc(void *p, size_t size);
void	__real_free(void *p);
void	*__wrap_malloc(size_t size);
void	*__wrap_calloc(size_t n, size_t size);
void	*__wrap_realloc(void *p, size_t size);
void	__wrap_free(void *p);

extern char fuzz_bss_begin[], fuzz_bss_end[];

static jmp_buf jump;
static bool armed;
static int slot_fd[NSLOTS] = { -1, -1, -1, -1 };
static char slot_path[NSLOTS][32];

/* The blocks allocated by the current run: an open-addressing set. */
static struct {
	uintptr_t *v;		/* 0 for an empty slot */
	size_t	 cap, n;
} live;

static size_t
slot_of(uintptr_t p)
{
	return (size_t)((p >> 4) * 0x9E3779B97F4A7C15ULL) & (live.cap - 1);
}

static void
track(void *p)
{
	uintptr_t *old = live.v;
	size_t oldcap = live.cap, i;

	if (p == NULL)
		return;
	if (live.n * 2 >= live.cap) {
		live.cap = live.cap ? live.cap * 2 : 1024;
		live.v = __real_calloc(live.cap, sizeof *live.v);
		if (live.v == NULL)
			abort();
		live.n = 0;
		for (i = 0; i < oldcap; i++)
			if (old[i] != 0)
				track((void *)old[i]);
		__real_free(old);
	}
	for (i = slot_of((uintptr_t)p); live.v[i] != 0; i = (i + 1) &
	    (live.cap - 1))
		;
	live.v[i] = (uintptr_t)p;
	live.n++;
}

static size_t
find(uintptr_t p)
{
	size_t i;

	if (live.cap == 0)
		return SIZE_MAX;
	for (i = slot_of(p); live.v[i] != 0; i = (i + 1) & (live.cap - 1))
		if (live.v[i] == p)
			return i;
	return SIZE_MAX;
}

/* Remove slot i, moving later entries of its probe run back. */
static void
untrack_slot(size_t i)
{
	size_t j = i, k;

	live.v[i] = 0;
	live.n--;
	for (;;) {
		j = (j + 1) & (live.cap - 1);
		if (live.v[j] == 0)
			return;
		k = slot_of(live.v[j]);
		if ((j > i && (k <= i || k > j)) || (j < i && k <= i && k > j)) {
			live.v[i] = live.v[j];
			live.v[j] = 0;
			i = j;
		}
	}
}

static void
untrack(void *p)
{
	size_t i;

	if (p != NULL && (i = find((uintptr_t)p)) != SIZE_MAX)
		untrack_slot(i);
}

void *
__wrap_malloc(size_t size)
{
	void *p = __real_malloc(size);

	if (armed)
		track(p);
	return p;
}

void *
__wrap_calloc(size_t n, size_t size)
{
	void *p = __real_calloc(n, size);

	if (armed)
		track(p);
	return p;
}

void *
__wrap_realloc(void *old, size_t size)
{
	void *p = __real_realloc(old, size);

	if (p != NULL || size == 0)
		untrack(old);
	if (armed)
		track(p);
	return p;
}

void
__wrap_free(void *p)
{
	untrack(p);
	__real_free(p);
}

/* Free every block the run allocated. */
static void
release_memory(void)
{
	size_t i;

	for (i = 0; i < live.cap; i++) {
		if (live.v[i] != 0)
			__real_free((void *)live.v[i]);
		live.v[i] = 0;
	}
	live.n = 0;
}

/*
 * Save the globals of common/ before the first run, or put them back.  The
 * range contains ASan's red zones between the globals, so the copy is not
 * instrumented, and volatile so that it stays a loop, not a memcpy call.
 */
__attribute__((no_sanitize("address")))
static void
copy_globals(bool save)
{
	static uintptr_t *saved;
	volatile uintptr_t *w = (volatile uintptr_t *)(void *)fuzz_bss_begin;
	size_t i, n = (size_t)(fuzz_bss_end - fuzz_bss_begin) / sizeof *w;

	if (save) {
		saved = __real_malloc(n * sizeof *saved);
		if (saved == NULL)
			abort();
		for (i = 0; i < n; i++)
			saved[i] = w[i];
		return;
	}
	for (i = 0; i < n; i++)
		w[i] = saved[i];
}

static void
note_open_files(bool *open)
{
	int fd;

	for (fd = 0; fd < MAXFD; fd++)
		open[fd] = fcntl(fd, F_GETFD) != -1;
}

static void
close_new_files(const bool *open)
{
	int fd;

	for (fd = 3; fd < MAXFD; fd++)
		if (!open[fd])
			close(fd);
}

void
__wrap_exit(int status)
{
	if (armed) {
		armed = false;
		longjmp(jump, status + 1);
	}
	__real_exit(status);
}

int
fuzz_call(int (*fn)(void *), void *arg, void (*reset)(void))
{
	static bool open[MAXFD];
	volatile int r;

	static bool saved;

	if ((uintptr_t)fuzz_bss_end <= (uintptr_t)fuzz_bss_begin) {
		fprintf(stderr, "fuzz: bss-begin.o and bss-end.o are not "
		    "linked around the common objects\n");
		abort();
	}
	if (!saved) {
		copy_globals(true);
		saved = true;
	}
	note_open_files(open);
	r = setjmp(jump);
	if (r != 0) {
		r--;
	} else {
		armed = true;
		r = fn(arg);
		armed = false;
	}
	if (reset != NULL)
		reset();
	release_memory();
	copy_globals(false);
	close_new_files(open);
	return r;
}

const char *
fuzz_file(int slot, const uint8_t *data, size_t size)
{
	if (slot_fd[slot] < 0) {
		/* Above the standard streams, which a run may replace. */
		int fd = memfd_create("fuzz", 0);

		slot_fd[slot] = fd < 0 ? -1 : fcntl(fd, F_DUPFD, 10);
		if (fd >= 0)
			close(fd);
		if (slot_fd[slot] < 0) {
			perror("memfd_create");
			abort();
		}
		snprintf(slot_path[slot], sizeof slot_path[slot],
		    "/proc/self/fd/%d", slot_fd[slot]);
	}
	if (ftruncate(slot_fd[slot], 0) != 0 ||
	    (size > 0 && pwrite(slot_fd[slot], data, size, 0) !=
	    (ssize_t)size)) {
		perror("fuzz input file");
		abort();
	}
	return slot_path[slot];
}

void
fuzz_quiet(void)
{
	int fd = open("/dev/null", O_WRONLY);

	if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0) {
		perror("/dev/null");
		abort();
	}
	close(fd);
}
