from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Comptes"

    def ready(self):
        from accounts.permissions import name_permissions_in_french

        post_migrate.connect(name_permissions_in_french, dispatch_uid="accounts_permissions_in_french")
