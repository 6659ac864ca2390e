"""The engineering offer's setup (kinds of engineering, personal-data page). Idempotent."""

from django.core.management.base import BaseCommand
from django.db import transaction

from engineering.setup import setup
from home.upsert import LoadReport


class Command(BaseCommand):
    help = (
        "Charge les types d'ingénierie de la feuille de route et le texte de la page « Données "
        "personnelles » (idempotent : ce qu'un éditeur a modifié est conservé)."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        report = setup(LoadReport())
        self.stdout.write(self.style.SUCCESS(f"Appui en ingénierie : {report}"))
