"""Sample requests for trying the staff screens (``make run SAMPLE_REQUESTS=1``). Idempotent."""

from django.core.management.base import BaseCommand

from engineering.samples import load_samples


class Command(BaseCommand):
    help = (
        "Crée des demandes d'appui en ingénierie fictives, marquées « exemple », pour essayer les "
        "écrans de l'administration. Jamais lancé par défaut."
    )

    def handle(self, *args, **options):
        created, unchanged = load_samples()
        self.stdout.write(
            self.style.SUCCESS(f"Demandes d'exemple : {created} créée(s), {unchanged} inchangée(s).")
        )
