"""Sets up what production needs: the site shell (home page, legal pages, footer
settings), the "Relecture éditoriale" workflow and the reference taxonomies.
Idempotent; no demo content (that is ``load_demo_content``)."""

from django.core.management.base import BaseCommand

from home.setup import setup_site
from home.upsert import LoadReport


class Command(BaseCommand):
    help = "Met en place le site (accueil, pages légales, relecture, taxonomies) ; idempotent."

    def handle(self, *args, **options):
        report = LoadReport()
        setup_site(report)
        self.stdout.write(self.style.SUCCESS(f"Mise en place du site : {report}"))
