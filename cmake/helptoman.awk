# Turns one --help text of a Qt program (QCommandLineParser's layout) into man(7) markup.
#   awk -v heading=SH|SS -f helptoman.awk
# heading=SH: the text is a whole program's help; its usage line is left to the caller and each
# "Name:" section becomes a section of the page. heading=SS: the text is one command's help; it
# becomes a subsection titled by its usage line, with its sections as labelled paragraphs.
# "Options:", "Arguments:" and "Commands:" items become tagged paragraphs; any other section
# (Examples:, ...) is kept line by line, as written (and, in a whole page, moved after them).

function esc(text) {
    gsub(/\\/, "\\e", text)
    gsub(/-/, "\\-", text)
    return text
}
function emit(text) { # a page's own sections (Examples, ...) go after its options, as in man(7)
    if (deferred)
        later = later text "\n"
    else
        print text
}
function line(text) { # a text line must not start with a control character
    if (text ~ /^[.']/)
        text = "\\&" text
    emit(text)
}
function names(text,    count, parts, i, out, word, comma, bold) { # "-h, --help" bold, "<VALUE>" and ARG italic
    count = split(text, parts, " ")
    out = ""
    for (i = 1; i <= count; i++) {
        comma = sub(/,$/, "", parts[i]) ? "," : ""
        word = esc(parts[i])
        bold = parts[i] ~ /^-/ || section == "Commands"
        out = out (i > 1 ? " " : "") (bold ? "\\fB" : "\\fI") word "\\fR" comma
    }
    return out
}
function flushItem() {
    if (itemName == "")
        return
    emit(".TP")
    line(names(itemName))
    if (itemText != "")
        line(esc(itemText))
    itemName = ""
    itemText = ""
}
function flushProse() {
    if (prose == "")
        return
    emit(".PP")
    line(esc(prose))
    prose = ""
}
function endIndented() {
    if (indented)
        emit(".fi\n.RE")
    indented = 0
}
function startSection(title) {
    endIndented()
    flushItem()
    flushProse()
    if (verbatim)
        emit(".fi\n.RE")
    verbatim = 0
    section = title
    tagged = (title == "Options" || title == "Arguments" || title == "Commands")
    deferred = heading == "SH" && !tagged
    if (heading == "SH")
        emit(".SH " toupper(esc(title)))
    else
        emit(".PP\n\\fB" esc(title) ":\\fR")
    if (!tagged) {
        emit(".RS 4\n.nf")
        verbatim = 1
    }
}

BEGIN { section = ""; prose = ""; itemName = ""; itemText = ""; verbatim = 0; indented = 0 }

/^Usage: / {
    if (heading == "SS") {
        usage = substr($0, 8)
        emit(".SS \"" esc(usage) "\"")
    }
    next
}
/^[A-Z][A-Za-z ]*:$/ { startSection(substr($0, 1, length($0) - 1)); next }
/^$/ { endIndented(); flushItem(); flushProse(); next }
/^Exit codes?:/ { endIndented(); flushProse(); prose = $0; next }
section == "" && /^ / { # an indented block in the description (a table, examples): as written
    flushProse()
    if (!indented)
        emit(".PP\n.RS 4\n.nf")
    indented = 1
    sub(/^  /, "")
    line(esc($0))
    next
}
section == "" { endIndented(); prose = prose (prose == "" ? "" : " ") $0; next }
verbatim { sub(/^  /, ""); line(esc($0)); next }
/^  [^ ]/ {
    flushItem()
    text = substr($0, 3)
    if (match(text, /  +/)) {
        itemName = substr(text, 1, RSTART - 1)
        itemText = substr(text, RSTART + RLENGTH)
    } else {
        itemName = text
    }
    next
}
/^   / { sub(/^ +/, ""); itemText = itemText (itemText == "" ? "" : " ") $0; next }
{ flushItem(); prose = prose (prose == "" ? "" : " ") $0 }
END {
    endIndented()
    flushItem()
    flushProse()
    if (verbatim)
        emit(".fi\n.RE")
    printf "%s", later
}
