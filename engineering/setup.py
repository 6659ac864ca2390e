"""What the engineering offer needs on every site, production included (not
demo content): the kinds of engineering of the public form. Its ``setup`` is
this app's step of ``manage.py setup_site`` (``home.setup``); the "Données
personnelles" page that describes the processing is one of the legal pages of
the site setup (``home/data/site_setup.yaml``). Its ``STEPS`` add the groups of
the protocol's roles, so that a fresh site can give its staff their role.

Idempotent and respectful of editors: a kind is found by its stable key and
created when missing, never renamed back.
"""

from core.upsert import LoadReport

from .models import EngineeringKind
from .protocol.groups import ensure_groups

#: Roadmap II c: "En 2020, l'ANCT dispose de trois instruments pour activer de
#: l'ingénierie" (four listed), plus the answer of a requester who does not know yet.
ENGINEERING_KINDS = [
    (
        "competences-agence",
        "Compétences techniques de l'agence",
        "Expertise des directions générales déléguées de l'ANCT.",
    ),
    (
        "missions-etat",
        "Mission d'experts de l'État",
        "Compétences techniques présentes au sein de l'État, mobilisées sous forme de missions.",
    ),
    (
        "ligne-credits",
        "Financement d'ingénierie",
        "Subvention directe ou marché à bons de commande sur la ligne de crédits de l'agence.",
    ),
    (
        "operateurs-premier-cercle",
        "Ingénierie d'un opérateur partenaire",
        "ADEME, ANRU, ANAH, CEREMA ou Banque des territoires, par les conventions-cadres d'appui.",
    ),
    (
        "a-determiner",
        "Je ne sais pas encore",
        "Le délégué territorial identifie avec vous l'ingénierie adaptée, localement ou au niveau national.",
    ),
]


def ensure_engineering_kinds(report: LoadReport) -> None:
    for position, (key, name, description) in enumerate(ENGINEERING_KINDS):
        if EngineeringKind.objects.filter(key=key).exists():
            report.unchanged += 1
            continue
        kind = EngineeringKind.objects.filter(name=name, key__isnull=True).first()
        if kind is None:  # new, or an editor's kind of the same name is adopted
            kind = EngineeringKind(name=name, description=description, sort_order=position)
            report.created += 1
        else:
            report.updated += 1
        kind.key = key
        kind.save()


def setup(report: LoadReport) -> LoadReport:
    ensure_engineering_kinds(report)
    return report


#: The engineering steps of ``setup_site``, reported apart: the kinds of the
#: public form, then the groups of the protocol's roles (``protocol.groups``).
STEPS = [("Appui en ingénierie", setup), ("Groupes du protocole", ensure_groups)]
