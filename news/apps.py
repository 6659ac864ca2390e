from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("actualités")

    def ready(self):
        from news import frontend_cache

        frontend_cache.connect_signals()
