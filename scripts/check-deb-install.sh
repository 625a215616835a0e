#!/usr/bin/env bash
# The package on a clean Debian bookworm (issue 19): builds dist/sentry-harness_<version>_<arch>.deb
# with scripts/package.sh, makes a fresh minimal bookworm chroot, installs the package there with
# `apt install ./….deb` (apt resolves its Depends from the Debian mirror), and checks that both
# programs start: `sentry-harness-cli --version`, a `serve` + `send` round trip on loopback with
# the history in SQLite, `sentry-harness --version`, and the GUI on the offscreen platform for a
# second (`--quit-after 1000`, which closes it as File > Quit does).
#
#   scripts/check-deb-install.sh [--fresh] [--deb FILE]
#     --fresh     bootstrap the chroot again instead of using the cached one
#     --deb FILE  check this package instead of building one
#
# Not part of ctest: it needs root (debootstrap, chroot, mounts) and the Debian mirror
# (SENTRY_DEBIAN_MIRROR, default http://deb.debian.org/debian). The bootstrapped system is cached
# as build/deb-install-check/bookworm-minbase.tar.gz, so a rerun only unpacks it (seconds, not
# minutes); every run installs into a fresh copy. Exit 0 when every check passed, 1 when one
# failed, 2 when the check could not run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

MIRROR="${SENTRY_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
fresh=0
deb=""
while [ $# -gt 0 ]; do
    case "$1" in
    --fresh) fresh=1 ;;
    --deb) deb="$(realpath "${2:?--deb needs a file, e.g. --deb dist/sentry-harness_0.9.0_amd64.deb}")"; shift ;;
    *) echo "usage: scripts/check-deb-install.sh [--fresh] [--deb FILE]  (unknown argument '$1')" >&2; exit 2 ;;
    esac
    shift
done
if [ "$(id -u)" -ne 0 ]; then
    echo "check-deb-install.sh needs root for debootstrap, chroot and mounts: run it with sudo" >&2
    exit 2
fi

if [ -z "$deb" ]; then
    echo "==> scripts/package.sh"
    bash "$SENTRY_ROOT/scripts/package.sh"
    deb="$(ls "$SENTRY_ROOT"/dist/sentry-harness_*.deb)"
fi
[ -f "$deb" ] || { echo "no package at '$deb': build one with scripts/package.sh" >&2; exit 2; }
sentry_install_packages debootstrap

WORK="$SENTRY_BUILD/deb-install-check"
CACHE="$WORK/bookworm-minbase.tar.gz"
ROOT="$WORK/root"
mkdir -p "$WORK"

# Never remove the chroot while a host file system is mounted inside it.
unmount_all() {
    for dir in "$ROOT/dev" "$ROOT/proc"; do
        if mountpoint -q "$dir"; then umount "$dir" || umount -l "$dir"; fi
    done
}
remove_root() {
    unmount_all
    if mountpoint -q "$ROOT/dev" || mountpoint -q "$ROOT/proc"; then
        echo "$ROOT/dev or $ROOT/proc is still mounted: left $ROOT in place; unmount them, then remove it" >&2
        return 1
    fi
    rm -rf "$ROOT"
}

if [ "$fresh" = 1 ] || [ ! -f "$CACHE" ]; then
    echo "==> debootstrap --variant=minbase bookworm from $MIRROR (a few minutes, once)"
    remove_root
    debootstrap --variant=minbase bookworm "$ROOT" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 || {
        tail -n 20 "$WORK/debootstrap.log" >&2
        echo "debootstrap failed (whole log: $WORK/debootstrap.log); is $MIRROR reachable?" >&2
        exit 2
    }
    tar -C "$ROOT" -czf "$CACHE.part" . && mv "$CACHE.part" "$CACHE"
    remove_root
fi

echo "==> a fresh chroot from $(basename "$CACHE")"
remove_root
trap remove_root EXIT
mkdir -p "$ROOT"
tar -C "$ROOT" -xzf "$CACHE"
mount -t proc proc "$ROOT/proc"
mount --bind /dev "$ROOT/dev"
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
mkdir -p "$ROOT/tmp/check"
cp "$deb" "$ROOT/tmp/check/"

# A command inside the chroot, with a plain environment (no display, no host variables).
ROOT_ENV=(/usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive)
in_root() {
    chroot "$ROOT" "${ROOT_ENV[@]}" "$@"
}

passed=0
failed=0
check() { # check NAME COMMAND…: runs it, prints PASS or FAIL with its output
    local name="$1"
    shift
    local output
    if output="$("$@" 2>&1)"; then
        passed=$((passed + 1))
        echo "PASS  $name"
    else
        failed=$((failed + 1))
        echo "FAIL  $name"
    fi
    [ -z "$output" ] || sed 's/^/      /' <<<"$output" | head -n 15
}

