"""``manage.py import_commune_list FILE (--territory-type SLUG | --page ID |
--perimeter ID)``: the same import as the admin view, from the command line.
``--perimeter`` loads the communes of a page's partial perimeter (e.g. the
Bassin minier's 250 communes): its criterion then becomes definite."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import ngettext
from wagtail.models import Page

from catalogue.models import TerritoryType
from finder.commune_lists import import_commune_list


class Command(BaseCommand):
    help = "Remplace la liste de communes d'un type de territoire ou les bénéficiaires actuels d'une page."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Fichier CSV de codes INSEE")
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--territory-type", help="Identifiant (slug) du type de territoire")
        target.add_argument("--page", help="Identifiant numérique ou slug de la page du programme")
        target.add_argument(
            "--perimeter",
            help="Identifiant numérique ou slug de la page dont le périmètre partiel est importé",
        )
        parser.add_argument("--dry-run", action="store_true", help="Valider sans rien enregistrer")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Fichier introuvable : {path}")
        if options["territory_type"]:
            target = {"territory_type": TerritoryType.objects.filter(slug=options["territory_type"]).first()}
        else:
            key = "page" if options["page"] else "perimeter_page"
            value = options["page"] or options["perimeter"]
            pages = Page.objects.filter(pk=value) if value.isdigit() else Page.objects.filter(slug=value)
            target = {key: pages.first()}
        if next(iter(target.values())) is None:
            raise CommandError("Type de territoire ou page introuvable.")
        report = import_commune_list(
            path.read_bytes(), source_name=path.name, dry_run=options["dry_run"], **target
        )
        for problem in report.problems:
            self.stderr.write(f"  ligne {problem.line} : {problem.reason}")
        for note in report.notes:
            self.stdout.write(f"  ligne {note.line} : {note.value} — {note.reason}")
        self.stdout.write(report.summary())
        state = "enregistrée" if report.saved else "non modifiée"
        size, rejected = report.size, len(report.problems)
        valid = ngettext("%(count)s commune valide", "%(count)s communes valides", size) % {"count": size}
        errors = ngettext("%(count)s ligne en erreur", "%(count)s lignes en erreur", rejected) % {
            "count": rejected
        }
        self.stdout.write(self.style.SUCCESS(f"{valid}, {errors} ; liste {state}."))
