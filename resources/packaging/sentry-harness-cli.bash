# bash completion for sentry-harness-cli                                   -*- shell-script -*-
#
# Everything is read from the program's own help when Tab is pressed: the commands from
# `sentry-harness-cli --help`, a command's options and arguments from `sentry-harness-cli COMMAND
# --help`. A new command or option completes without anyone editing this file.
# An option's values complete where its help names them: as its value name, <a|b|c>, or in its
# description as "a, b or c" (each value may carry a note in parentheses, a label may precede
# the list: "Body encoding: json (default) or base64-zlib."). Values named FILE, PATH, DIR or DB
# and FILE arguments complete file names.

# Reads one command's --help and prints a line per item, fields separated by tabs:
#   option NAME VALUE-NAME      (one line per spelling: -h and --help)
#   value NAME VALUE            (one line per value the help names)
#   argument NAME
_sentry_harness_cli_items()
{
    awk '
    function isList(text,    count, parts, i) {
        sub(/^one of /, "", text)
        if (text !~ / or |\|/)
            return ""
        gsub(/,? or /, "|", text)
        gsub(/ *\| */, "|", text)
        gsub(/, /, "|", text)
        count = split(text, parts, "|")
        if (count < 2)
            return ""
        for (i = 1; i <= count; i++)
            if (parts[i] !~ /^[A-Za-z0-9][A-Za-z0-9._+\/-]*$/)
                return ""
        return text
    }
    function valuesOf(valueName, text,    list, rest, plain, count, clauses, i) {
        if ((list = isList(valueName)) != "")
            return list
        rest = text
        plain = ""
        while (match(rest, / ?\([^()]*\)/)) {   # a list in parentheses: "(json or base64-zlib)"
            list = substr(rest, RSTART, RLENGTH)
            sub(/^ ?\(/, "", list)
            sub(/\)$/, "", list)
            if ((list = isList(list)) != "")
                return list
            plain = plain substr(rest, 1, RSTART - 1)
            rest = substr(rest, RSTART + RLENGTH)
        }
        plain = plain rest
        count = split(plain, clauses, /[.:;] +|[.:;]$/)
        for (i = 1; i <= count; i++)
            if ((list = isList(clauses[i])) != "")
                return list
        return ""
    }
    function flush(    count, names, valueName, i, values) {
        if (item == "")
            return
        if (section == "Arguments") {
            printf "argument\t%s\n", item
        } else if (section == "Options") {
            valueName = ""
            if (match(item, /<[^>]*>/))
                valueName = substr(item, RSTART + 1, RLENGTH - 2)
            count = split(item, names, /[ ,]+/)
            for (i = 1; i <= count; i++)
                if (names[i] ~ /^-/)
                    printf "option\t%s\t%s\n", names[i], valueName
            if (valueName != "" && (values = valuesOf(valueName, text)) != "") {
                count = split(values, names, "|")
                for (i = 1; i <= count; i++)
                    printf "value\t%s\t%s\n", option, names[i]
            }
        }
        item = ""
    }
    /^[A-Z][A-Za-z ]*:$/ { flush(); section = substr($0, 1, length($0) - 1); next }
    /^$/ { flush(); next }
    /^  [^ ]/ {
        flush()
        item = substr($0, 3)
        text = ""
        if (match(item, /  +/)) {
            text = substr(item, RSTART + RLENGTH)
            item = substr(item, 1, RSTART - 1)
        }
        option = item
        sub(/ .*/, "", option)
        sub(/,$/, "", option)
        if (match(item, /--[^ ,]+/))
            option = substr(item, RSTART, RLENGTH)
        next
    }
    /^   / { sub(/^ +/, ""); text = text (text == "" ? "" : " ") $0; next }
    END { flush() }
    '
}

_sentry_harness_cli_files()
{
    compopt -o filenames 2>/dev/null
    local IFS=$'\n'
    COMPREPLY=($(compgen -f -- "$1"))
}

_sentry_harness_cli()
{
    local program="$1" cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD - 1]}"
    COMPREPLY=()
    local option=""
    if [[ $cur == = && $prev == -* ]]; then # --encoding=<Tab>
        option="$prev"
        cur=""
    elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then # --encoding=b<Tab>
        option="${COMP_WORDS[COMP_CWORD - 2]}"
    elif [[ $prev == -* ]]; then
        option="$prev"
    fi

    local command="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        if [[ ${COMP_WORDS[i]} != -* ]]; then
            command="${COMP_WORDS[i]}"
            break
        fi
    done
    if [[ -z $command ]]; then
        local words
        if [[ $cur == -* ]]; then
            words="--help --version"
        else
            words="$("$program" --help 2>/dev/null |
                awk '/^Commands:$/ { on = 1; next } /^$/ { on = 0 } on && /^  [^ ]/ { print $1 }')"
        fi
        COMPREPLY=($(compgen -W "$words" -- "$cur"))
        return 0
    fi

    local items
    items="$("$program" "$command" --help 2>/dev/null | _sentry_harness_cli_items)" || return 0
    if [[ -n $option ]]; then
        local valueName
        valueName="$(awk -F '\t' -v name="$option" '$1 == "option" && $2 == name { print $3; exit }' <<<"$items")"
        if [[ -n $valueName ]]; then
            local values
            values="$(awk -F '\t' -v name="$option" '$1 == "value" && $2 == name { print $3 }' <<<"$items")"
            if [[ -n $values ]]; then
                COMPREPLY=($(compgen -W "$values" -- "$cur"))
            elif [[ ${valueName^^} =~ (^|[^A-Z])(FILE|PATH|DIR|DB)S?$ ]]; then
                _sentry_harness_cli_files "$cur"
            fi
            return 0
        fi
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(awk -F '\t' '$1 == "option" { print $2 }' <<<"$items")" -- "$cur"))
    elif awk -F '\t' '$1 == "argument" && toupper($2) ~ /FILE/ { found = 1 } END { exit !found }' <<<"$items"; then
        _sentry_harness_cli_files "$cur"
    fi
    return 0
}
complete -F _sentry_harness_cli sentry-harness-cli
