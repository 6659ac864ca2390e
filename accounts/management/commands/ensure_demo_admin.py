"""Creates (or resets) the local demo superuser so `make run` can print how to log in.

Refuses to run with DEBUG off: a known password has no place in production.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Crée le compte administrateur de démonstration (développement local uniquement)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--password", required=True)

    def handle(self, *args, username, password, **options):
        if not settings.DEBUG:
            raise CommandError("Compte de démonstration refusé hors développement (DEBUG désactivé).")
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.invalid"}
        )
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        self.stdout.write(f"Compte administrateur « {username} » {'créé' if created else 'à jour'}.")
