#!/usr/bin/env bash
# The man pages against the programs' own help. The CLI page must name every command that
# `sentry-harness-cli --help` lists, and under each command every option of `COMMAND --help`, the
# exit codes that help states and an example (an "Examples:" block in the help); the exit codes of
# `sentry-harness-cli --help` in EXIT STATUS; the GUI page every option of `sentry-harness --help`
# and an example; both the version the programs print. A copy of the page with one option removed must fail the same
# checks, so the checks cannot pass by finding nothing.
#   tst_manpages.sh CLI GUI PAGE_DIR
set -euo pipefail
cli="$1" gui="$2" dir="$3"
export QT_QPA_PLATFORM=offscreen
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# A page as plain text: roff's escapes for '-', '\' and fonts undone.
page_text() { gzip -dc "$1" | sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\e/\\/g' -e 's/\\&//g'; }
# The option names in a --help text's "Options:" section (the name column only).
options_of() {
    awk '/^Options:$/ { on = 1; next } /^[A-Z][A-Za-z ]*:$/ { on = 0 }
         on && /^  -/ { text = substr($0, 3); sub(/  .*/, "", text); print text }' |
        grep -oE -- '(^|[ ,])--?[A-Za-z0-9][A-Za-z0-9-]*' | tr -d ' ,'
}
commands_of() { awk '/^Commands:$/ { on = 1; next } /^$/ { on = 0 } on && /^  [^ ]/ { print $1 }'; }
# The text of the subsection whose title starts with TITLE, up to the next (sub)section.
subsection() { awk -v title=".SS \"$2" 'index($0, title) == 1 { on = 1; next } /^\.S[HS]/ { on = 0 } on' "$1"; }
has_word() { grep -qE -- "(^|[^A-Za-z0-9-])$1([^A-Za-z0-9-]|\$)" <<<"$2"; }

# Checks PAGE (plain text) against the CLI's help; prints what is missing, returns the count.
check_cli_page() {
    local page="$1" missing=0 command option section
    local help
    help="$("$cli" --help)"
    local version
    version="$("$cli" --version)"
    head -1 "$page" | grep -qF "${version##* }" || { echo "the page's title lacks the version ${version##* }"; missing=$((missing + 1)); }
    sed -n 's/^Exit codes: //p' <<<"$help" | sed -e 's/\.$//' -e 's/, \([0-9]\)/\n\1/g' >"$scratch/codes"
    [ -s "$scratch/codes" ] || { echo "no exit codes in sentry-harness-cli --help"; missing=$((missing + 1)); }
    local status
    status="$(awk '/^\.SH "EXIT STATUS"/ { on = 1; next } /^\.SH/ { on = 0 } on' "$page" | tr '\n' ' ')"
    while read -r code meaning; do
        grep -qF ".B $code $meaning" <<<"$status" || { echo "EXIT STATUS lacks '$code $meaning'"; missing=$((missing + 1)); }
    done <"$scratch/codes"
    local count=0
    while read -r command; do
        count=$((count + 1))
        section="$(subsection "$page" "sentry-harness-cli $command ")"
        if [ -z "$section" ]; then
            echo "no subsection for the command '$command'"
            missing=$((missing + 1))
            continue
        fi
        local commandHelp
        commandHelp="$("$cli" "$command" --help)"
        while read -r option; do
            has_word "$option" "$section" || { echo "$command: the option $option is missing"; missing=$((missing + 1)); }
        done < <(options_of <<<"$commandHelp")
        local exitLine
        exitLine="$(grep -m1 '^Exit code' <<<"$commandHelp" || true)"
        if [ -n "$exitLine" ] && ! grep -qF -- "$exitLine" <<<"$section"; then
            echo "$command: its exit codes are missing ('$exitLine')"
            missing=$((missing + 1))
        fi
        grep -q "^Examples:" <<<"$section" && grep -q "^sentry-harness-cli $command " <<<"$section" ||
            { echo "$command: no example (give its --help an \"Examples:\" block at the end of its description)"; missing=$((missing + 1)); }
    done < <(commands_of <<<"$help")
    [ "$count" -gt 0 ] || { echo "sentry-harness-cli --help lists no commands"; missing=$((missing + 1)); }
    return "$missing"
}

check_gui_page() {
    local page="$1" missing=0 option help version
    help="$("$gui" --help 2>/dev/null)"
    version="$("$gui" --version 2>/dev/null)"
    head -1 "$page" | grep -qF "${version##* }" || { echo "the page's title lacks the version ${version##* }"; missing=$((missing + 1)); }
    local count=0
    while read -r option; do
        count=$((count + 1))
        has_word "$option" "$(cat "$page")" || { echo "the option $option is missing"; missing=$((missing + 1)); }
    done < <(options_of <<<"$help")
    [ "$count" -gt 2 ] || { echo "sentry-harness --help lists too few options ($count)"; missing=$((missing + 1)); }
    grep -q '^\.SH EXAMPLES' "$page" && grep -q "^sentry-harness " "$page" || { echo "no example"; missing=$((missing + 1)); }
    return "$missing"
}

for name in sentry-harness-cli sentry-harness; do
    [ -f "$dir/$name.1.gz" ] || { fail "no man page $dir/$name.1.gz"; continue; }
    page_text "$dir/$name.1.gz" >"$scratch/$name.1"
    # man itself must read the page without complaint, when it is installed
    if command -v man >/dev/null; then
        warnings="$(MANWIDTH=80 man --warnings -l "$dir/$name.1.gz" 2>&1 >/dev/null || true)"
        [ -z "$warnings" ] || fail "$name.1: man warns: $warnings"
    fi
done
check_cli_page "$scratch/sentry-harness-cli.1" || fail "sentry-harness-cli.1 does not match the program's help (above)"
check_gui_page "$scratch/sentry-harness.1" || fail "sentry-harness.1 does not match the program's help (above)"

# The checks find what is missing: drop the last option of the last command from the page.
lastCommand="$("$cli" --help | commands_of | tail -1)"
lastOption="$("$cli" "$lastCommand" --help | options_of | grep -vE -- '^(-h|--help|--help-all)$' | tail -1)"
awk -v title=".SS \"sentry-harness-cli $lastCommand " -v option="$lastOption" '
    index($0, title) == 1 { on = 1 } /^\.SH/ { on = 0 }
    on && index($0, option) { next } { print }' "$scratch/sentry-harness-cli.1" >"$scratch/mutant.1"
if check_cli_page "$scratch/mutant.1" >"$scratch/mutant.log"; then
    fail "a page without $lastCommand's $lastOption passed the checks"
fi

if [ "$failures" -gt 0 ]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "man pages match the help of $("$cli" --help | commands_of | wc -l) commands and the GUI"
