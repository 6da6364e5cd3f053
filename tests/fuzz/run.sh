#!/bin/sh
# Run fuzz harnesses: run.sh FOLDER SECONDS JOBS NAME...  Each harness
# FOLDER/fuzz-NAME runs for SECONDS on its corpus FOLDER/corpus/NAME,
# JOBS at a time; its log goes to FOLDER/logs/NAME.log and a crashing
# input to FOLDER/crashes/.  Prints the runs and findings of each and
# exits 1 when any harness failed.
set -eu
dir=$1 seconds=$2 jobs=$3
shift 3
mkdir -p "$dir/logs" "$dir/crashes"
# Memory that runs leave on purpose (see fuzz.c) is no finding at exit.
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
export ASAN_OPTIONS
for n in "$@"; do echo "$n"; done |
xargs -P "$jobs" -I{} sh -c '
	"$0/fuzz-{}" -max_total_time="$1" -close_fd_mask=3 -detect_leaks=0 \
	    -max_len=8192 -rss_limit_mb=4096 -timeout=30 \
	    -artifact_prefix="$0/crashes/{}-" "$0/corpus/{}" \
	    > "$0/logs/{}.log" 2>&1 || echo "fuzz-{}: failed, see $0/logs/{}.log"
' "$dir" "$seconds"
status=0
for n in "$@"; do
	runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 runs in \2 s/p' \
	    "$dir/logs/$n.log")
	echo "fuzz-$n: ${runs:-did not finish}"
	[ -n "$runs" ] || status=1
done
ls "$dir"/crashes
exit $status
