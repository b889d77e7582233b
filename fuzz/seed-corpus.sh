#!/usr/bin/env bash
# Seeds each fuzz target's corpus from what the project ships: the lessons and transcripts,
# the claims their `expect` lines make, the golden views' commands, snapshots that the dropout
# binary ($1) saves, hostile prose for the HTML export and requests for the server (fuzz/seeds/).
set -euo pipefail
cd "$(dirname "$0")/.."
dropout=$1
corpus=.build-fuzz/corpus
rm -rf "$corpus"
mkdir -p "$corpus"/{FuzzCommands,FuzzLessons,FuzzExpectations,FuzzSnapshots,FuzzHTMLExport,FuzzServer}
for file in lessons/*.md transcripts/*.md; do cp "$file" "$corpus/FuzzLessons/$(dirname "$file")-$(basename "$file")"; done
cp lessons/*.md "$corpus/FuzzCommands/"
cp Tests/DropoutLabTests/Golden/*.txt "$corpus/FuzzCommands/"
cp lessons/*.md fuzz/seeds/FuzzHTMLExport/* "$corpus/FuzzHTMLExport/"
cp fuzz/seeds/FuzzServer/* "$corpus/FuzzServer/"
grep -h '^expect ' lessons/*.md | sed 's/^expect //' | split -l 1 - "$corpus/FuzzExpectations/claim-"
"$dropout" >/dev/null <<COMMANDS
save $corpus/FuzzSnapshots/tutorial.json
step 10
save $corpus/FuzzSnapshots/stepped.json
set data circles rows=20 test=0.25 noise=0.1
set input_dropout 0.2
set maxnorm 3
step 3
save $corpus/FuzzSnapshots/held-out.json
set data digits train=50 validation=10 noise=0.2 seed=3
step 2
save $corpus/FuzzSnapshots/digits.json
COMMANDS
