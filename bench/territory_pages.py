"""How fast the intercommunality and département pages answer without any
cache for the page itself (issue 23: p95 under 150 ms for an intercommunality
of 100 communes).

    .venv/bin/python bench/territory_pages.py [--rounds 5]
    DATABASE_URL=postgres://… .venv/bin/python bench/territory_pages.py

Needs what ``make run`` loads (reference data, official lists, demo pages).
Django's test client, no network, no HTTP cache. For each page, its fragment
(the evaluation of every member commune) is removed from the cache before the
request: what a visitor meets after a publication, once the process has read
the published pages (the "fragments froids" of ``bench/commune_answers.py``).
Prints p50 and p95 of the wall time and of the process's CPU time (the
machine is shared: the load average is printed too), and the SQL queries.
What startup allocated is frozen out of the garbage collector, as
``config/wsgi.py`` does in production.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import gc  # noqa: E402

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.cache.utils import make_template_fragment_key  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from core import content_version  # noqa: E402
from territories.models import Commune  # noqa: E402


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(share * len(ordered)) - 1)]


def measure(client: Client, label: str, urls: list[tuple[str, str, str]], rounds: int) -> None:
    """``urls``: (address, fragment name, fragment code) each requested
    ``rounds`` times, its fragment removed first."""
    walls, cpus, queries = [], [], []
    for _ in range(rounds):
        for url, fragment, code in urls:
            if fragment:
                cache.delete(make_template_fragment_key(fragment, [content_version.current(), code]))
            with CaptureQueriesContext(connection) as captured:
                wall, cpu = time.perf_counter(), time.process_time()
                response = client.get(url, HTTP_HOST="localhost")
                walls.append((time.perf_counter() - wall) * 1000)
                cpus.append((time.process_time() - cpu) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{url} : HTTP {response.status_code}")
            queries.append(len(captured))
    print(
        f"{label} : n={len(walls)} temps p50={statistics.median(walls):.1f} ms p95={percentile(walls, 0.95):.1f} ms ; "
        f"CPU p50={statistics.median(cpus):.1f} ms p95={percentile(cpus, 0.95):.1f} ms ; "
        f"requêtes SQL ≤ {max(queries)}"
    )


def groupements_of_size(low: int, high: int) -> list[str]:
    sizes = Commune.objects.filter(epci__isnull=False).values("epci_id").annotate(n=Count("pk"))
    return sorted(row["epci_id"] for row in sizes if low <= row["n"] <= high)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    epcis = groupements_of_size(95, 105)
    if not epcis:
        raise SystemExit(
            "Aucune intercommunalité : lancez d'abord make run (ou manage.py import_territories)."
        )
    print(f"Charge moyenne de la machine : {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"Base : {connection.vendor} ; intercommunalités de 95 à 105 communes : {len(epcis)}")
    client = Client()
    gc.freeze()  # as config/wsgi.py does once the application is loaded
    client.get("/", HTTP_HOST="localhost")
    client.get(f"/intercommunalites/{epcis[0]}/", HTTP_HOST="localhost")  # the published pages, read once
    measure(
        client,
        "Page intercommunalité (95 à 105 communes)",
        [(f"/intercommunalites/{code}/", "groupement-page", code) for code in epcis],
        args.rounds,
    )
    measure(
        client,
        "API intercommunalité (mêmes territoires)",
        [(f"/api/v1/intercommunalites/{code}/", "", "") for code in epcis],
        max(1, args.rounds // 2),
    )
    departements = ["08", "23", "62", "2A", "974"]
    measure(
        client,
        "Page département (08, 23, 62 : 890 communes, 2A, 974)",
        [(f"/departements/{code}/", "departement-page", code) for code in departements],
        args.rounds,
    )
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        start = time.perf_counter()
        client.get(f"/intercommunalites/{epcis[0]}/", HTTP_HOST="localhost")
    print(
        f"Cache entièrement vidé (pages publiées relues) : {(time.perf_counter() - start) * 1000:.1f} ms, "
        f"{len(captured)} requêtes SQL"
    )


if __name__ == "__main__":
    main()
