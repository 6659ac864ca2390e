from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Accueil et pages du site"

    def ready(self):
        from home import checks, content_version, frontend_cache, public_url  # noqa: F401 (checks register)

        frontend_cache.connect_signals()
        content_version.connect_signals()
