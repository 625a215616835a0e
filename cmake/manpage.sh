#!/usr/bin/env bash
# Writes a program's man page from its own --help and --version, so every command and option it
# has is in the page without anyone editing the page (run by the build, see SentryPackaging.cmake).
#   manpage.sh [--commands] [--see-also PAGE] PROGRAM SUMMARY DATE OUTPUT
# --commands: PROGRAM runs commands (PROGRAM COMMAND ...); its --help lists them under
# "Commands:", each gets a subsection from `PROGRAM COMMAND --help`, and the help's
# "Exit codes: 0 ok, 1 ..." line becomes the EXIT STATUS section.
set -euo pipefail
# Offscreen, so the GUI answers --help without a display. The help must not carry the home of
# whoever builds: paths under it read as ~ (a default like ~/.local/share/...), and the programs
# run in a scratch folder.
export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 HOME='~'
unset XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME XDG_STATE_HOME
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export XDG_RUNTIME_DIR="$scratch"

commands=0
see_also=""
while [ $# -gt 0 ]; do
    case "$1" in
    --commands) commands=1 ;;
    --see-also) see_also="$2" && shift ;;
    *) break ;;
    esac
    shift
done
if [ $# -ne 4 ]; then
    sed -n '2,8p' "${BASH_SOURCE[0]}" >&2
    exit 2
fi
program="$(realpath "$1")" summary="$2" date="$3" output="$(realpath -m "$4")"
awk_script="$(realpath "$(dirname "${BASH_SOURCE[0]}")")/helptoman.awk"
cd "$scratch"
name="$(basename "$program")"
version="$("$program" --version)"
version="${version##* }"
help="$("$program" --help)"

roff() { sed -e 's/\\/\\e/g' -e 's/-/\\-/g' <<<"$1"; }
# The commands listed under "Commands:" in the program's help.
command_names() { awk '/^Commands:$/ { on = 1; next } /^$/ { on = 0 } on && /^  [^ ]/ { print $1 }' <<<"$help"; }

{
    printf '.TH "%s" "1" "%s" "%s %s" "User Commands"\n' "$(roff "${name^^}")" "$date" "$(roff "$name")" "$version"
    printf '.SH NAME\n%s \\- %s\n' "$(roff "$name")" "$(roff "$summary")"
    echo '.SH SYNOPSIS'
    if [ $commands -eq 1 ]; then
        printf '.B %s\n.I command\n[\\fIoptions\\fR] [\\fIarguments\\fR]\n.br\n' "$(roff "$name")"
        printf '.B %s\n\\fB\\-\\-help\\fR | \\fB\\-\\-version\\fR\n' "$(roff "$name")"
    else
        usage="$(sed -n 's/^Usage: //p' <<<"$help")"
        printf '.B %s\n%s\n' "$(roff "$name")" "$(roff "${usage#* }")"
    fi
    echo '.SH DESCRIPTION'
    awk -v heading=SH -f "$awk_script" <<<"$help"
    if [ $commands -eq 1 ]; then
        printf '.SH OPTIONS\n.TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\nList the commands.\n'
        printf '.TP\n\\fB\\-v\\fR, \\fB\\-\\-version\\fR\nPrint the version.\n'
        echo '.SH "COMMAND DETAILS"'
        while read -r command; do
            "$program" "$command" --help | awk -v heading=SS -f "$awk_script"
        done < <(command_names)
    fi
    if [ $commands -eq 1 ]; then
        echo '.SH "EXIT STATUS"'
        sed -n 's/^Exit codes: //p' <<<"$help" | sed -e 's/\.$//' -e 's/, \([0-9]\)/\n\1/g' |
            while read -r code meaning; do printf '.TP\n.B %s\n%s\n' "$code" "$(roff "$meaning")"; done
    fi
    if [ -n "$see_also" ]; then
        printf '.SH "SEE ALSO"\n\\fB%s\\fR(1)\n' "$(roff "$see_also")"
    fi
} >"$output.tmp"
mv "$output.tmp" "$output"
