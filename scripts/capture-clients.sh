#!/usr/bin/env bash
# Captures the requests of real v4-era clients into tests/data/traffic/ (see its README.md):
# raven-node 0.6.3 from node, raven-js 1.1.11 and 1.1.22 in Debian's headless Chromium, each
# against a capture server on 127.0.0.1 that records the bytes as they arrive. Not part of the
# test suite; rerun it to refresh the captures (and the two corpus samples made from them).
#
#     scripts/capture-clients.sh [--keep]     # --keep leaves the work folder (clients, profiles)
#
# Installs what is missing: nodejs, npm and chromium with apt-get (as root or with sudo), and the
# clients with npm into a temporary folder that is removed afterwards (nothing is added to the tree
# but the captures). Needs no network but Debian's and npm's package registries.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KEEP=0
for arg in "$@"; do
    case "$arg" in
        --keep) KEEP=1 ;;
        *) echo "usage: $0 [--keep]" >&2; exit 2 ;;
    esac
done

# Pinned: the releases the captures are of, and the Express of raven-node's own example (3.x).
RAVEN_NODE=raven@0.6.3
EXPRESS=express@3.4.8
RAVEN_JS_VERSIONS=(1.1.11 1.1.22)

install_debian_packages() {
    local missing=()
    command -v node >/dev/null || missing+=(nodejs)
    command -v npm >/dev/null || missing+=(npm)
    command -v chromium >/dev/null || missing+=(chromium)
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "==> installing ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

npm_install() { # FOLDER PACKAGE…
    local folder="$1"
    shift
    mkdir -p "$folder"
    echo '{"name": "capture", "private": true}' >"$folder/package.json"
    (cd "$folder" && npm install --no-audit --no-fund --no-package-lock --loglevel=error "$@" >/dev/null)
}

install_debian_packages

WORK="$(mktemp -d "${TMPDIR:-/tmp}/sentry-capture.XXXXXX")"
if [ "$KEEP" -eq 1 ]; then
    echo "==> work folder kept: $WORK"
else
    trap 'rm -rf "$WORK"' EXIT
fi

echo "==> installing $RAVEN_NODE, $EXPRESS and raven-js ${RAVEN_JS_VERSIONS[*]} into $WORK"
npm_install "$WORK/app" "$RAVEN_NODE" "$EXPRESS"
cp "$ROOT/scripts/capture/raven-node-app.js" "$WORK/app/app.js"
for version in "${RAVEN_JS_VERSIONS[@]}"; do
    npm_install "$WORK/raven-js-$version" "raven-js@$version"
done

echo "==> capturing (node $(node --version), $(chromium --version 2>/dev/null | head -n 1))"
rm -f "$ROOT"/tests/data/traffic/raven-*/*.http
node "$ROOT/scripts/capture/capture.js" --work "$WORK" --out "$ROOT/tests/data/traffic" \
    --samples "$ROOT/resources/samples" --chromium "$(command -v chromium)"
