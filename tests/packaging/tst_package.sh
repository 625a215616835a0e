#!/usr/bin/env bash
# Builds the Debian packages from the already-built tree (cpack, as scripts/package.sh does, but
# into the build folder) and checks them: the control fields; every file a desktop user needs is
# in sentry-harness_<version>_<arch>.deb and the static core and its headers are not (they are in
# sentry-harness-dev); nothing names the build tree, the sources or a home folder; the programs
# are stripped, carry no search path and run. Skips (77) without cpack, dpkg-deb or
# dpkg-shlibdeps (Debian: cmake, dpkg, dpkg-dev).
#   tst_package.sh BUILD_DIR SOURCE_DIR VERSION APPSTREAM_ID
set -euo pipefail
build="$1" source="$2" version="$3" appstreamId="$4"
for tool in cpack dpkg-deb dpkg-shlibdeps readelf; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool is not installed (Debian: cmake, dpkg, dpkg-dev, binutils)"
        exit 77
    fi
done
out="$build/package-check"
rm -rf "$out"
mkdir -p "$out"
trap 'rm -rf "$out/_CPack_Packages" "$out/root" "$out/dev"' EXIT

failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

if ! cpack --config "$build/CPackConfig.cmake" -B "$out" >"$out/cpack.log" 2>&1; then
    cat "$out/cpack.log"
    echo "FAIL: cpack"
    exit 1
fi
arch="$(dpkg --print-architecture)"
deb="$out/sentry-harness_${version}_$arch.deb"
dev="$out/sentry-harness-dev_${version}_$arch.deb"
for file in "$deb" "$dev"; do
    [ -f "$file" ] || { ls "$out"; echo "FAIL: no $(basename "$file")"; exit 1; }
done

# Control fields.
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = sentry-harness ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version), not $version"
[ "$(field Section)" = devel ] || fail "Section: $(field Section)"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture: $(field Architecture)"
grep -qE '^[^<]+ <[^@>]+@[^>]+>$' <<<"$(field Maintainer)" || fail "Maintainer: $(field Maintainer)"
# dpkg-shlibdeps' share: the C library and Qt's, versioned.
for library in libc6 libqt6core6 libqt6widgets6 libqt6network6; do
    grep -qE "(^|, )$library \(>= " <<<"$(field Depends)" || fail "Depends lacks $library (>= ...): $(field Depends)"
done
grep -qi "protocol v4" <<<"$(field Description)" || fail "the description does not say what the tool is for"
[ "$(field Description | sed -n 1p)" != "$(field Description | sed -n '2s/^ //p')" ] || fail "the synopsis is repeated"
grep -qiE "https?://" <<<"$(field Description)" && fail "the description names a web address"
dpkg-deb -f "$deb" Homepage | grep -q . && fail "a Homepage field"

# Contents.
listing="$(dpkg-deb -c "$deb" | awk '{ print $2 "\t" $NF }')"
paths="$(cut -f2 <<<"$listing")"
for path in \
    ./usr/bin/sentry-harness \
    ./usr/bin/sentry-harness-cli \
    ./usr/share/applications/sentry-harness.desktop \
    ./usr/share/icons/hicolor/scalable/apps/sentry-harness.svg \
    "./usr/share/metainfo/$appstreamId.metainfo.xml" \
    ./usr/share/man/man1/sentry-harness.1.gz \
    ./usr/share/man/man1/sentry-harness-cli.1.gz \
    ./usr/share/bash-completion/completions/sentry-harness-cli \
    ./usr/share/doc/sentry-harness/copyright \
    ./usr/share/doc/sentry-harness/changelog.gz; do
    grep -qxF -- "$path" <<<"$paths" || fail "not in the package: $path"
done
while read -r path; do
    case "$path" in
    ./ | ./usr/ | ./usr/bin/* | ./usr/share/*) ;;
    *) fail "a file outside /usr/bin and /usr/share: $path" ;;
    esac
    case "$path" in
    *.a | *.h | */include/* | */cmake/* | */lib/*) fail "a development file in the runtime package: $path" ;;
    esac
done <<<"$paths"
cut -f1 <<<"$listing" | grep -vx root/root && fail "files not owned by root/root"
devPaths="$(dpkg-deb -c "$dev")"
grep -qE '/usr/lib/[^ ]*libsentry_core\.a$' <<<"$devPaths" || fail "sentry-harness-dev lacks libsentry_core.a"
grep -qE '/usr/include/sentry-harness/[^ ]+\.h$' <<<"$devPaths" || fail "sentry-harness-dev lacks the headers"
grep -qE '/usr/share/doc/sentry-harness-dev/copyright$' <<<"$devPaths" || fail "sentry-harness-dev lacks its copyright"

# Nothing leaked: no file names the build tree, the sources or a home folder.
dpkg-deb -x "$deb" "$out/root"
leaks=("$(realpath "$build")" "$(realpath "$source")")
[ -n "${HOME:-}" ] && [ "$HOME" != / ] && leaks+=("${HOME%/}/")
for leak in "${leaks[@]}"; do
    found="$(grep -rlaF -- "$leak" "$out/root" || true)"
    # gzip'ed pages and changelog are searched decompressed
    for gz in $(find "$out/root" -name '*.gz'); do
        gzip -dc "$gz" | grep -qaF -- "$leak" && found+=" $gz"
    done
    [ -z "$found" ] || fail "'$leak' appears in: $found"
done
for program in sentry-harness sentry-harness-cli; do
    file="$out/root/usr/bin/$program"
    readelf -S "$file" | grep -q '\.debug_info' && fail "$program is not stripped"
    readelf -d "$file" | grep -qE 'RPATH|RUNPATH' && fail "$program has a library search path"
done
printed="$("$out/root/usr/bin/sentry-harness-cli" --version)" || fail "the packaged CLI does not run"
[ "$printed" = "sentry-harness-cli $version" ] || fail "the packaged CLI says '$printed', not $version"
# The GUI's --version is the version its About dialog shows (QApplication::applicationVersion()).
printed="$(QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$out" "$out/root/usr/bin/sentry-harness" --version 2>/dev/null)" ||
    fail "the packaged GUI does not run"
[ "$printed" = "Sentry Harness $version" ] || fail "the packaged GUI says '$printed', not $version"
gzip -dc "$out/root/usr/share/doc/sentry-harness/changelog.gz" | head -1 | grep -qF "sentry-harness ($version)" ||
    fail "the changelog's first entry is not $version"

if [ "$failures" -gt 0 ]; then
    echo "$failures failure(s); cpack's log: $out/cpack.log"
    exit 1
fi
echo "$(basename "$deb"): $(wc -l <<<"$paths") entries, Depends: $(field Depends)"
