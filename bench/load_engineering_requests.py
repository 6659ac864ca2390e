"""Load test of the public engineering-request form, on loopback only.

Starts nothing: point it at a server you started yourself, with the form's rate
limits raised for the run, e.g.::

    export DATABASE_URL=sqlite:////tmp/anct-bench.sqlite3 DJANGO_SETTINGS_MODULE=config.settings.dev
    export ENGINEERING_RATE_LIMIT_PER_IP=100000 ENGINEERING_RATE_LIMIT_PER_EMAIL=100000
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py import_territories
    .venv/bin/python manage.py runserver 127.0.0.1:8106 --noreload   # threaded
    # in another shell, with the same DATABASE_URL:
    .venv/bin/python bench/load_engineering_requests.py --count 300 --threads 16

Each submission fetches the form (CSRF cookie and token), posts a request with
a unique title and email, follows the redirect and reads the tracking reference.
Then the script checks in the database (same DATABASE_URL) that every accepted
submission is saved exactly once, with its reference, and none is lost or
duplicated; it prints throughput, latency and errors. Exit status 1 on any loss,
duplicate or error.
"""

import argparse
import os
import re
import statistics
import sys
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from urllib.parse import urlparse

import requests

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
REFERENCE = re.compile(r'id="tracking-reference">([^<]+)<')


def submit(base_url, run_id, n, collectivite, timeout):
    session = requests.Session()
    url = f"{base_url}/ingenierie/demande/"
    started = time.perf_counter()
    try:
        page = session.get(url, timeout=timeout)
        token = TOKEN.search(page.text)
        if page.status_code != 200 or not token:
            return n, f"GET {page.status_code}", None, time.perf_counter() - started
        data = {
            "csrfmiddlewaretoken": token.group(1),
            "collectivite": collectivite,
            "requester_name": f"Banc d'essai {n}",
            "requester_role": "agent",
            "requester_email": f"bench-{run_id}-{n}@example.invalid",
            "title": f"Bench {run_id} n°{n}",
            "stage": "idee",
            "description": "Demande créée par le banc de charge : aucune demande ne doit être perdue.",
            "consent": "on",
            "website": "",
        }
        response = session.post(url, data=data, headers={"Referer": url}, timeout=timeout)
        elapsed = time.perf_counter() - started
        reference = REFERENCE.search(response.text)
        if response.status_code != 200 or not response.history or not reference:
            return n, f"POST {response.status_code}", None, elapsed
        return n, None, reference.group(1), elapsed
    except requests.RequestException as error:
        return n, type(error).__name__, None, time.perf_counter() - started


def check_database(run_id, accepted):
    """Every accepted submission saved once, with the reference the page showed."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from engineering.models import EngineeringRequest

    rows = list(
        EngineeringRequest.objects.filter(title__startswith=f"Bench {run_id} n°").values_list(
            "title", "reference"
        )
    )
    titles = Counter(title for title, _ref in rows)
    duplicates = [t for t, c in titles.items() if c > 1]
    saved = {int(title.rsplit("°", 1)[1]): reference for title, reference in rows}
    lost = [n for n in accepted if n not in saved]
    mismatched = [n for n, ref in accepted.items() if n in saved and saved[n] != ref]
    unexpected = [n for n in saved if n not in accepted]  # saved although the client saw an error
    references = Counter(ref for _t, ref in rows)
    return {
        "saved": len(rows),
        "lost": lost,
        "duplicates": duplicates,
        "mismatched": mismatched,
        "saved_but_reported_failed": unexpected,
        "duplicate_references": [r for r, c in references.items() if c > 1],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8106")
    parser.add_argument("--count", type=int, default=300, help="submissions (max 2000)")
    parser.add_argument("--threads", type=int, default=16, help="concurrent clients (max 64)")
    parser.add_argument("--max-seconds", type=float, default=300, help="stop submitting after this time")
    parser.add_argument("--timeout", type=float, default=30, help="per HTTP request")
    parser.add_argument("--collectivite", default="08105", help="INSEE code used in every submission")
    parser.add_argument("--no-db-check", action="store_true")
    args = parser.parse_args()

    host = urlparse(args.base_url).hostname
    if host not in LOOPBACK:
        parser.error(f"loopback only (127.0.0.1, localhost, ::1), not {host}")
    count, threads = min(args.count, 2000), min(args.threads, 64)
    run_id = uuid.uuid4().hex[:8]
    stop_at = time.monotonic() + args.max_seconds
    lock = threading.Lock()
    accepted, errors, latencies = {}, Counter(), []

    print(f"Run {run_id}: {count} submissions, {threads} threads → {args.base_url}")
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        futures = []
        for n in range(count):
            if time.monotonic() > stop_at:
                break
            futures.append(
                pool.submit(submit, args.base_url.rstrip("/"), run_id, n, args.collectivite, args.timeout)
            )
        for future in as_completed(futures):
            n, error, reference, elapsed = future.result()
            with lock:
                latencies.append(elapsed)
                if error:
                    errors[error] += 1
                else:
                    accepted[n] = reference
    duration = time.perf_counter() - started
    sent = len(futures)
    print(
        f"Sent {sent} in {duration:.1f} s: {sent / duration:.1f} submissions/s "
        f"(each = GET form + POST + GET confirmation page)"
    )
    if latencies:
        ordered = sorted(latencies)
        print(
            f"Latency per submission: median {statistics.median(ordered) * 1000:.0f} ms, "
            f"p95 {ordered[int(0.95 * (len(ordered) - 1))] * 1000:.0f} ms, max {ordered[-1] * 1000:.0f} ms"
        )
    print(f"Accepted: {len(accepted)}; errors: {sum(errors.values())} {dict(errors) if errors else ''}")
    failed = bool(errors)
    if not args.no_db_check:
        report = check_database(run_id, accepted)
        print(
            f"Database: {report['saved']} saved; lost {len(report['lost'])}; duplicated titles "
            f"{len(report['duplicates'])}; duplicated references {len(report['duplicate_references'])}; "
            f"reference mismatches {len(report['mismatched'])}; saved although reported failed "
            f"{len(report['saved_but_reported_failed'])}"
        )
        failed |= any(report[k] for k in ("lost", "duplicates", "mismatched", "duplicate_references"))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
