#!/usr/bin/env bash
# Takes the window's screenshots as a new user sees it: fresh settings in a temporary folder
# (XDG_CONFIG_HOME, XDG_DATA_HOME), under Xvfb at 1920x1080, 1366x768 and 1024x700, light and dark,
# with the CLI's `serve` as a loopback sink on the default target's address (127.0.0.1:9000) that
# answers 200 and then 429. Look at every picture; copy the good ones to docs/.
#
#   scripts/screenshots.sh [OUT_DIR]        # default OUT_DIR: a new temporary folder
#   SHOTS='backoff|faults' scripts/screenshots.sh OUT_DIR   # only the pictures whose names match
#
# Needs a build (scripts/run.sh builds one) and xvfb, xdotool and imagemagick (`import`).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${SENTRY_BUILD:-$root/build}"
gui="$build/app/gui/sentry-harness"
cli="$build/app/cli/sentry-harness-cli"
out="${1:-$(mktemp -d)}"
work="$(mktemp -d)"
pids=()

for tool in Xvfb xdotool import; do
    command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool is missing: apt-get install xvfb xdotool imagemagick" >&2; exit 2; }
done
for program in "$gui" "$cli"; do
    [ -x "$program" ] || { echo "screenshots.sh: $program is missing: build first (scripts/run.sh)" >&2; exit 2; }
done

cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

# The sink: 200 for the first event, 429 (Retry-After 30) for every second one.
"$cli" serve --listen 127.0.0.1:9000 --key public:secret --project 1 --no-history \
    --fault 429,retry-after=30,every=2 >"$work/serve.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do grep -q Listening "$work/serve.log" && break; sleep 0.1; done
grep -q Listening "$work/serve.log" || { cat "$work/serve.log" >&2; exit 3; }

display_number=90
# shot NAME WIDTHxHEIGHT THEME [FILE] -- KEYS…: one fresh start, the keys typed, one picture.
shot() {
    local name=$1 size=$2 theme=$3 file=$4
    shift 4
    [ "${1:-}" = "--" ] && shift
    [[ "$name" =~ ${SHOTS:-.} ]] || return 0
    display_number=$((display_number + 1))
    local display=":$display_number" home="$work/$name"
    mkdir -p "$home/config/SentryHarness" "$home/data"
    [ "$theme" = system ] || printf '[General]\ntheme=%s\n' "$theme" >"$home/config/SentryHarness/Sentry Harness.conf"
    Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
    local xvfb=$!
    pids+=("$xvfb")
    for _ in $(seq 50); do DISPLAY=$display xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done
    local args=()
    [ -n "$file" ] && args=("$file")
    DISPLAY=$display XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
        QT_QPA_PLATFORM=xcb "$gui" "${args[@]}" >"$home/gui.log" 2>&1 &
    local app=$!
    pids+=("$app")
    local window=""
    for _ in $(seq 300); do
        window=$(DISPLAY=$display xdotool search --onlyvisible --name "Sentry Harness" 2>/dev/null | head -1) && [ -n "$window" ] && break
        sleep 0.1
    done
    sleep 2
    # No window manager: the keyboard goes where the pointer is, and the window gets the focus.
    DISPLAY=$display xdotool mousemove 700 300
    if [ -n "$window" ]; then DISPLAY=$display xdotool windowfocus --sync "$window" 2>/dev/null || true; fi
    for key in "$@"; do
        case "$key" in
        sleep:*) sleep "${key#sleep:}" ;;
        type:*) DISPLAY=$display xdotool type --delay 40 "${key#type:}" ;;
        *) DISPLAY=$display xdotool key "$key" ;;
        esac
        sleep 0.4
    done
    sleep 1
    DISPLAY=$display import -window root "$out/$name.png"
    # The window first: a program whose X server goes away first aborts ("X11 connection broke").
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true
    wait "$xvfb" 2>/dev/null || true
    echo "$out/$name.png"
}

sample="$root/resources/samples"
shot main-window-1366x768 1366x768 light "$sample/raven-python-django-exception.json" -- ctrl+Return sleep:2
shot main-window-1920x1080 1920x1080 light "$sample/raven-python-django-exception.json" -- ctrl+Return sleep:2
shot small-1024x700 1024x700 light "" --
shot new-event-1366x768 1366x768 light "" --
shot rate-limited-1366x768 1366x768 light "" -- ctrl+Return sleep:2 ctrl+Return sleep:2
shot request-preview-1366x768 1366x768 light "$sample/raven-node-express-exception.json" -- alt+3
shot validation-1366x768 1366x768 light "$sample/later-protocol-fields.json" -- alt+4
shot find-1366x768 1366x768 light "$sample/raven-python-django-exception.json" -- alt+2 ctrl+f type:frames
shot templates-1366x768 1366x768 light "" -- alt+f t
shot receiver-1366x768 1366x768 light "$sample/raven-python-django-exception.json" -- ctrl+Return sleep:2 alt+6
shot history-1366x768 1366x768 light "$sample/raven-python-django-exception.json" -- ctrl+Return sleep:2 alt+7 sleep:1
shot history-dark-1920x1080 1920x1080 dark "$sample/raven-node-express-exception.json" -- ctrl+Return sleep:2 alt+7 sleep:1
# The embedded receiver's Faults tab: Alt+0 puts the keyboard on the first one-click fault (429).
shot faults-1366x768 1366x768 light "$sample/raven-python-django-exception.json" -- alt+0 space ctrl+Return sleep:2 alt+0 sleep:1
shot backoff-1366x768 1366x768 light "$sample/raven-python-django-exception.json" -- alt+0 space ctrl+shift+Return sleep:1.5 Return sleep:24
shot backoff-dark-1920x1080 1920x1080 dark "$sample/raven-node-express-exception.json" -- alt+0 space ctrl+shift+Return sleep:1.5 Return sleep:24
shot timeline-1366x768 1366x768 light "$sample/raven-python-django-exception.json" -- ctrl+Return sleep:2 alt+9 sleep:1
shot dark-1920x1080 1920x1080 dark "$sample/raven-python-django-exception.json" -- ctrl+Return sleep:2
shot dark-1366x768 1366x768 dark "$sample/http-without-url.json" -- alt+4
shot dark-1024x700 1024x700 dark "" -- ctrl+Return sleep:2
echo "screenshots in $out"
