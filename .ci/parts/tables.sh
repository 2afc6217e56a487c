#!/usr/bin/env bash
# The compiled gazetteer (gazetteers/compiled/gazetteer.bin) is what
# tools/tablegen writes from the bundled tables: regenerated and compared
# byte for byte. Reads only files of the repository, so it runs offline.
set -euo pipefail
cd "$(dirname "$0")/../.."

cargo clippy -p tablegen --all-targets -- -D warnings
cargo run --release -p tablegen -- --check
work=target/tablegen-ci
mkdir -p "$work"
cargo run --release -p tablegen -- "$work/gazetteer.bin"
cmp "$work/gazetteer.bin" gazetteers/compiled/gazetteer.bin
echo "gazetteers/compiled/gazetteer.bin is up to date"
