"""What the engineering offer needs on every site, production included (not
demo content): the kinds of engineering of the public form and the body of the
"Données personnelles" page that describes the processing of requests.

Idempotent and respectful of editors: a kind is found by its stable key and
created when missing, never renamed back; the page's body is filled only while
it is empty, so an edited page is left alone. Run by ``manage.py
setup_engineering`` (``make setup``, after the demo shell created the legal pages).
"""

from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.models import Site

from home.models import FooterSettings
from home.upsert import LoadReport

from .models import EngineeringKind

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


def personal_data_blocks() -> list[dict]:
    """The "Données personnelles" body: the processing of engineering requests,
    with the delays configured for this site (``config/settings``)."""
    publisher = settings.SITE_PUBLISHER
    dpo = settings.SITE_DPO_CONTACT or "à vérifier"
    sections = [
        ("Responsable du traitement", f"<p>{publisher}.</p>"),
        (
            "Finalité",
            "<p>Instruire les demandes d'appui en ingénierie des collectivités, selon le protocole de la "
            "feuille de route de l'agence : examen par le délégué territorial (le préfet de département), "
            "réponse locale ou sollicitation de l'appui national, suivi de la demande et consolidation "
            "annuelle de l'activité, sans donnée personnelle.</p>",
        ),
        (
            "Base légale",
            "<p>Exécution d'une mission d'intérêt public dont est investie l'agence (article 6, "
            "paragraphe 1, point e du RGPD) : à vérifier par le délégué à la protection des données. "
            "Le formulaire recueille en outre votre accord avant l'envoi.</p>",
        ),
        (
            "Données traitées",
            "<p>Nom et prénom, fonction, adresse électronique, téléphone (facultatif) ; la collectivité "
            "porteuse ; l'intitulé, la description, l'avancement et les thématiques du projet ; "
            "l'ingénierie recherchée ; les pièces jointes et les compléments envoyés ; l'historique du "
            "traitement de la demande.</p>",
        ),
        (
            "Durée de conservation",
            "<p>Une demande dont l'adresse électronique n'est pas confirmée dans les "
            f"{settings.ENGINEERING_CONFIRMATION_DAYS} jours expire. Une fois la demande terminée, "
            f"le nom, l'adresse électronique et le téléphone du demandeur sont anonymisés, ses réponses "
            f"effacées et les pièces jointes supprimées au bout de {settings.ENGINEERING_RETENTION_DAYS} "
            "jours.</p>",
        ),
        (
            "Destinataires",
            "<p>Le délégué territorial de l'agence dans le département de la collectivité et son équipe "
            "(préfecture) ; en cas de sollicitation de l'appui national, les services de l'agence et son "
            "comité de suivi des projets. L'export annuel de consolidation ne contient aucune donnée "
            "personnelle.</p>",
        ),
        (
            "Vos droits",
            "<p>Vous disposez des droits d'accès, de rectification, d'effacement, de limitation et "
            "d'opposition (articles 15 à 21 du RGPD). Pour les exercer, écrivez au délégué à la "
            f"protection des données de l'agence : {dpo}, en rappelant la référence de suivi de la "
            "demande. Vous pouvez aussi adresser une réclamation à la CNIL (www.cnil.fr).</p>",
        ),
    ]
    return [{"type": "text", "value": f"<h2>{title}</h2>{text}"} for title, text in sections]


def ensure_personal_data_page(report: LoadReport) -> None:
    """Fill the body of the footer's "Données personnelles" page while it is empty."""
    site = Site.objects.filter(is_default_site=True).first()
    page = FooterSettings.for_site(site).personal_data_page if site else None
    if page is None:
        report.rejected.append(_("pas de page « Données personnelles » dans le pied de page"))
        return
    page = page.specific
    if getattr(page, "body", None) is None or len(page.body):
        report.unchanged += 1
        return
    page.body = personal_data_blocks()
    page.save_revision().publish()
    report.updated += 1


def setup(report: LoadReport) -> LoadReport:
    ensure_engineering_kinds(report)
    ensure_personal_data_page(report)
    return report
