"""The production stack under load: pages uncached and cached beside a static file.

    .venv/bin/python bench/serve.py [--port 8000] [--duration 5] [--connections 32] [--no-start]

Starts ``tools/serve/run.sh`` (Varnish on PORT, gunicorn on PORT+100, Redis, the task
worker; ``make setup`` must have run) unless ``--no-start`` uses one already running,
then measures with wrk (Debian package) on loopback:

- uncached: the app server directly (no HTTP cache; fragment caches warm), one client,
  for home, ``/programmes/``, a programme, a pacte, ``/communes/08105/`` and
  ``/recherche/?q=ville``: req/s, p50, p99;
- cached: the same addresses through Varnish with ``--connections`` clients (search is
  never cached: it goes through to the app), beside a hashed static file through the
  same front, the ceiling: req/s, p50, p99 and the ratio to that ceiling;
- the home page's bytes transferred on a first visit in Chromium (HTML, CSS, JS, fonts,
  images, compressed as sent), or without Chromium the HTML and the CSS/JS it links.
"""

import argparse
import os
import re
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fetch(url: str, encoding: str = "identity") -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
        return response.status, dict(response.headers), response.read()


def wait_for(url: str, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            fetch(url)
            return
        except OSError:
            time.sleep(1)
    raise SystemExit(f"{url} ne répond pas")


def wrk(url: str, connections: int, duration: int) -> dict:
    """req/s and latency percentiles (ms) from ``wrk --latency``."""
    out = subprocess.run(
        [
            "wrk",
            "-t",
            "1" if connections == 1 else "2",
            "-c",
            str(connections),
            "-d",
            f"{duration}s",
            "--latency",
            "-H",
            "Accept-Encoding: gzip",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def latency(label):
        value, unit = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency("50%"),
        "p99": latency("99%"),
        "errors": int(non2xx.group(1)) if non2xx else 0,
    }


def first_link(base: str, index: str) -> str:
    html = fetch(base + index)[2].decode()
    return re.search(rf'href="({re.escape(index)}[a-z0-9-]+/)"', html).group(1)


def home_bytes_in_chromium(url: str) -> int | None:
    """Encoded bytes of every response of a first visit, as Chromium's network sees them."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    total = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page()
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})

        def finished(event):
            nonlocal total
            total += event["encodedDataLength"]

        cdp.on("Network.loadingFinished", finished)
        page.goto(url, wait_until="networkidle")
        browser.close()
    return total


def home_bytes_without_browser(base: str) -> int:
    html = fetch(base + "/")[2].decode()
    total = len(fetch(base + "/", "gzip")[2])
    for asset in set(re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html)):
        total += len(fetch(base + asset, "gzip")[2])
    return total


def row(label, result, ceiling=None):
    ratio = f"{100 * result['rps'] / ceiling:6.1f} %" if ceiling else "        "
    errors = f"  ({result['errors']} non-2xx)" if result["errors"] else ""
    print(
        f"  {label:<34} {result['rps']:9.0f} req/s  p50 {result['p50']:7.2f} ms  p99 {result['p99']:7.2f} ms  {ratio}{errors}"
    )


def start_stack(port: int) -> subprocess.Popen:
    env = {**os.environ, "PORT": str(port)}
    return subprocess.Popen(
        ["bash", str(ROOT / "tools/serve/run.sh")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--app-port", type=int, help="default: PORT+100")
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--no-start", action="store_true", help="use a stack already running")
    args = parser.parse_args()
    front = f"http://127.0.0.1:{args.port}"
    app = f"http://127.0.0.1:{args.app_port or args.port + 100}"
    stack = None if args.no_start else start_stack(args.port)
    try:
        wait_for(front + "/")
        pages = {
            "accueil /": "/",
            "/programmes/": "/programmes/",
            "programme": first_link(front, "/programmes/"),
            "pacte": first_link(front, "/pactes/"),
            "/communes/08105/": "/communes/08105/",
            "/recherche/?q=ville": "/recherche/?q=ville",
        }
        static = re.search(
            r'href="(/static/css/site\.[0-9a-f]+\.css)"', fetch(front + "/")[2].decode()
        ).group(1)
        for path in pages.values():  # warm the fragment caches and the HTTP cache
            fetch(app + path), fetch(front + path)
        print(
            f"wrk sur la boucle locale, {args.duration} s par mesure ; pages : {pages['programme']}, {pages['pacte']}"
        )
        print(f"Non mises en cache (gunicorn {app}, 1 client) :")
        for label, path in pages.items():
            row(label, wrk(app + path, 1, args.duration))
        ceiling = wrk(front + static, args.connections, args.duration)
        print(f"Par le cache HTTP (Varnish {front}, {args.connections} clients) :")
        row(f"fichier statique {static[:24]}…", ceiling, ceiling["rps"])
        for label, path in pages.items():
            row(
                label + (" (jamais en cache)" if "recherche" in path else ""),
                wrk(front + path, args.connections, args.duration),
                ceiling["rps"],
            )
        chromium = home_bytes_in_chromium(front + "/")
        if chromium is not None:
            print(
                f"Page d'accueil, première visite (Chromium, octets transférés) : {chromium / 1024:.0f} kio"
            )
        else:
            print(
                f"Page d'accueil, HTML + CSS + JS compressés (sans Chromium) : {home_bytes_without_browser(front) / 1024:.0f} kio"
            )
    finally:
        if stack is not None:
            os.killpg(stack.pid, signal.SIGINT)
            stack.wait(timeout=60)


if __name__ == "__main__":
    main()
