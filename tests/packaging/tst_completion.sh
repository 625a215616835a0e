#!/usr/bin/env bash
# The bash completion of sentry-harness-cli, sourced into this shell and asked as bash asks it
# (COMP_WORDS, COMP_CWORD), against the program's own help: every command, every option of every
# command, the values of --encoding, --profile, --as and --method wherever a command has them,
# file names where a FILE is expected. A stand-in program with a fixed help pins the ways an
# option's help may name its values.
#   tst_completion.sh CLI COMPLETION_FILE
set -euo pipefail
cli="$1"
source "$2"
complete -p sentry-harness-cli >/dev/null
export QT_QPA_PLATFORM=offscreen LC_ALL=C
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
# complete PROGRAM WORD...: the completions of the last word, sorted, one per line.
complete_words() {
    local program="$1"
    shift
    COMP_WORDS=("$program" "$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    _sentry_harness_cli "$program" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    [ ${#COMPREPLY[@]} -eq 0 ] || printf '%s\n' "${COMPREPLY[@]}" | sort
}
# expect DESCRIPTION EXPECTED ACTUAL (both newline-separated, compared as sorted sets)
expect() {
    [ "$(sort <<<"$2")" = "$3" ] || fail "$1: expected [$(echo $2)], got [$(echo $3)]"
}
contains_all() { # DESCRIPTION WANTED ACTUAL
    local missing
    missing="$(comm -23 <(sort -u <<<"$2") <(sort -u <<<"$3"))"
    [ -z "$missing" ] || fail "$1: missing [$(echo $missing)]"
}
commands_of() { awk '/^Commands:$/ { on = 1; next } /^$/ { on = 0 } on && /^  [^ ]/ { print $1 }'; }
options_of() {
    awk '/^Options:$/ { on = 1; next } /^[A-Z][A-Za-z ]*:$/ { on = 0 }
         on && /^  -/ { text = substr($0, 3); sub(/  .*/, "", text); print text }' |
        grep -oE -- '(^|[ ,])--?[A-Za-z0-9][A-Za-z0-9-]*' | tr -d ' ,'
}

# Commands and options, from the real program.
commands="$("$cli" --help | commands_of)"
[ -n "$commands" ] || fail "sentry-harness-cli --help lists no commands"
expect "commands" "$commands" "$(complete_words "$cli" "")"
expect "commands after an option" "$commands" "$(complete_words "$cli" --json "")"
expect "a command's start" "validate" "$(complete_words "$cli" va)"
expect "no command matches" "" "$(complete_words "$cli" nosuch)"
expect "the program's own options" "--help
--version" "$(complete_words "$cli" --)"
for command in $commands; do
    help="$("$cli" "$command" --help)"
    options="$(options_of <<<"$help")"
    [ -n "$options" ] || fail "$command --help lists no options"
    contains_all "$command --<Tab>" "$(grep -- '^--' <<<"$options")" "$(complete_words "$cli" "$command" --)"
    # Wherever a command has one of these options, its values complete.
    for option in --encoding --profile --as --method; do
        grep -qx -- "$option" <<<"$options" || continue
        values="$(complete_words "$cli" "$command" "$option" "")"
        [ "$(wc -l <<<"$values")" -ge 2 ] ||
            fail "$command $option: no values complete; name them in its help as 'a, b or c' or <a|b>"
        for value in $values; do
            grep -qF -- "$value" <<<"$help" || fail "$command $option: '$value' is not in the help"
        done
    done
done
expect "request --encoding" "json
base64-zlib" "$(complete_words "$cli" request --encoding "")"
expect "send --encoding=b" "base64-zlib" "$(complete_words "$cli" send --encoding = b)"
expect "send --encoding=" "json
base64-zlib" "$(complete_words "$cli" send --encoding =)"
expect "validate --profile" "v4
relay" "$(complete_words "$cli" validate --profile "")"
expect "validate --profile r" "relay" "$(complete_words "$cli" validate --profile r)"
expect "a free-text value (--dsn)" "" "$(complete_words "$cli" request --dsn "")"
expect "a DSN argument is not a file" "" "$(complete_words "$cli" dsn "")"

# File arguments complete file names, relative to the current folder.
mkdir -p "$scratch/files/events"
touch "$scratch/files/event.json" "$scratch/files/other.json"
(
    failures=0
    cd "$scratch/files"
    expect "validate FILE" "event.json
events
other.json" "$(complete_words "$cli" validate --json "")"
    expect "request FILE after an option's value" "event.json
events" "$(complete_words "$cli" request --dsn http://a@b/1 ev)"
    exit "$failures"
) || failures=$((failures + 1))

# A stand-in with a fixed help: every way an option's help may name its values.
cat >"$scratch/fake-cli" <<'EOF'
#!/bin/sh
if [ "$1" = --help ]; then
    printf 'Usage: fake-cli <command> [options]\n\nCommands:\n  send      Send\n  replay    Replay\n\n'
    exit 0
fi
cat <<'HELP'
Usage: fake-cli send [options] FILE
Send.

Options:
  --as <PRESET>            Speak as a real v4 client: raven-python-4,
                           raven-node-0.6, raven-js-1.1 or raven-php-0.8.
  --method <METHOD>        post (default) or get: get sends the event as a
                           beacon.
  --encoding <ENCODING>    Rebuild the request in this encoding (json or
                           base64-zlib).
  --direction <DIRECTION>  in (received) or out (sent by the harness).
  --mode <fast|safe|slow>  How to go.
  --db <FILE>              The history (default: ~/.local/share/x.sqlite).
  --profile <PROFILE>      A profile name.
  --timeout <SECONDS>      Soft timeout in seconds (default 3, or 10 for a
                           replay).
  --client <NAME/VERSION>  sentry_client and User-Agent, NAME/VERSION.
  --json                   Print JSON.
  -h, --help               Displays help on commandline options.

Arguments:
  FILE                     The event.
HELP
EOF
chmod +x "$scratch/fake-cli"
fake="$scratch/fake-cli"
expect "fake: commands" "replay
send" "$(complete_words "$fake" "")"
expect "fake: options" "--as
--client
--db
--direction
--encoding
--help
--json
--method
--mode
--profile
--timeout" "$(complete_words "$fake" send --)"
expect "fake: --as" "raven-js-1.1
raven-node-0.6
raven-php-0.8
raven-python-4" "$(complete_words "$fake" send --as "")"
expect "fake: --as raven-n" "raven-node-0.6" "$(complete_words "$fake" send --as raven-n)"
expect "fake: --method" "get
post" "$(complete_words "$fake" send --method "")"
expect "fake: --encoding in parentheses" "base64-zlib
json" "$(complete_words "$fake" send --encoding "")"
expect "fake: --direction" "in
out" "$(complete_words "$fake" send --direction "")"
expect "fake: --mode <a|b|c>" "fast
safe
slow" "$(complete_words "$fake" send --mode "")"
expect "fake: --timeout is free text" "" "$(complete_words "$fake" send --timeout "")"
expect "fake: --profile <PROFILE> is no file" "" "$(complete_words "$fake" send --profile "")"
expect "fake: --client is free text" "" "$(complete_words "$fake" send --client "")"
(
    failures=0
    cd "$scratch/files"
    expect "fake: --db FILE" "event.json
events
other.json" "$(complete_words "$fake" send --db "")"
    exit "$failures"
) || failures=$((failures + 1))

if [ "$failures" -gt 0 ]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "completion matches the help of $(wc -w <<<"$commands") commands"
