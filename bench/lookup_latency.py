"""Commune lookup latency on the configured database (median and 95th percentile).

    DATABASE_URL=... .venv/bin/python bench/lookup_latency.py [--rounds 3]

Needs the reference data (``manage.py import_territories``). The queries are a
few hundred realistic inputs built from the data itself: names with and without
accents, "St" abbreviations, prefixes, postal codes, INSEE codes (Corsica and
overseas included), former names, and a share of typos that go through the
suggestion path.
"""

import argparse
import os
import random
import statistics
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from territories.lookup import lookup  # noqa: E402
from territories.models import Commune, FormerCommuneName  # noqa: E402


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def build_queries(rng: random.Random, size: int) -> list[str]:
    communes = list(
        Commune.objects.order_by("-population", "code").values_list("code", "name", "postal_codes")
    )
    former = sorted(FormerCommuneName.objects.values_list("name", flat=True))
    # Most people look for a sizeable town; some for any of the 35,000 communes.
    pool = communes[:1000] + rng.sample(communes, 300)
    former = rng.sample(former, 100)
    queries = [
        "st etienne",
        "charleville",
        "08000",
        "2A004",
        "2B033",
        "97411",
        "Saint-Denis",
        "paris",
        "marseille",
        "lyon",
        "ste maxime",
    ]
    makers = [
        lambda: rng.choice(pool)[1],  # exact name
        lambda: strip_accents(rng.choice(pool)[1]).lower(),  # no accents, lowercase
        lambda: rng.choice(pool)[1].replace("Saint-", "St ").replace("-", " "),  # abbreviations
        lambda: rng.choice(pool)[1][: rng.randint(3, 8)],  # prefix while typing
        lambda: rng.choice([c for c in pool if c[2]])[2][0],  # postal code
        lambda: rng.choice(pool)[0],  # INSEE code
        lambda: rng.choice(former),  # former name
        lambda: typo(rng, rng.choice(pool)[1]),  # typo: suggestion path
    ]
    while len(queries) < size:
        queries.append(rng.choice(makers)())
    return queries


def typo(rng: random.Random, name: str) -> str:
    if len(name) < 5:
        return name + "x"
    i = rng.randint(1, len(name) - 2)
    return name[:i] + name[i + 1 :]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2020)
    args = parser.parse_args()

    if not Commune.objects.exists():
        sys.exit("Aucune commune : lancez d'abord manage.py import_territories.")
    queries = build_queries(random.Random(args.seed), args.queries)
    lookup("warm up the connection and the suggestion cache: charlevile")
    timings, suggestions = [], 0
    for _ in range(args.rounds):
        for query in queries:
            start = time.perf_counter()
            result = lookup(query)
            timings.append((time.perf_counter() - start) * 1000)
            suggestions += bool(result.suggestions)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"base : {connection.vendor} ({connection.settings_dict['NAME']}), CPU : {os.cpu_count()}")
    print(
        f"{len(queries)} requêtes × {args.rounds} tours = {len(timings)} recherches "
        f"({suggestions} passées par les suggestions)"
    )
    print(f"médiane : {statistics.median(timings):.1f} ms   p95 : {p95:.1f} ms   max : {timings[-1]:.1f} ms")
    print("objectif p95 < 50 ms : " + ("atteint" if p95 < 50 else "NON atteint"))


if __name__ == "__main__":
    main()
