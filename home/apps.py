from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Accueil et pages du site"

    def ready(self):
        from home import checks, content_version, frontend_cache  # noqa: F401 (checks registers itself)

        frontend_cache.connect_signals()
        content_version.connect_signals()
