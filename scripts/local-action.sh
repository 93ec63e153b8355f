#!/bin/sh
# npm run local-action [-- <dotenv file>]: runs the action's source (src/main.ts) on this machine with GitHub's own
# @github/local-action, inputs from the dotenv file (default .env; start from .env.example or .env.validate.example).
#
# local-action exits 0 even when the action calls core.setFailed (it only records the exit code), so this wrapper
# exits 1 when the run printed a step failure: a bare `::error::` line, which only core.setFailed writes here (every
# annotation deploy-gate writes carries a title or a file, and outside text can never start a line with `::`).
set -e
env_file="${1:-.env}"
if [ ! -f "$env_file" ]; then
  echo "$env_file not found: cp .env.example .env (or .env.validate.example) and edit it" >&2
  exit 1
fi
dir=.tmp/local-action
mkdir -p "$dir/runner-temp"
: > "$dir/step-summary.md"
status=0
local-action run . src/main.ts "$env_file" > "$dir/output.txt" 2>&1 || status=$?
cat "$dir/output.txt"
echo "job summary: $dir/step-summary.md"
if [ "$status" -eq 0 ] && grep -q '^::error::' "$dir/output.txt"; then status=1; fi
exit "$status"
