"""Loads the demo content taken from the agency's 2020 roadmap. Idempotent."""

from django.core.management.base import BaseCommand

from core.upsert import LoadReport
from demo.loader import load_demo_content


class Command(BaseCommand):
    help = "Charge le contenu de démonstration issu de la feuille de route 2020 (idempotent)."

    def handle(self, *args, **options):
        report = LoadReport()
        load_demo_content(report, progress=lambda name: self.stdout.write(f"… {name}"))
        self.stdout.write(self.style.SUCCESS(f"Contenu de démonstration : {report}"))
