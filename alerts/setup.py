"""The alerts' section of the "Données personnelles" page: what is kept, why,
for how long, who sees it. Added once to the page the home setup wrote (this
module is the alerts' step of ``manage.py setup_site``, after home's), found again by its
heading: a page already holding it is left alone, so an editor's wording stays.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.models import Site

from core.upsert import LoadReport

HEADING = "Alertes par courriel"


def section() -> dict:
    days = settings.ALERTS_CONFIRMATION_DAYS
    kept = settings.ALERTS_SENT_MAIL_RETENTION_DAYS
    text = (
        f"<h2>{HEADING}</h2>"
        "<p><strong>Finalité :</strong> vous envoyer, à votre demande, les nouveautés du site pour une commune, "
        "une intercommunalité, un département, un programme ou un pacte.</p>"
        "<p><strong>Base légale :</strong> votre consentement (article 6, paragraphe 1, point a du RGPD), donné "
        "en cochant la case du formulaire ; son texte et sa date sont conservés avec l’abonnement.</p>"
        "<p><strong>Données traitées :</strong> votre adresse électronique, ce que vous suivez, la fréquence "
        "choisie, le consentement et sa date, les dates de confirmation et du dernier envoi.</p>"
        f"<p><strong>Durée de conservation :</strong> une demande non confirmée dans les {days} jours est "
        "supprimée ; un abonnement est supprimé dès que vous vous désabonnez (lien dans chaque courriel, ou page "
        f"« Gérer mes alertes ») ; un courriel envoyé est effacé de la file d’envoi au bout de {kept} jours.</p>"
        "<p><strong>Destinataires :</strong> personne d’autre que les administrateurs techniques du site ; les "
        "agents de l’agence ne voient que des nombres d’abonnements. Vos droits s’exercent comme indiqué "
        "ci-dessus.</p>"
    )
    return {"type": "text", "value": text}


def ensure_personal_data_section(report: LoadReport) -> None:
    from home.models import FooterSettings

    site = Site.objects.filter(is_default_site=True).first()
    page = FooterSettings.for_site(site).personal_data_page if site else None
    if page is None:
        report.rejected.append(_("pas de page « Données personnelles » dans le pied de page"))
        return
    page = page.specific
    body = getattr(page, "body", None)
    if body is None or not len(body):
        report.rejected.append(_("page « Données personnelles » vide : lancez d’abord setup_engineering"))
        return
    if any(HEADING in str(block.value) for block in body):
        report.unchanged += 1
        return
    page.body = [*page.body.get_prep_value(), section()]
    page.save_revision().publish()
    report.updated += 1


def setup(report: LoadReport) -> LoadReport:
    ensure_personal_data_section(report)
    return report
