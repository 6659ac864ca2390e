"""``project_checks``: the Django commands of ``tests/checks.sh``, in one process.

Why: each ``manage.py`` spends a second and a half starting Django (Wagtail and
every app) before doing its work, and the checks ran four of them (Django's system
checks, migrations up to date, the French catalogue up to date, then compiled for
the suite): about four seconds of the machine's time before each test run, where
one start is enough. The commands are the same, called with the same options; the
first failure stops the rest, as ``set -e`` did in the script.

Only the test settings install this command (the ``tests`` app).
"""

from io import StringIO

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

MISSING_MIGRATIONS = "Migrations manquantes : lancez manage.py makemigrations"


def _migrations_up_to_date():
    try:
        call_command("makemigrations", check=True, dry_run=True, stdout=StringIO())
    except SystemExit as exit:  # what ``makemigrations --check`` does when one is missing
        if exit.code:
            raise CommandError(MISSING_MIGRATIONS) from None


class Command(BaseCommand):
    help = "Vérifications Django du projet : check, migrations et catalogue de traduction."

    def handle(self, **options):
        steps = [
            ("manage.py check", lambda: call_command("check", stdout=self.stdout)),
            ("makemigrations --check", _migrations_up_to_date),
            (
                "catalogue de traduction (locale/fr)",
                lambda: call_command(
                    "makemessages", locale=["fr"], check=True, verbosity=0, stdout=self.stdout
                ),
            ),
            (
                "catalogue compilé",
                lambda: call_command(
                    "compilemessages", locale=["fr"], ignore_patterns=[".venv", "node_modules"], verbosity=0
                ),
            ),
        ]
        for title, step in steps:
            self.stdout.write(f"== {title}")
            step()
