from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = "Catalogue"

    def ready(self):
        """The taxonomies the criteria name (territory and beneficiary types,
        sources) are read by every commune's evaluation: changing one in the
        admin expires the cached evaluations, as a publication does."""
        from core import content_version

        for model in ("TerritoryType", "BeneficiaryType", "Source"):
            sender = f"catalogue.{model}"
            post_save.connect(content_version.bump, sender=sender, dispatch_uid=f"content_version_{model}")
            post_delete.connect(
                content_version.bump, sender=sender, dispatch_uid=f"content_version_{model}_del"
            )
