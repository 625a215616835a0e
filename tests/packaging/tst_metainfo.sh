#!/usr/bin/env bash
# The AppStream metainfo passes `appstreamcli validate --no-net`, names the release this build
# is (project(VERSION)) and launches the desktop entry we install; the desktop entry passes
# desktop-file-validate. Skips (77) when appstreamcli is not installed (Debian: appstream).
#   tst_metainfo.sh METAINFO DESKTOP_ENTRY VERSION
set -euo pipefail
metainfo="$1" desktop="$2" version="$3"
if ! command -v appstreamcli >/dev/null; then
    echo "SKIP: appstreamcli is not installed (apt-get install appstream)"
    exit 77
fi
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate --no-net"
grep -qF "<release version=\"$version\"" "$metainfo" || fail "no release $version in the metainfo"
grep -qF "<launchable type=\"desktop-id\">$(basename "$desktop")</launchable>" "$metainfo" ||
    fail "the metainfo does not launch $(basename "$desktop")"
for binary in sentry-harness sentry-harness-cli; do
    grep -qF "<binary>$binary</binary>" "$metainfo" || fail "the metainfo does not provide $binary"
done
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$desktop" || fail "desktop-file-validate $desktop"
else
    echo "note: desktop-file-validate is not installed; the desktop entry is not checked"
fi
[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "metainfo and desktop entry valid for $version"
