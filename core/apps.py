from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Socle technique du site"

    def ready(self):
        # Publishing, moving or unpublishing a page purges the HTTP cache and bumps the
        # content version that keys the fragment cache.
        from . import content_version, frontend_cache, public_url  # noqa: F401 (its deploy check registers)

        frontend_cache.connect_signals()
        content_version.connect_signals()
