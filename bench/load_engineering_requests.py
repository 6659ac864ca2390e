"""Load test of the public engineering-request form, on loopback only.

Starts nothing: point it at a server you started yourself. Through the production stack
(`make serve`: Varnish, gunicorn, Redis), with the site's own limits, each submission from
its own loopback address (127.0.1.1, 127.0.1.2…: a real other client for Varnish and the
site, as behind a real proxy), e.g.::

    make serve PORT=8111        # in another shell, in the same working tree (same database)
    .venv/bin/python bench/load_engineering_requests.py --base-url http://127.0.0.1:8111 \
        --count 400 --threads 16

``--addresses 1`` sends everything from 127.0.0.1 (then raise the limits of the server,
``ENGINEERING_RATE_LIMIT_PER_IP``…, through its environment).

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
from requests.adapters import HTTPAdapter

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
REFERENCE = re.compile(r'id="tracking-reference">([^<]+)<')


class FromAddress(HTTPAdapter):
    """Connections from one loopback source address (127.0.0.0/8 is all local)."""

    def __init__(self, address):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


def loopback_address(n: int, addresses: int) -> str:
    """The n-th client's address: 127.0.0.1 for one, else 127.0.1.1, 127.0.1.2…"""
    if addresses <= 1:
        return "127.0.0.1"
    index = n % addresses
    return f"127.0.{1 + index // 250}.{1 + index % 250}"


def submit(base_url, run_id, n, collectivite, timeout, address="127.0.0.1"):
    session = requests.Session()
    session.mount("http://", FromAddress(address))
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


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8106")
    parser.add_argument("--count", type=int, default=300, help="submissions (max 2000)")
    parser.add_argument("--threads", type=int, default=16, help="concurrent clients (max 64)")
    parser.add_argument(
        "--addresses", type=int, default=0, help="distinct loopback client addresses (default: one each)"
    )
    parser.add_argument("--max-seconds", type=float, default=300, help="stop submitting after this time")
    parser.add_argument("--timeout", type=float, default=30, help="per HTTP request")
    parser.add_argument("--collectivite", default="08105", help="INSEE code used in every submission")
    parser.add_argument("--no-db-check", action="store_true")
    args = parser.parse_args()
    host = urlparse(args.base_url).hostname
    if host not in LOOPBACK:
        parser.error(f"loopback only (127.0.0.1, localhost, ::1), not {host}")
    args.count, args.threads = min(args.count, 2000), min(args.threads, 64)
    args.addresses = min(args.addresses or args.count, 2000)
    return args


def run_submissions(args, run_id):
    """Send the submissions; (sent, accepted {n: reference}, errors, latencies, duration)."""
    stop_at = time.monotonic() + args.max_seconds
    lock = threading.Lock()
    accepted, errors, latencies = {}, Counter(), []
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.threads) as pool:
        futures = []
        for n in range(args.count):
            if time.monotonic() > stop_at:
                break
            address = loopback_address(n, args.addresses)
            base_url = args.base_url.rstrip("/")
            futures.append(pool.submit(submit, base_url, run_id, n, args.collectivite, args.timeout, address))
        for future in as_completed(futures):
            n, error, reference, elapsed = future.result()
            with lock:
                latencies.append(elapsed)
                if error:
                    errors[error] += 1
                else:
                    accepted[n] = reference
    return len(futures), accepted, errors, latencies, time.perf_counter() - started


def report_run(sent, accepted, errors, latencies, duration):
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


def report_database(run_id, accepted) -> bool:
    """Print the database check; True when something was lost or duplicated."""
    report = check_database(run_id, accepted)
    print(
        f"Database: {report['saved']} saved; lost {len(report['lost'])}; duplicated titles "
        f"{len(report['duplicates'])}; duplicated references {len(report['duplicate_references'])}; "
        f"reference mismatches {len(report['mismatched'])}; saved although reported failed "
        f"{len(report['saved_but_reported_failed'])}"
    )
    return any(report[k] for k in ("lost", "duplicates", "mismatched", "duplicate_references"))


def main():
    args = parse_args()
    run_id = uuid.uuid4().hex[:8]
    print(
        f"Run {run_id}: {args.count} submissions from {args.addresses} loopback address(es), "
        f"{args.threads} threads → {args.base_url}"
    )
    sent, accepted, errors, latencies, duration = run_submissions(args, run_id)
    report_run(sent, accepted, errors, latencies, duration)
    failed = bool(errors)
    if not args.no_db_check:
        failed |= report_database(run_id, accepted)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
