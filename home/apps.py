from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Accueil et pages du site"

    def ready(self):
        from home import content_version, frontend_cache, public_url  # noqa: F401 - registers its check

        frontend_cache.connect_signals()
        content_version.connect_signals()
