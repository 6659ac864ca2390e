"""Sets up what production needs: every app's ``setup`` step (``home.setup``):
the site shell (home page, legal pages, footer settings), the "Relecture
éditoriale" workflow, the reference taxonomies, the kinds of engineering.
Idempotent; no demo content (that is ``load_demo_content``)."""

from django.core.management.base import BaseCommand

from core.upsert import LoadReport
from home.setup import setup_site


class Command(BaseCommand):
    help = "Met en place le site (accueil, pages légales, relecture, taxonomies, ingénierie) ; idempotent."

    def handle(self, *args, **options):
        report = LoadReport()
        setup_site(report, each=lambda label, step: self.stdout.write(f"… {label} : {step}"))
        self.stdout.write(self.style.SUCCESS(f"Mise en place du site : {report}"))
