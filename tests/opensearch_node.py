"""Start/stop a throw-away single-node OpenSearch 2.19 for the test suite.

There is no Docker here and the opensearch.org / GitHub tarballs cannot be downloaded,
so ``tools/opensearch`` assembles the node from Maven Central jars (OpenSearch core plus
the ``transport-netty4`` and ``analysis-common`` modules) and runs it in-process via a tiny
Java launcher. This module is a thin stdlib-only wrapper around the shell scripts there,
for pytest fixtures and ``.ci/run``:

    from tests.opensearch_node import start, stop
    url = start(9201)   # "http://127.0.0.1:9201", builds with Maven on first use
    ...
    stop(9201)

Needs ``java`` (17+), ``mvn`` and ``curl`` on PATH. See tools/opensearch/README.md.
"""

from __future__ import annotations

import json
import subprocess
import urllib.request
from pathlib import Path

TOOLS_DIR = Path(__file__).resolve().parent.parent / "tools" / "opensearch"
DEFAULT_PORT = 9201


def url(port: int = DEFAULT_PORT) -> str:
    """Base URL of the node on ``port`` (loopback only)."""
    return f"http://127.0.0.1:{port}"


def start(port: int = DEFAULT_PORT, timeout: float = 600) -> str:
    """Start the node (or reuse the one already started on ``port``) and return its URL.

    Blocks until the cluster is yellow/green. ``timeout`` also covers the first Maven build.
    Raises ``RuntimeError`` with the script's output (including the node's log tail) on failure.
    """
    proc = subprocess.run(
        [str(TOOLS_DIR / "start.sh"), str(port)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"OpenSearch failed to start on port {port}:\n{proc.stdout}{proc.stderr}")
    base = url(port)
    # Sanity check that what answers is really our OpenSearch 2.x.
    with urllib.request.urlopen(base + "/", timeout=10) as resp:
        version = json.load(resp)["version"]
    if version.get("distribution") != "opensearch":
        raise RuntimeError(f"unexpected server on {base}: {version}")
    return base


def stop(port: int = DEFAULT_PORT, timeout: float = 60) -> None:
    """Stop the node started on ``port`` (no-op if none is running) and drop its data."""
    subprocess.run([str(TOOLS_DIR / "stop.sh"), str(port)], check=True, timeout=timeout)
