from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("engineering", "0006_existing_requests_fit")]

    operations = [
        migrations.AddConstraint(
            model_name='engineeringrequest',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('collectivite_kind', 'commune'), ('commune__isnull', False), ('epci__isnull', True), ('region__isnull', True)), models.Q(('collectivite_kind', 'epci'), ('commune__isnull', True), ('epci__isnull', False), ('region__isnull', True)), models.Q(('collectivite_kind', 'departement'), ('commune__isnull', True), ('epci__isnull', True), ('region__isnull', True)), models.Q(('collectivite_kind', 'region'), ('commune__isnull', True), ('epci__isnull', True), ('region__isnull', False)), models.Q(('collectivite_kind', 'autre'), ('commune__isnull', True), ('epci__isnull', True), ('region__isnull', True), models.Q(('other_name', ''), _negated=True)), _connector='OR'), name='engineering_request_one_collectivite'),
        ),
        migrations.AddConstraint(
            model_name='nationalescalation',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('fragility', True), ('lack_of_local_resources', True)), ('innovative_or_complex', True), _connector='OR'), name='engineering_escalation_roadmap_ground'),
        ),
    ]
