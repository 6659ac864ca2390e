"""Loads the demo content taken from the agency's 2020 roadmap. Idempotent."""

from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

from home.demo import LoadReport

# Each content app contributes one ``load(home, report)`` step, run in this order.
DEMO_STEPS = [
    "home.demo.load_shell",
    "programmes.demo.load",
    "pactes.demo.load",
    "training.demo.load",
    "search.synonyms.load_demo_synonyms",
]


class Command(BaseCommand):
    help = "Charge le contenu de démonstration issu de la feuille de route 2020 (idempotent)."

    def handle(self, *args, **options):
        report = LoadReport()
        home = None
        for dotted in DEMO_STEPS:
            step = import_string(dotted)
            self.stdout.write(f"… {dotted}")
            home = step(home, report)
        self.stdout.write(self.style.SUCCESS(f"Contenu de démonstration : {report}"))
