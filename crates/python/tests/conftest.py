"""Fixtures of the Python package's tests: the repository, and the `entente`
binary the package is compared with."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def entente_bin() -> str:
    """The command line to compare with: $ENTENTE_BIN (scripts/test sets it),
    else target/debug/entente or target/release/entente of this repository."""
    given = os.environ.get("ENTENTE_BIN")
    if given:
        return given
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    for profile in ("debug", "release"):
        candidate = target / profile / "entente"
        if candidate.is_file():
            return str(candidate)
    pytest.fail(
        "help: these tests compare the package with the `entente` binary: build it "
        "(cargo build -p entente) or set ENTENTE_BIN=/path/to/entente"
    )
