"""Shared fixtures: the example scripts on sys.path, a small generated corpus,
and the repository root (for parity checks against the Rust example)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
sys.path.insert(0, str(EXAMPLES))

import news_corpus


@pytest.fixture(scope="session")
def articles() -> list[dict[str, str]]:
    """A few hundred generated news articles, ``{"id", "text"}``."""
    return list(news_corpus.records(300, seed=7))


@pytest.fixture(scope="session")
def repo_root() -> Path | None:
    """The byline repository this package sits in, when tests run from a
    clone with cargo available; None otherwise."""
    root = Path(__file__).resolve().parent.parent.parent
    if not (root / "examples" / "extract.rs").is_file() or shutil.which("cargo") is None:
        return None
    return root
