"""What the alerts need on every site: their section of the "Données
personnelles" page. Idempotent."""

from django.core.management.base import BaseCommand
from django.db import transaction

from alerts.setup import setup
from home.upsert import LoadReport


class Command(BaseCommand):
    help = "Ajoute à la page « Données personnelles » la section des alertes par courriel (une fois)."

    @transaction.atomic
    def handle(self, *args, **options):
        report = setup(LoadReport())
        self.stdout.write(self.style.SUCCESS(f"Alertes par courriel : {report}"))
