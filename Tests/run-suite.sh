#!/usr/bin/env bash
# Every XCTest test, in three processes at once, each writing its own log; prints each group's
# count and, for a group that failed, its failures and the log's end. Exits non-zero if any did.
#
# Why three: most of the suite's time is waiting, not computing (tmux screens, Python, signals
# and child processes), while the lesson replays keep both cores busy. One process runs them one
# after another; SwiftPM's `--parallel` starts a process per test, whose start-up over 360 tests
# cost more than it saved (measured: slower than one process). Three groups, one of them the
# lesson replays, overlap the waiting with the computing. Every test still runs, exactly once:
# the last group is everything the first two do not name.
#
# usage: Tests/run-suite.sh LOG_FOLDER   (after `swift build --build-tests`; the environment,
# such as DROPOUT_LESSON_BINARY and PATH, passes through to the tests)
set -uo pipefail
logs=${1:?usage: Tests/run-suite.sh LOG_FOLDER}
mkdir -p "$logs"

replays='DropoutLabTests\.(LessonTests|CourseTests)/'
fronts='DropoutShellTests\.|DropoutServerTests\.'
names=(replays fronts rest)
declare -A options=(
    [replays]="--filter $replays"
    [fronts]="--filter $fronts"
    [rest]="--skip $replays --skip $fronts"
)

started=$(date +%s)
declare -A pids
for name in "${names[@]}"; do
    # shellcheck disable=SC2086 # the options are words on purpose
    swift test --skip-build --disable-swift-testing ${options[$name]} >"$logs/$name.log" 2>&1 &
    pids[$name]=$!
done

failed=0
for name in "${names[@]}"; do
    if wait "${pids[$name]}"; then status=passed; else status=FAILED; failed=1; fi
    summary=$(grep -E '^[[:space:]]*Executed [0-9]+ tests?, ' "$logs/$name.log" | tail -1 | sed 's/^[[:space:]]*//')
    echo "$name: $status: ${summary:-no summary (see $logs/$name.log)}"
    if [ "$status" = FAILED ]; then
        grep -E ': error: |Fatal error|Test Case .* failed' "$logs/$name.log" | head -50
        echo "--- the end of $logs/$name.log:"
        tail -30 "$logs/$name.log"
    fi
done
echo "the suite took $(($(date +%s) - started)) s"
exit $failed
