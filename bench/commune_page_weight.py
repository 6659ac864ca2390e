"""How heavy a commune page's HTML is, section by section (issue 22: under 60 kB).

    .venv/bin/python bench/commune_page_weight.py                 # the communes below
    .venv/bin/python bench/commune_page_weight.py 13055 23001     # these ones
    .venv/bin/python bench/commune_page_weight.py --largest 300 --sample 300

Needs what ``make run`` loads (reference data, official lists, demo content).
Django's test client, through the site's middleware (the indentation is stripped
there, as for a visitor). Prints the bytes of HTML and of its gzip, then the
weight of each section of the page; with ``--largest``/``--sample``, the heaviest
pages among the most populated communes and a random sample.
"""

import argparse
import gzip
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from bs4 import BeautifulSoup  # noqa: E402
from django.test import Client  # noqa: E402

from territories.models import Commune  # noqa: E402

#: Paris and Marseille (a dozen France services, 20 to 40 quartiers prioritaires),
#: Montreuil (80 France services in its EPCI), Guéret, Valenciennes, Vallauris,
#: Charleville-Mézières and Ahun (la Creuse).
COMMUNES = ["75056", "13055", "93048", "23096", "59606", "06155", "08105", "23001"]


def weigh(client: Client, code: str) -> bytes:
    response = client.get(f"/communes/{code}/", HTTP_HOST="localhost")
    if response.status_code != 200:
        raise SystemExit(f"/communes/{code}/ : HTTP {response.status_code}")
    return response.content


def sections(html: bytes) -> list[tuple[str, int]]:
    """(label, bytes) of the page chrome and of each section of the main content."""
    page = BeautifulSoup(html, "html.parser")
    main = page.find("main")
    parts = [("hors du contenu (en-tête, pied de page, réglages)", len(html) - len(str(main).encode()))]
    for child in main.find_all(["section", "nav", "form", "figure", "h1", "p"], recursive=True):
        if child.find_parent(["section", "nav", "form", "figure"]) is not None:
            continue
        label = child.get("id") or child.get("aria-labelledby") or child.name
        parts.append((label, len(str(child).encode())))
    return parts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("codes", nargs="*", default=COMMUNES)
    parser.add_argument("--largest", type=int, default=0, help="the N most populated communes")
    parser.add_argument("--sample", type=int, default=0, help="N communes drawn at random (seed 1)")
    args = parser.parse_args()
    client = Client()
    if args.largest or args.sample:
        codes = list(
            Commune.objects.filter(population__isnull=False)
            .order_by("-population")
            .values_list("code", flat=True)[: args.largest]
        )
        codes += random.Random(1).sample(list(Commune.objects.values_list("code", flat=True)), args.sample)
        sizes = sorted(((len(weigh(client, code)), code) for code in codes), reverse=True)
        print(
            f"{len(sizes)} pages : la plus lourde {sizes[0][0]} o ({sizes[0][1]}), la plus légère {sizes[-1][0]} o"
        )
        print("les plus lourdes :", ", ".join(f"{code} {size} o" for size, code in sizes[:8]))
        return
    for code in args.codes:
        html = weigh(client, code)
        print(f"{code} : {len(html)} o de HTML, {len(gzip.compress(html))} o en gzip")
        for label, size in sections(html):
            if size >= 500:
                print(f"    {size:6d}  {label}")


if __name__ == "__main__":
    main()
