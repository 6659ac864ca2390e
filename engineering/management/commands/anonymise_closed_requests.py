"""Anonymise the requester's personal data once the retention delay after closure is over."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from engineering.models import FINAL_STATES, EngineeringRequest

REMOVED_ANSWER = "[Réponse supprimée à l'expiration du délai de conservation]"


class Command(BaseCommand):
    help = (
        "Anonymise le nom, l'adresse électronique et le téléphone du demandeur, efface ses "
        "réponses et supprime les pièces jointes des demandes terminées depuis plus de "
        "ENGINEERING_RETENTION_DAYS jours."
    )

    def handle(self, *args, **options):
        limit = timezone.now() - timedelta(days=settings.ENGINEERING_RETENTION_DAYS)
        due = EngineeringRequest.objects.filter(
            state__in=FINAL_STATES, closed_at__lt=limit, anonymised_at__isnull=True
        )
        count = files = 0
        for engineering_request in due.iterator():
            with transaction.atomic():
                for attachment in engineering_request.attachments.all():
                    attachment.file.delete(save=False)
                    attachment.delete()
                    files += 1
                engineering_request.notifications.all().delete()  # copies of the personal data in the outbox
                # The requester's own words may carry personal data too; the question stays.
                engineering_request.information_requests.exclude(answer="").update(answer=REMOVED_ANSWER)
                EngineeringRequest.objects.filter(pk=engineering_request.pk).update(
                    requester_name="Anonymisé",
                    requester_email=f"anonymise-{engineering_request.pk}@invalid",
                    requester_phone="",
                    anonymised_at=timezone.now(),
                )
                count += 1
        self.stdout.write(f"Demandes anonymisées : {count}, pièces jointes supprimées : {files}.")
