"""The deployment check of the legal pages: ``manage.py check --deploy`` fails
while a setting they need is missing, so a site never goes live with a legal
notice or a personal-data page that cannot be acted on ("à vérifier" in place of
the publisher's address or the data-protection contact)."""

from django.conf import settings
from django.core.checks import Error, Tags, register

#: Setting → what the legal pages say with it.
REQUIRED = {
    "SITE_PUBLISHER": "le nom de l’éditeur du site",
    "SITE_PUBLISHER_ADDRESS": "l’adresse postale de l’éditeur",
    "SITE_PUBLICATION_DIRECTOR": "le directeur ou la directrice de la publication",
    "SITE_HOST": "l’hébergeur (nom, adresse, téléphone)",
    "SITE_DPO_CONTACT": "le contact du délégué à la protection des données",
    "SITE_ACCESSIBILITY_CONTACT": "le contact pour l’accessibilité",
}
#: Words of a placeholder or a demo value, which production must not publish.
NOT_A_VALUE = ("à vérifier", "[démonstration]")


@register(Tags.security, deploy=True)
def check_legal_settings(app_configs=None, **kwargs):
    errors = []
    for name, meaning in REQUIRED.items():
        value = str(getattr(settings, name, "") or "").strip()
        if not value or any(word in value.lower() for word in NOT_A_VALUE):
            errors.append(
                Error(
                    f"{name} manquant : les pages légales doivent indiquer {meaning}.",
                    hint=f"Définissez la variable d’environnement {name} (voir README, « Configuration »).",
                    id="home.E002",
                )
            )
    return errors
