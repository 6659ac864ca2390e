"""``manage.py import_public_services``: load the France services structures and
the agency's single desks shipped in ``territories/data/`` (idempotent; see
``territories.official_lists``). Run by ``make run`` after ``import_territories``."""

from pathlib import Path

from django.core.management.base import BaseCommand

from territories.official_lists import import_france_services, import_single_desks


class Command(BaseCommand):
    help = "Importe les structures France services et les guichets uniques de l'agence (territories/data/)."

    def add_arguments(self, parser):
        parser.add_argument("--france-services", default=None, help="Autre copie du fichier France services")
        parser.add_argument("--desks", default=None, help="Autre copie du fichier des guichets uniques")
        parser.add_argument("--show-rejected", type=int, default=20)

    def handle(self, *args, **options):
        for label, importer, path in (
            ("France services", import_france_services, options["france_services"]),
            ("Guichets uniques", import_single_desks, options["desks"]),
        ):
            report = importer(Path(path) if path else None)
            for item in report.rejected[: options["show_rejected"]]:
                self.stderr.write(f"  ligne {item['line']} : {item['value']} — {item['reason']}")
            if len(report.rejected) > options["show_rejected"]:
                self.stderr.write(f"  … et {len(report.rejected) - options['show_rejected']} autres rejets.")
            self.stdout.write(self.style.SUCCESS(f"{label} : {report.summary()}"))
