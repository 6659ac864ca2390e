"""How definite the commune page is, and how fast, over random communes.

    .venv/bin/python bench/commune_answers.py [--communes 400] [--seed 19]
    DATABASE_URL=postgres://… .venv/bin/python bench/commune_answers.py

Needs what ``make run`` loads (reference data, official lists, demo pages).
Prints, for a seeded random sample of communes:

- the share of definite verdicts (eligible or not eligible, never "à vérifier")
  among every programme and pacte page: overall, median, minimum, and the
  pages that stay "à vérifier" most often;
- whether every definite verdict cites a dated source (an official list with
  its date, or the page's source of criteria);
- the commune page's latency without the HTTP cache (Django's test client, no
  network), first with the whole cache cleared before every request (fragments,
  content version, everything), then with the fragments of other communes warm
  but this commune's cold (the usual miss): p50, p95, and SQL queries.
"""

import argparse
import gc
import os
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from finder.eligibility import find_programmes  # noqa: E402
from finder.verdicts import Verdict  # noqa: E402
from territories.models import Commune  # noqa: E402


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(share * len(ordered)) - 1)]


def is_cited(evaluation) -> bool:
    """A definite verdict names a dated source: an official list, or the page's
    source of criteria (a public document with its date or an official list)."""
    if evaluation.datasets:
        return all(d.date_label for d in evaluation.datasets)
    source = evaluation.source
    return source is not None and bool(source.published_on or "(" in source.title or source.note)


def definite_shares(communes) -> None:
    shares, undecided, uncited, pages = [], Counter(), 0, 0
    for commune in communes:
        result = find_programmes(commune)
        evaluations = result.evaluations
        pages = len(evaluations)
        definite = [e for e in evaluations if e.verdict != Verdict.TO_CHECK]
        uncited += sum(not is_cited(e) for e in definite)
        undecided.update(e.page.title for e in evaluations if e.verdict == Verdict.TO_CHECK)
        shares.append(len(definite) / len(evaluations) if evaluations else 0)
    print(f"Communes : {len(shares)}, pages évaluées par commune : {pages}")
    print(
        f"Verdicts définitifs : ensemble {100 * statistics.mean(shares):.1f} %, "
        f"médiane {100 * statistics.median(shares):.1f} %, minimum {100 * min(shares):.1f} %"
    )
    print(f"Verdicts définitifs sans source datée : {uncited}")
    print("Pages le plus souvent « à vérifier » :")
    for title, count in undecided.most_common(10):
        print(f"  {count:4d} × {title}")


def latency(client: Client, codes: list[str], clear_all: bool) -> None:
    times, queries = [], []
    for code in codes:
        if clear_all:
            cache.clear()
        connection.queries_log.clear()  # a full log (9,000 queries) would count 0 for every page
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(f"/communes/{code}/", HTTP_HOST="localhost")
            times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"/communes/{code}/ : HTTP {response.status_code}")
        queries.append(len(captured))
    label = "cache entièrement vidé avant chaque page" if clear_all else "fragments de cette commune froids"
    print(
        f"Page commune, {label} : n={len(times)} p50={statistics.median(times):.1f} ms "
        f"p95={percentile(times, 0.95):.1f} ms, requêtes SQL ≤ {max(queries)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communes", type=int, default=400)
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args()
    codes = list(Commune.objects.order_by("code").values_list("code", flat=True))
    if not codes:
        raise SystemExit("Aucune commune : lancez d'abord make run (ou manage.py import_territories).")
    sample = random.Random(args.seed).sample(codes, min(args.communes, len(codes)))
    communes = Commune.objects.select_related("departement", "region", "epci", "arrondissement").filter(
        pk__in=sample
    )
    definite_shares(sorted(communes, key=lambda c: c.pk))
    client = Client()
    client.get("/", HTTP_HOST="localhost")  # per-process caches (site root, settings)
    gc.freeze()  # as config/wsgi.py does once the application is loaded
    latency(client, sample, clear_all=True)
    cache.clear()
    latency(
        client, random.Random(args.seed + 1).sample(codes, min(args.communes, len(codes))), clear_all=False
    )


if __name__ == "__main__":
    main()
