"""``makemessages`` for a site written in French, with a ``--check`` for CI.

The msgids are the French text itself (the site has one language), so the only
reason for the catalogue is French grammar: without it Django applies the English
plural rule and prints "0 programmes". Every entry therefore gets msgstr = msgid
(``msgen``), so a plural entry has both forms filled and is actually used; a
wording changed by hand in the catalogue is kept (msgen fills only empty entries).

Defaults chosen so that the catalogue changes only when a string does:
no source locations (code moves between apps would rewrite the file), no obsolete
entries, no fuzzy guesses (a guessed translation of a similar string would be
wrong French). ``--check`` regenerates the catalogue, restores it, and fails if
it was not up to date: a new ``{% blocktranslate count %}`` missing from the
catalogue would otherwise fall back to the English plural rule.
"""

import re
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.core.management.commands import makemessages
from django.core.management.utils import popen_wrapper

# Folders that hold no source of the site (dependencies, build output, tests).
IGNORED = ["node_modules", "static", "media", "var", "tests", "bench", "tools"]
CREATION_DATE = re.compile(r'^"POT-Creation-Date: .*\\n"\n', re.MULTILINE)
# The placeholder header xgettext writes in a new catalogue, marked fuzzy: msgfmt
# would drop a fuzzy header, and with it the charset and the French plural rule.
TEMPLATE_HEADER = re.compile(r"\A# SOME DESCRIPTIVE TITLE\.\n(#.*\n)*?#, fuzzy\n")
PROJECT_HEADER = (
    "# French catalogue of the ANCT site. The msgids are French: msgstr = msgid,\n"
    "# the catalogue exists for the French plural rule. Update: manage.py makemessages -l fr\n"
)


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--check",
            action="store_true",
            help="Échoue si le catalogue n'est pas à jour, sans le modifier.",
        )

    def handle(self, *args, **options):
        options["ignore_patterns"] = [*options["ignore_patterns"], *IGNORED]
        options["no_location"] = True
        options["no_obsolete"] = True
        if not options["check"]:
            return super().handle(*args, **options)
        catalogues = {
            path: path.read_text(encoding="utf-8")
            for folder in settings.LOCALE_PATHS
            for path in Path(folder).glob("*/LC_MESSAGES/*.po")
        }
        if not catalogues:
            raise CommandError("Aucun catalogue dans locale/ : lancez manage.py makemessages -l fr.")
        try:
            super().handle(*args, **options)
            stale = [
                str(path)
                for path, before in catalogues.items()
                if CREATION_DATE.sub("", path.read_text(encoding="utf-8")) != CREATION_DATE.sub("", before)
            ]
        finally:
            for path, before in catalogues.items():
                path.write_text(before, encoding="utf-8")
        if stale:
            raise CommandError(
                f"Catalogue de traduction pas à jour : {', '.join(stale)}. "
                "Lancez manage.py makemessages -l fr et ajoutez le fichier au commit."
            )
        self.stdout.write("Catalogue de traduction à jour.")

    def write_po_file(self, potfile, locale):
        """Fill the new and the fuzzy entries with their own French text (msgstr = msgid)."""
        super().write_po_file(potfile, locale)
        pofile = Path(potfile).parent / locale / "LC_MESSAGES" / f"{self.domain}.po"
        text = pofile.read_text(encoding="utf-8")
        if TEMPLATE_HEADER.match(text):
            text = TEMPLATE_HEADER.sub(PROJECT_HEADER, text).replace(
                '"Language: \\n"', f'"Language: {locale}\\n"', 1
            )
            pofile.write_text(text, encoding="utf-8")
        # A fuzzy entry is a guess (e.g. a msgid that became plural keeps its old
        # singular text in both forms): empty it so that msgen refills it.
        for command in (
            ["msgattrib", "--clear-fuzzy", "--empty", "--clear-previous", "--no-location"],
            ["msgen", "--no-location"],
        ):
            _, errors, status = popen_wrapper([*command, "-o", str(pofile), str(pofile)])
            if status:
                raise CommandError(f"{command[0]} a échoué : {errors}")
