"""``build_test_database``: the template every test process copies (the schema and
the reference data, tests/database_template.py), built now unless it exists.

``tests/run.sh`` runs it while OpenSearch starts, so that the workers find it ready;
only the test settings install this command.
"""

from django.core.management.base import BaseCommand

from tests.database_template import ensure_template


class Command(BaseCommand):
    help = "Construit la base de test modèle (schéma et données de référence) si elle manque."

    def handle(self, **options):
        name = ensure_template(progress=self.stdout.write)
        self.stdout.write(f"Base de test modèle prête : {name}")
