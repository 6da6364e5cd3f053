/*
 * measure: run a command several times and print its best wall-clock time,
 * its best CPU time (user plus system, the command and every process it
 * waited for) and its peak resident set size, as "wall cpu rss": seconds,
 * seconds, kilobytes.  Standard input comes from a file (-i) and standard
 * output goes to /dev/null, so the figures are those of the program alone.
 *
 * The figures come from getrusage(RUSAGE_CHILDREN), which covers every
 * descendant that was waited for.  The peak RSS is its ru_maxrss: for a
 * shell running a pipeline, the largest process of the pipeline, not their
 * sum.  This program runs one command, so the maximum over its children is
 * the maximum over the runs.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct sample {
	double	 wall, cpu;
	long	 rss;
};

static void
fail(const char *what, const char *arg)
{
	fprintf(stderr, "measure: %s: %s\n", what, arg ? arg : strerror(errno));
	exit(1);
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double
seconds(const struct timeval *tv)
{
	return (double)tv->tv_sec + (double)tv->tv_usec / 1e6;
}

static void
redirect(const char *path, int flags, int to)
{
	int fd = open(path, flags);

	if (fd < 0 || dup2(fd, to) < 0)
		fail(path, NULL);
	close(fd);
}

static struct sample
run_once(char **argv, const char *input)
{
	struct sample s;
	struct rusage before, after;
	double start = now();
	pid_t pid;
	int status;

	getrusage(RUSAGE_CHILDREN, &before);
	if ((pid = fork()) < 0)
		fail("fork", NULL);
	if (pid == 0) {
		if (input != NULL)
			redirect(input, O_RDONLY, STDIN_FILENO);
		redirect("/dev/null", O_WRONLY, STDOUT_FILENO);
		execvp(argv[0], argv);
		fail(argv[0], NULL);
	}
	if (waitpid(pid, &status, 0) < 0)
		fail("waitpid", NULL);
	s.wall = now() - start;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fail(argv[0], "failed (exit status not 0)");
	getrusage(RUSAGE_CHILDREN, &after);
	s.cpu = seconds(&after.ru_utime) - seconds(&before.ru_utime) +
	    seconds(&after.ru_stime) - seconds(&before.ru_stime);
	s.rss = after.ru_maxrss;
	return s;
}

static void
usage(void)
{
	fputs("usage: measure [-i input] [-n runs] command [arg ...]\n",
	    stderr);
	exit(2);
}

int
main(int argc, char **argv)
{
	struct sample best = { 1e300, 1e300, 0 }, s;
	const char *input = NULL;
	long runs = 5, i;
	int c;

	while ((c = getopt(argc, argv, "i:n:")) != -1) {
		switch (c) {
		case 'i':
			input = optarg;
			break;
		case 'n':
			runs = strtol(optarg, NULL, 10);
			if (runs < 1)
				fail("invalid -n", optarg);
			break;
		default:
			usage();
		}
	}
	if (optind == argc)
		usage();
	for (i = 0; i < runs; i++) {
		s = run_once(argv + optind, input);
		if (s.wall < best.wall)
			best.wall = s.wall;
		if (s.cpu < best.cpu)
			best.cpu = s.cpu;
		if (s.rss > best.rss)
			best.rss = s.rss;
	}
	printf("%.4f %.4f %ld\n", best.wall, best.cpu, best.rss);
	return 0;
}
