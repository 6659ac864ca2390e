"""Existing rows are brought in line before the new constraints (0006): data and
schema changes in separate migrations, so that PostgreSQL never alters a table
with pending trigger events."""

from django.db import migrations
from django.db.models import Q


def existing_rows_fit(apps, schema_editor):
    """Requests filed by an EPCI get their kind; an escalation recorded with a
    single reason that the roadmap's rule does not accept (fragility or lack of
    resources alone) stops the migration with its reference, rather than being
    given a ground nobody chose."""
    request_model = apps.get_model("engineering", "EngineeringRequest")
    request_model.objects.filter(epci__isnull=False).update(collectivite_kind="epci")
    escalation_model = apps.get_model("engineering", "NationalEscalation")
    invalid = escalation_model.objects.exclude(
        Q(fragility=True, lack_of_local_resources=True) | Q(innovative_or_complex=True)
    ).values_list("request__reference", flat=True)
    if invalid:
        raise RuntimeError(
            "Sollicitations d'appui national sans motif conforme à la feuille de route (II c) : "
            + ", ".join(str(reference) for reference in invalid)
            + ". Complétez leur motif avant de migrer."
        )


class Migration(migrations.Migration):
    dependencies = [("engineering", "0005_collectivites_porteuses_local_committee_kinds")]

    operations = [migrations.RunPython(existing_rows_fit, migrations.RunPython.noop)]
