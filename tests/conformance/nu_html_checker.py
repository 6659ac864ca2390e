"""The W3C Nu Html Checker (``tools/html-checker/``, from Maven Central), run once on a
batch of rendered pages: one Java start for all of them."""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "html-checker"
LIB = TOOL / "target" / "lib"
#: Message types that make a page invalid ("info", with or without the "warning"
#: subtype, only advises: DSFR's redundant roles, trailing slashes on void elements).
ERROR_TYPES = {"error", "non-document-error"}


def _require(program: str):
    if shutil.which(program):
        return
    message = f"{program} absent : le Nu Html Checker a besoin de Java 17 et de Maven (tools/html-checker/README.md)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def ensure_built() -> Path:
    """The checker's jars, built with Maven on first use."""
    _require("java")
    if not any(LIB.glob("validator-*.jar")):
        _require("mvn")
        subprocess.run(["mvn", "-q", "-B", "-f", str(TOOL / "pom.xml"), "package"], check=True, timeout=900)
    return LIB


def errors(documents: dict[str, bytes]) -> list[str]:
    """The checker's errors on ``documents`` (page name → HTML), as
    "page (line N): message" lines; an empty list for valid HTML."""
    lib = ensure_built()
    with tempfile.TemporaryDirectory(prefix="nu-html-") as folder:
        names = {}
        for index, (name, html) in enumerate(documents.items()):
            path = Path(folder, f"page-{index:03d}.html")
            path.write_bytes(html)
            names[path.name] = name
        run = subprocess.run(
            ["java", "-cp", f"{lib}/*", "nu.validator.client.SimpleCommandLineValidator", "--format", "json"]
            + sorted(str(Path(folder, file)) for file in names),
            capture_output=True,
            text=True,
            timeout=600,
        )
    report = json.loads(run.stderr or run.stdout)
    return [
        f"{names.get(message.get('url', '').rsplit('/', 1)[-1], '?')} "
        f"(ligne {message.get('lastLine', '?')}) : {message['message']}"
        for message in report["messages"]
        if message["type"] in ERROR_TYPES
    ]
