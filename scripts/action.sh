#!/bin/sh
# The GitHub Action's step (see action.yml): lint the given paths, print the
# findings as workflow annotations (`--format github`), write a SARIF file for
# code scanning, and fail the step on errors (or on more warnings than allowed).
#
# Inputs come as environment variables, the way action.yml passes them:
#   INPUT_PATHS         files, folders or globs, separated by spaces or new lines (default ".")
#   INPUT_CONFIG        a config file (default: looked up from each file)
#   INPUT_INCIDENT      incident kind, e.g. data-breach (default: from the config)
#   INPUT_MAX_WARNINGS  fail on more warnings than this; -1 never (default -1)
#   INPUT_SARIF_FILE    where to write SARIF; empty to skip (default apology-lint.sarif)
#   APOLOGY_LINT        the command that runs the CLI (default: this checkout's bin)
# Exit status: 0 clean, 1 findings that fail the step, 2 a usage or fatal error.
set -u

here=$(cd "$(dirname "$0")/.." && pwd)
cli=${APOLOGY_LINT:-}
if [ -z "$cli" ]; then cli="node $here/bin/apology-lint.js"; fi

paths=${INPUT_PATHS:-.}
sarif=${INPUT_SARIF_FILE-apology-lint.sarif}
max_warnings=${INPUT_MAX_WARNINGS:--1}

# Options shared by both runs, as positional parameters so that values keep their spaces.
set --
if [ -n "${INPUT_CONFIG:-}" ]; then set -- "$@" --config "$INPUT_CONFIG"; fi
if [ -n "${INPUT_INCIDENT:-}" ]; then set -- "$@" --incident "$INPUT_INCIDENT"; fi

# Paths are split on white space; globs are passed through for the CLI to expand.
set -f
# shellcheck disable=SC2086 # word splitting of $cli and $paths is intended
if [ "$max_warnings" -ge 0 ] 2>/dev/null; then
  $cli --format github "--max-warnings=$max_warnings" "$@" -- $paths
else
  $cli --format github "$@" -- $paths
fi
status=$?

if [ -n "$sarif" ] && [ "$status" -ne 2 ]; then
  # The SARIF run never fails the step: the annotations run above decides.
  # shellcheck disable=SC2086
  $cli --format sarif --output-file "$sarif" "$@" -- $paths >/dev/null
  if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "sarif-file=$sarif" >>"$GITHUB_OUTPUT"; fi
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "exit-code=$status" >>"$GITHUB_OUTPUT"; fi
exit "$status"
