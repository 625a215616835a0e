#!/usr/bin/env bash
# Build the Debian packages into dist/, from the same build/ as run.sh and test.sh:
#   sentry-harness_<version>_<arch>.deb      both programs, desktop entry, icon, AppStream
#                                            metainfo, man pages, bash completion, docs
#   sentry-harness-dev_<version>_<arch>.deb  the static core, its headers and CMake package
# then check the first with lintian (an error fails) and its metainfo with appstreamcli.
# Install with: sudo apt install ./dist/sentry-harness_<version>_<arch>.deb
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

SENTRY_PACKAGES+=(dpkg-dev lintian appstream)
sentry_install_packages

# The release date in the changelog, metainfo and man pages is the last commit's, so the same
# commit packs the same files.
if [ -z "${SOURCE_DATE_EPOCH:-}" ] && git -C "$SENTRY_ROOT" rev-parse --git-dir >/dev/null 2>&1; then
    SOURCE_DATE_EPOCH="$(git -C "$SENTRY_ROOT" log -1 --format=%ct)"
    export SOURCE_DATE_EPOCH
fi
if [ -f "$SENTRY_BUILD/CMakeCache.txt" ]; then
    cmake -S "$SENTRY_ROOT" -B "$SENTRY_BUILD" >/dev/null
fi
sentry_build

DIST="$SENTRY_ROOT/dist"
rm -rf "$DIST"
mkdir -p "$DIST"
(cd "$SENTRY_BUILD" && cpack -B "$DIST")
rm -rf "$DIST/_CPack_Packages"

deb="$(ls "$DIST"/sentry-harness_*.deb)"
echo "==> lintian $(basename "$deb")"
lintian --fail-on error "$deb"
echo "==> appstreamcli validate"
dpkg-deb --fsys-tarfile "$deb" | tar -xO --wildcards './usr/share/metainfo/*.metainfo.xml' >"$DIST/.metainfo.xml"
appstreamcli validate --no-net "$DIST/.metainfo.xml"
rm -f "$DIST/.metainfo.xml"
echo "==> built:"
ls -1 "$DIST"/*.deb
echo "install with: sudo apt install ./dist/$(basename "$deb")"
