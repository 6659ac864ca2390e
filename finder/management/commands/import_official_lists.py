"""``manage.py import_official_lists``: load the official lists and zonages shipped
in ``territories/data/official/`` (programme lists, groupements expanded to their
communes, QPV, density grid, massifs, FRR…). Idempotent; run by ``make run``."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from territories.datasets import import_dataset, import_datasets, spec_for


class Command(BaseCommand):
    help = "Importe les listes officielles et zonages (territories/data/official/datasets.yaml)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--only", nargs="*", default=None, help="Clés des listes à importer (toutes par défaut)"
        )
        parser.add_argument(
            "--file", default=None, help="Autre copie du fichier d'une liste (avec --only clé)"
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        if options["file"]:
            if not options["only"] or len(options["only"]) != 1:
                raise CommandError("--file demande une seule liste : --only <clé>.")
            spec = spec_for(options["only"][0])
            if spec is None:
                raise CommandError(f"Liste inconnue : {options['only'][0]}")
            reports = [
                import_dataset(spec, Path(options["file"]).read_bytes(), file_name=Path(options["file"]).name)
            ]
        else:
            reports = import_datasets(options["only"])
        for report in reports:
            for problem in report.rejected[:20]:
                self.stderr.write(f"  {report.key} ligne {problem['line']} : {problem['reason']}")
            if len(report.rejected) > 20:
                self.stderr.write(f"  … et {len(report.rejected) - 20} autres lignes rejetées")
            style = self.style.ERROR if report.refused else self.style.SUCCESS
            self.stdout.write(style(report.summary()))
        self.stdout.write(f"{len(reports)} listes en {time.monotonic() - started:.1f} s.")
