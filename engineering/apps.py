from django.apps import AppConfig


class EngineeringConfig(AppConfig):
    name = "engineering"
    verbose_name = "Demandes d'ingénierie"

    def ready(self):
        """Fill the register of the protocol's actions, as the admin's autodiscovery does.

        Imported here, not at the top: the actions reach the models, which Django
        forbids importing before the app registry is ready."""
        from .protocol import actions  # noqa: F401
