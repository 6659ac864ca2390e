"""``manage.py import_official_lists``: load the official commune lists shipped in
``finder/data/`` (Action cœur de ville). Idempotent; run by ``make run``."""

from pathlib import Path

from django.core.management.base import BaseCommand

from finder.official_lists import import_acv_communes


class Command(BaseCommand):
    help = "Importe la liste des communes Action cœur de ville (finder/data/)."

    def add_arguments(self, parser):
        parser.add_argument("--acv", default=None, help="Autre copie du fichier des communes ACV (CSV)")

    def handle(self, *args, **options):
        report = import_acv_communes(Path(options["acv"]) if options["acv"] else None)
        for problem in report.problems:
            self.stderr.write(f"  ligne {problem.line} : {problem.reason}")
        for note in report.notes:
            self.stdout.write(f"  ligne {note.line} : {note.value} — {note.reason}")
        self.stdout.write(self.style.SUCCESS(f"Action cœur de ville : {report.summary()}"))
