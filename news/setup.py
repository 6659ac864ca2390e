"""The news index, part of the site setup production needs (``manage.py
setup_site`` runs this module's ``setup``, as every app's, ``home.setup``).

Published news must be findable: without an index page, the items published
under a programme or a pacte appeared nowhere but in their parent's feed. The
index is created once, in the main menu; an editor may then rename, move or
hide it, and a later setup leaves it as they made it (the model allows one).
"""

from django.db import transaction

from core.upsert import LoadReport
from home.models import HomePage

from .models import NewsIndexPage

TITLE = "Actualités"
SLUG = "actualites"
INTRODUCTION = (
    "Les actualités de l’Agence, de ses programmes et des pactes territoriaux, "
    "de la plus récente à la plus ancienne."
)


@transaction.atomic
def ensure_news_index(home, report: LoadReport) -> NewsIndexPage:
    """Create the news index under ``home`` unless the site already has one."""
    index = NewsIndexPage.objects.first()
    if index is not None:
        report.unchanged += 1
        return index
    index = NewsIndexPage(title=TITLE, slug=SLUG, introduction=INTRODUCTION, show_in_menus=True)
    home.add_child(instance=index)
    index.save_revision().publish()
    report.created += 1
    return index


def setup(report: LoadReport) -> None:
    """News' step of the site setup: the index under the home page the shell created."""
    home = HomePage.objects.first()
    if home is not None:
        ensure_news_index(home, report)
