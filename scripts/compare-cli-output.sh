#!/usr/bin/env bash
# The CLI's output over every event file of the project, recorded once and compared later: a
# refactoring that must change nothing a user sees proves it with this.
#   scripts/compare-cli-output.sh record DIR [BUILD_DIR]    write the outputs into DIR
#   scripts/compare-cli-output.sh compare DIR [BUILD_DIR]   run again and diff against DIR
# Every *.json under resources/samples and tests/data goes through validate (text, --json, relay,
# --scrub) and request (text, base64-zlib --json, --curl, --legacy), plus validate --list-rules.
# What differs between two runs by design is masked: generated event ids and receipt times (values
# in the output that the input file does not contain), so the comparison is byte for byte otherwise.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODE="${1:-}"
DIR="${2:-}"
BUILD="${3:-$ROOT/build}"
CLI="$BUILD/app/cli/sentry-harness-cli"
if [ -z "$MODE" ] || [ -z "$DIR" ] || { [ "$MODE" != record ] && [ "$MODE" != compare ]; }; then
    sed -n '2,8p' "${BASH_SOURCE[0]}" >&2
    exit 2
fi
[ -x "$CLI" ] || { echo "no CLI at $CLI: build first (scripts/run.sh --version)" >&2; exit 2; }

OUT="$DIR"
[ "$MODE" = compare ] && OUT="$(mktemp -d)" && trap 'rm -rf "$OUT"' EXIT
mkdir -p "$OUT"

DSN='http://pub:sec@localhost:9000/2'
# Masks what the input does not contain: 32-hex ids and ISO timestamps the CLI generated.
mask() {
    python3 -c '
import re, sys
source = open(sys.argv[1], "rb").read().decode("utf-8", "replace")
text = sys.stdin.buffer.read().decode("utf-8", "replace")
text = re.sub(r"\b[0-9a-f]{32}\b", lambda m: m.group(0) if m.group(0) in source else "<generated-id>", text)
text = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?",
              lambda m: m.group(0) if m.group(0) in source else "<receipt-time>", text)
sys.stdout.write(text)' "$1"
}

run() { # name input args...
    local name="$1" input="$2"
    shift 2
    local rc=0
    "$CLI" "$@" >"$OUT/$name.raw" 2>&1 || rc=$?
    echo "exit $rc" >>"$OUT/$name.raw"
    mask "$input" <"$OUT/$name.raw" >"$OUT/$name"
    rm -f "$OUT/$name.raw"
}

run list-rules /dev/null validate --list-rules
run list-rules.json /dev/null validate --list-rules --json
run list-rules-relay.json /dev/null validate --list-rules --json --profile relay
count=0
while IFS= read -r file; do
    key="$(echo "${file#"$ROOT"/}" | tr '/' '_')"
    run "$key.validate" "$file" validate "$file"
    run "$key.validate.json" "$file" validate --json "$file"
    run "$key.validate-relay.json" "$file" validate --json --profile relay "$file"
    run "$key.validate-scrub" "$file" validate --scrub "$file"
    run "$key.request" "$file" request --dsn "$DSN" --timestamp 1700000000 "$file"
    run "$key.request-zlib.json" "$file" request --dsn "$DSN" --timestamp 1700000000 --encoding base64-zlib --json "$file"
    run "$key.request.curl" "$file" request --dsn "$DSN" --timestamp 1700000000 --curl "$file"
    run "$key.request-legacy" "$file" request --dsn "$DSN" --timestamp 1700000000 --legacy "$file"
    count=$((count + 1))
done < <(find "$ROOT/resources/samples" "$ROOT/tests/data" -name '*.json' | sort)

if [ "$MODE" = record ]; then
    echo "recorded the output for $count files in $DIR"
    exit 0
fi
if diff -r "$DIR" "$OUT" >"$OUT.diff" 2>&1; then
    echo "identical: $count files, $(ls "$OUT" | wc -l) outputs"
    rm -f "$OUT.diff"
else
    cat "$OUT.diff"
    echo "DIFFERENT: see above ($count files)" >&2
    rm -f "$OUT.diff"
    exit 1
fi
