#!/usr/bin/env bash
# Every XCTest test, in six processes at once, each writing its own log; prints each group's
# count and, for a group that failed, its failures and the log's end. Exits non-zero if any did.
#
# Why several: most of the suite's time is waiting, not computing (tmux screens, Python, signals
# and child processes), while the lesson replays keep both cores busy. One process runs them one
# after another; SwiftPM's `--parallel` starts a process per test, whose start-up over hundreds
# of tests cost more than it saved (measured: slower than one process). Six groups overlap the waiting
# with the computing: the lessons replayed at their own seeds and at the next ten (each keeps
# both cores busy for 15 to 30 s), the terminal and server front ends, the network library's
# tests, the exports opened in the tools they are for (numpy, nbformat and Jupyter, a browser),
# and the rest: these last three were one process, the longest of all (50 s alone).
# Every test still runs, exactly once: the last group is everything the others do not name.
#
# usage: Tests/run-suite.sh LOG_FOLDER   (after `swift build --build-tests`; the environment,
# such as DROPOUT_LESSON_BINARY and PATH, passes through to the tests)
#
# The groups run the test bundle itself, as `swift test --skip-build` does: several `swift test`
# processes would take turns, since each holds SwiftPM's lock on .build while it runs.
set -uo pipefail
logs=${1:?usage: Tests/run-suite.sh LOG_FOLDER}
mkdir -p "$logs"
bundle="$(swift build --show-bin-path)/dropoutPackageTests.xctest"
[ -x "$bundle" ] || { echo "error: no test bundle at $bundle: run swift build --build-tests first"; exit 1; }

# Each group is a list of tests (Module.Class/method), as the bundle takes them.
listing=$("$bundle" --list-tests)
tests=$(grep -E '^[A-Za-z0-9_]+\.[A-Za-z0-9_]+/[A-Za-z0-9_]+$' <<<"$listing")
shifted='^DropoutLabTests\.LessonTests/testEveryLessonsClaimsHoldOnTheNextTenSeeds$'
replays='^DropoutLabTests\.LessonTests/'
fronts='^(DropoutShellTests|DropoutServerTests)\.'
network='^DropoutNetworkTests\.'
exports='^DropoutLabTests\.(NumpyExportTests|ExportTests|BrowserRenderingTests|HTMLSafetyTests)/'
names=(shifted replays fronts network exports rest)
declare -A members=(
    [shifted]=$(grep -E "$shifted" <<<"$tests")
    [replays]=$(grep -E "$replays" <<<"$tests" | grep -vE "$shifted")
    [fronts]=$(grep -E "$fronts" <<<"$tests")
    [network]=$(grep -E "$network" <<<"$tests")
    [exports]=$(grep -E "$exports" <<<"$tests")
    [rest]=$(grep -vE "$replays|$fronts|$network|$exports" <<<"$tests")
)

# The bundle's own count ("Listing N tests in ..."): a test no group holds would go unrun.
total=$(sed -nE 's/^Listing ([0-9]+) tests? in .*/\1/p' <<<"$listing")
grouped=0
for name in "${names[@]}"; do
    # An empty list would make the bundle run every test; a group that matches nothing means a
    # test class was renamed.
    if [ -z "${members[$name]}" ]; then echo "error: no test matches the group '$name': fix its pattern"; exit 1; fi
    grouped=$((grouped + $(grep -c . <<<"${members[$name]}")))
done
if [ "$grouped" != "$total" ]; then
    echo "error: the groups hold $grouped tests and the bundle lists ${total:-none}: fix the patterns above"
    exit 1
fi

started=$(date +%s)
declare -A pids
# Background jobs of a script ignore Ctrl-C, so a stopped `make test` would leave the groups
# running: stop them with it.
trap 'kill -TERM "${pids[@]}" 2>/dev/null; wait; exit 130' INT TERM HUP
for name in "${names[@]}"; do
    "$bundle" "$(tr '\n' ',' <<<"${members[$name]}" | sed 's/,$//')" >"$logs/$name.log" 2>&1 &
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
