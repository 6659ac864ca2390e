"""Search latency on both backends: the demo catalogue, then a catalogue of 5,000 pages.

    .venv/bin/python bench/search_latency.py [--pages 5000] [--repeat 3]
        [--opensearch-url http://127.0.0.1:9202] [--database-url sqlite:////tmp/x.sqlite3]

Works in a throwaway database (a temporary SQLite file unless ``--database-url`` is
given) and, unless ``--opensearch-url`` is given, on its own OpenSearch node
(``tools/opensearch``, port 9202) stopped at the end. Measures the whole service
the search page calls (``search.catalogue.search_catalogue``: the engine request
or the database search, facets, loading the page objects, snippets), for the
relevance suite's queries, and prints the median and 95th percentile per backend
and catalogue size. Generated pages are programme pages whose words are drawn
from the demo summaries (fixed seed), created with signals off and indexed in bulk
by ``update_index``. Each line also prints the machine's load average: on a
shared machine, latencies grow with it. "CPU du processus" is the time this
process spent computing (with SQLite, the database's work included; with
PostgreSQL or OpenSearch, their servers' work excluded): the part that waiting for
a busy CPU does not inflate.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = [
    "coeur de ville",
    "PVD",
    "petites villes",
    "fibre",
    "très haut débit",
    "tiers lieux",
    "formation des élus",
    "Creuse",
    "Ardennes",
    "ingenierie",
    "industriel",
    "France services",
    "cités éducatives",
    "quartiers",
    "montagne",
    "commerces",
    "tourisme",
    "numérique",
    "inclusion numérique",
    "bassin minier",
    "Nièvre",
    "Sambre",
    "santé",
    "vie associative",
    "culture",
    "revitalisation",
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=5000, help="catalogue size of the second round")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each query")
    parser.add_argument("--opensearch-url", default="", help="an already running node (else one is started)")
    parser.add_argument("--opensearch-port", type=int, default=9202)
    parser.add_argument("--database-url", default="", help="throwaway database (default: temporary SQLite)")
    return parser.parse_args()


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def measure(label, repeat):
    from search.catalogue import search_catalogue

    for query in QUERIES[:3]:  # warm caches and connections
        search_catalogue(query)
    timings, cpu = [], []
    for _ in range(repeat):
        for query in QUERIES:
            start, start_cpu = time.perf_counter(), time.process_time()
            outcome = search_catalogue(query)
            timings.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
            assert outcome.backend, outcome
    load = os.getloadavg()[0]
    print(
        f"{label:<42} médiane {statistics.median(timings):7.1f} ms   "
        f"p95 {percentile(timings, 0.95):7.1f} ms   CPU du processus p95 {percentile(cpu, 0.95):6.1f} ms   "
        f"({len(timings)} requêtes, charge machine {load:.1f} pour {os.cpu_count()} cœurs)",
        flush=True,
    )


def grow_catalogue(target):
    """Add programme pages until the catalogue holds ``target`` live pages."""
    from django.db import transaction
    from wagtail.models import Page

    from catalogue.models import PublicPolicy
    from programmes.models import ProgrammeIndexPage, ProgrammePage

    rng = random.Random(2020)
    demo = list(ProgrammePage.objects.live())
    words = " ".join(p.summary for p in demo).split()
    policies = list(PublicPolicy.objects.select_related("theme"))
    parent = ProgrammeIndexPage.objects.first()
    missing = target - Page.objects.live().count()
    started = time.perf_counter()
    with transaction.atomic():
        for n in range(missing):
            model = rng.choice(demo)
            policy = rng.choice(policies)
            page = ProgrammePage(
                title=f"{model.title} — fiche {n + 1}",
                slug=f"fiche-{n + 1}",
                summary=" ".join(rng.choice(words) for _ in range(40))[:590],
                theme=policy.theme,
                public_policy=policy,
                status=rng.choice(["actif", "incubation", "termine"]),
                live=True,
            )
            parent.add_child(instance=page)
            if (n + 1) % 1000 == 0:
                print(f"  … {n + 1}/{missing} pages ({time.perf_counter() - started:.0f} s)", flush=True)
    return missing


def main():
    args = parse_args()
    tmpdir = tempfile.mkdtemp(prefix="anct-bench-")
    database_url = args.database_url or f"sqlite:///{tmpdir}/bench.sqlite3"
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    os.environ["SEARCH_URL"] = ""

    started_node = False
    opensearch_url = args.opensearch_url
    if not opensearch_url:
        from tests.opensearch_node import start

        opensearch_url = start(args.opensearch_port)
        started_node = True
    try:
        run(args, database_url, opensearch_url)
    finally:
        if started_node:
            from tests.opensearch_node import stop

            stop(args.opensearch_port)


def run(args, database_url, opensearch_url):
    import django

    django.setup()
    import logging

    logging.getLogger("opensearch").setLevel(logging.ERROR)
    logging.getLogger("search").setLevel(logging.ERROR)
    from urllib.parse import urlsplit

    from django.core.management import call_command
    from django.test.utils import override_settings
    from wagtail.models import Page

    from config.search_backends import search_backends

    parts = urlsplit(opensearch_url)
    engine_conf = search_backends(f"opensearch://{parts.hostname}:{parts.port}", "bench")
    database_conf = search_backends("")
    quiet = {"stdout": StringIO(), "stderr": StringIO()}

    print(f"Base : {database_url} — moteur : {opensearch_url}", flush=True)
    call_command("migrate", verbosity=0, interactive=False)
    with override_settings(WAGTAILSEARCH_BACKENDS=database_conf):
        call_command("load_demo_content", **quiet)
    total = Page.objects.live().count()

    def both(label):
        with override_settings(WAGTAILSEARCH_BACKENDS=engine_conf):
            started = time.perf_counter()
            call_command("update_index", backend_name="default", **quiet)
            print(f"  index OpenSearch reconstruit en {time.perf_counter() - started:.1f} s", flush=True)
            measure(f"OpenSearch, {label}", args.repeat)
        with override_settings(WAGTAILSEARCH_BACKENDS=database_conf):
            measure(f"base de données ({database_url.split(':')[0]}), {label}", args.repeat)

    both(f"démo ({total} pages)")

    with override_settings(
        WAGTAILSEARCH_BACKENDS={name: {**conf, "AUTO_UPDATE": False} for name, conf in database_conf.items()}
    ):
        started = time.perf_counter()
        added = grow_catalogue(args.pages)
        print(f"  {added} pages ajoutées en {time.perf_counter() - started:.0f} s", flush=True)
    with override_settings(WAGTAILSEARCH_BACKENDS=database_conf):
        started = time.perf_counter()
        call_command("update_index", **quiet)
        print(f"  index base de données reconstruit en {time.perf_counter() - started:.1f} s", flush=True)
    both(f"{Page.objects.live().count()} pages")


if __name__ == "__main__":
    main()
