#!/usr/bin/env bash
# The command-line tool in a browser: the release binary renders a fixture
# article as HTML, headless Chromium loads the page, and the DOM it built is
# checked against the tool's JSON for the same article: every quotation with
# its speaker, every mention highlighted, nothing loaded from elsewhere.
# Leaves a screenshot in target/byline-html.png. Installs Chromium (and
# Python) with apt when missing. Run from anywhere; safe to repeat.
set -euo pipefail
cd "$(dirname "$0")/../.."

fixture=cli/tests/fixtures/harbour.txt
work=target/byline-cli-ci
screenshot=target/byline-html.png

apt_install() {
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends "$@" || {
        apt-get update
        apt-get install -y --no-install-recommends "$@"
    }
}
[ -x /usr/bin/chromium ] || apt_install chromium
command -v python3 >/dev/null || apt_install python3

cargo build --release -p byline-cli
bin=target/release/byline

rm -rf "$work" "$screenshot"
mkdir -p "$work"
"$bin" --format json --quiet "$fixture" >"$work/article.json"
"$bin" html --quiet "$fixture" -o "$work/article.html"

profiles=()
cleanup() { [ ${#profiles[@]} -eq 0 ] || rm -rf "${profiles[@]}"; }
trap cleanup EXIT
chromium_run() {
    local profile
    profile=$(mktemp -d)
    profiles+=("$profile")
    timeout 180 /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic \
        --no-first-run --disable-background-networking --disable-component-update \
        --disable-sync --user-data-dir="$profile" "$@" 2>>"$work/chromium.log"
}
url="file://$PWD/$work/article.html"
chromium_run --screenshot="$screenshot" --window-size=1280,1600 "$url" >/dev/null
chromium_run --dump-dom "$url" >"$work/dom.html"

test -s "$screenshot" || { echo "no screenshot; see $work/chromium.log" >&2; exit 1; }
python3 cli/tests/check_html.py "$work/dom.html" "$work/article.json" "$fixture"
echo "screenshot: $screenshot"
