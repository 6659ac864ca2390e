from django.apps import AppConfig


class MediaAssetsConfig(AppConfig):
    name = "media_assets"
    verbose_name = "Médiathèque"