echo "==> apt install ./$(basename "$deb") in the chroot"
in_root apt-get update -qq >"$WORK/apt.log" 2>&1 || { tail "$WORK/apt.log" >&2; echo "apt-get update failed in the chroot (log: $WORK/apt.log)" >&2; exit 2; }
before=$(in_root dpkg-query -W -f='.\n' | wc -l)
apt_install() {
    in_root sh -c "cd /tmp/check && apt install -y -q ./$(basename "$deb")" >>"$WORK/apt.log" 2>&1 || {
        tail -n 15 "$WORK/apt.log"
        return 1
    }
}
check "apt install ./$(basename "$deb")" apt_install
after=$(in_root dpkg-query -W -f='.\n' | wc -l)
version="$(in_root dpkg-query -W -f='${Version}' sentry-harness 2>/dev/null || echo none)"
echo "      installed sentry-harness $version with $((after - before - 1)) dependencies (apt log: $WORK/apt.log)"

no_missing_library() {
    ! in_root ldd /usr/bin/sentry-harness /usr/bin/sentry-harness-cli | grep 'not found'
}
check "no library missing (ldd)" no_missing_library
check "sentry-harness-cli --version" in_root sentry-harness-cli --version

# The round trip: the receiver keeps its history in SQLite (the Qt SQL driver is a plugin the
# package must pull in), send posts an event to it on loopback, history finds it again.
cat >"$ROOT/tmp/check/event.json" <<'EOF'
{"event_id": "fc6d8c0c43fc4630ad850ee518f1b9d0", "message": "package check", "level": "info", "logger": "check"}
EOF
running() { # PID: alive and not a zombie waiting to be reaped
    [ -e "/proc/$1" ] && ! grep -q '^[0-9]* (.*) Z' "/proc/$1/stat"
}
round_trip() {
    local out="$ROOT/tmp/check/serve.out"
    # exec: $! is the receiver itself (chroot and env exec it), so SIGINT reaches it.
    (exec chroot "$ROOT" "${ROOT_ENV[@]}" sentry-harness-cli serve --listen 127.0.0.1:0 --key pub:sec --db /tmp/check/history.sqlite \
        >"$out" 2>"$ROOT/tmp/check/serve.err") &
    local serve=$!
    local dsn=""
    for _ in $(seq 100); do # up to 10 s for the first line
        dsn="$(sed -n 's/.*DSN: \([^ ]*\).*/\1/p' "$out" | head -n 1)"
        [ -n "$dsn" ] || ! kill -0 "$serve" 2>/dev/null && break
        sleep 0.1
    done
    [ -n "$dsn" ] || { echo "serve printed no DSN:"; cat "$out" "$ROOT/tmp/check/serve.err"; kill "$serve" 2>/dev/null; return 1; }
    echo "serve: $(head -n 1 "$out")"
    local status=0
    in_root sentry-harness-cli send --dsn "$dsn" --no-history /tmp/check/event.json || status=1
    in_root sentry-harness-cli history --db /tmp/check/history.sqlite --direction in --status 200 --json \
        | grep -q fc6d8c0c43fc4630ad850ee518f1b9d0 || { echo "the history has no accepted exchange for the event"; status=1; }
    kill -INT "$serve"
    for _ in $(seq 100); do # up to 10 s to answer what it acknowledged and exit
        running "$serve" || break
        sleep 0.1
    done
    if running "$serve"; then
        echo "serve still running 10 s after SIGINT: killed"
        kill -9 "$serve"
        status=1
    fi
    wait "$serve" || { echo "serve exited $? after SIGINT (expected 0)"; status=1; }
    echo "serve's lines:"; cat "$out"
    return $status
}
check "serve + send round trip on loopback, history in SQLite" round_trip

check "sentry-harness --version" in_root sentry-harness --version
gui_for_a_second() {
    local start=$SECONDS
    in_root QT_QPA_PLATFORM=offscreen timeout 60 sentry-harness --no-keyring --quit-after 1000 || {
        echo "sentry-harness exited $? (124: still running after 60 s)"
        return 1
    }
    echo "started on the offscreen platform, closed itself after 1 s, exit 0 ($((SECONDS - start)) s in all)"
}
check "sentry-harness offscreen for a second (--quit-after 1000)" gui_for_a_second

echo "==> $(date -u '+%Y-%m-%d %H:%M UTC'): sentry-harness $version on Debian $(cat "$ROOT/etc/debian_version"): $passed passed, $failed failed"
[ "$failed" = 0 ]
