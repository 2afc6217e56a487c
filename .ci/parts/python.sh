#!/usr/bin/env bash
# The Python package (python/): lints of its crate, then a wheel built and
# installed into a virtual environment with the test extras, and pytest.
# Run by .ci/run from the repository root; safe to run again (the venv and
# the compiled crates in target/ are reused).
set -euo pipefail
cd "$(dirname "$0")/../.."

started=$SECONDS
# The wheel build shares the workspace's target directory, so the crates
# already compiled by the Rust checks are reused.
export CARGO_TARGET_DIR="$PWD/target"
export PIP_DISABLE_PIP_VERSION_CHECK=1

echo "--- cargo clippy -p byline-python --all-targets"
cargo clippy -p byline-python --all-targets -- -D warnings

venv=target/ci-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi

echo "--- pip install ./python[test]"
# pip rebuilds and reinstalls a project given as a directory every time.
"$venv/bin/python" -m pip install --quiet "./python[test]"

echo "--- pytest"
# From the tests' folder, so that `import byline` finds the installed
# package rather than the python/byline sources.
(cd python/tests && "../../$venv/bin/python" -m pytest -q -p no:cacheprovider)

echo "python part: $((SECONDS - started)) s"
