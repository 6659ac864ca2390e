"""The engineering offer's setup: kinds of engineering, personal-data page, and
the groups of the protocol's roles (national support, committee, each
département's team) with their permissions. Idempotent."""

from django.core.management.base import BaseCommand
from django.db import transaction

from engineering.protocol.groups import ensure_groups
from engineering.setup import setup
from home.upsert import LoadReport


class Command(BaseCommand):
    help = (
        "Charge les types d'ingénierie de la feuille de route et le texte de la page « Données "
        "personnelles », crée les groupes du protocole (appui national de l'agence, comité de suivi "
        "des projets, équipe de chaque département) avec l'accès à l'administration (idempotent : "
        "ce qu'un éditeur a modifié est conservé)."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        report = setup(LoadReport())
        self.stdout.write(self.style.SUCCESS(f"Appui en ingénierie : {report}"))
        groups = ensure_groups(LoadReport())
        self.stdout.write(self.style.SUCCESS(f"Groupes du protocole : {groups}"))
