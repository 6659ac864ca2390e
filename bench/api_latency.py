"""Latency of the open-data API on the configured database (median and 95th
percentile, milliseconds, with the number of SQL queries per call).

    DATABASE_URL=... .venv/bin/python bench/api_latency.py [--communes 50]

Needs the reference data and some content (``make run`` loads both). Calls go
through Django's test client (no network), so the figures are the server's own
time: the catalogue listings, then the commune endpoint for a sample of communes
drawn from the data, large and small.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from territories.models import Commune  # noqa: E402


def measure(client: Client, url: str) -> tuple[float, int]:
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        response = client.get(url, HTTP_HOST="localhost")
        elapsed = (time.perf_counter() - start) * 1000
    if response.status_code >= 500:
        raise SystemExit(f"{url}: HTTP {response.status_code}")
    return elapsed, len(queries)


def report(label: str, figures: list[tuple[float, int]]) -> None:
    times = sorted(t for t, _q in figures)
    p95 = times[max(0, round(0.95 * len(times)) - 1)]
    queries = max(q for _t, q in figures)
    print(
        f"{label:<32} n={len(times):<4} median={statistics.median(times):7.1f} ms "
        f"p95={p95:7.1f} ms  queries≤{queries}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communes", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    client = Client()
    for family in ("programmes", "pactes", "formations"):
        url = f"/api/v1/{family}/?taille=100"
        report(url, [measure(client, url) for _ in range(args.rounds)])
    codes = list(Commune.objects.order_by("code").values_list("code", flat=True))
    if not codes:
        raise SystemExit("No commune: run manage.py import_territories first.")
    sample = random.Random(14).sample(codes, min(args.communes, len(codes)))
    report("/api/v1/communes/<code>/", [measure(client, f"/api/v1/communes/{code}/") for code in sample])
    report("/api/v1/exports/programmes.xlsx", [measure(client, "/api/v1/exports/programmes.xlsx")])


if __name__ == "__main__":
    main()
