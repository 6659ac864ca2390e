"""``manage.py import_territories [--path DIR]``: load or refresh the territorial
reference data (idempotent; see ``territories.importer``)."""

import time

from django.core.management.base import BaseCommand, CommandError

from territories.importer import TerritorialDataError, import_territories


class Command(BaseCommand):
    help = (
        "Importe régions, départements, arrondissements, EPCI et communes (@etalab/decoupage-administratif)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--path",
            default=None,
            help="Dossier du paquet (avec package.json et data/) ou dossier data/ seul. "
            "Par défaut : node_modules/@etalab/decoupage-administratif.",
        )
        parser.add_argument(
            "--show-rejected",
            type=int,
            default=20,
            help="Nombre d'enregistrements rejetés à afficher (défaut : 20).",
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        try:
            report = import_territories(
                options["path"], progress=lambda message: self.stdout.write(f"  {message}")
            )
        except TerritorialDataError as exc:
            raise CommandError(str(exc)) from exc
        shown = options["show_rejected"]
        for item in report.rejected[:shown]:
            self.stderr.write(f"  rejeté ({item['file']}) {item['code']} {item['name']} : {item['reason']}")
        if len(report.rejected) > shown:
            self.stderr.write(f"  … et {len(report.rejected) - shown} autres rejets.")
        self.stdout.write(self.style.SUCCESS(f"{report.summary()} En {time.monotonic() - started:.1f} s."))
