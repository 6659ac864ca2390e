"""An existing database migrates from the previous layout (taxonomies in
``programmes``, commune lists in ``territories``) to the new one (``catalogue``,
``finder``) without losing a row: the moved models kept their tables, and their
content types (so the permissions granted on them) follow them."""

import pytest
from django.apps import apps as current_apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

# The last migrations of the previous layout, for the apps the move touches.
PREVIOUS_LAYOUT = [
    ("programmes", "0003_beneficiarytype_collectivite_level"),
    ("territories", "0002_departement_liaison_type_commune_lists"),
    ("pactes", "0001_initial"),
    ("training", "0001_initial"),
    ("engineering", "0002_information_requests"),
    ("catalogue", None),
    ("finder", None),
]


def migrate(targets):
    """Migrate the test database to ``targets``; the models of that state."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state([t for t in targets if t[1]], at_end=True).apps


def leaf_nodes():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def fill_previous_layout(old):
    """Rows a site had before the move, written with the models of that time."""
    model = old.get_model
    theme = model("programmes", "Theme").objects.create(name="Numérique", slug="numerique")
    policy = model("programmes", "PublicPolicy").objects.create(
        theme=theme, name="Inclusion", slug="inclusion"
    )
    partner = model("programmes", "Partner").objects.create(name="Banque des territoires", acronym="BDT")
    beneficiary = model("programmes", "BeneficiaryType").objects.create(
        name="Communes", slug="communes", collectivite_level="commune"
    )
    qpv = model("programmes", "TerritoryType").objects.create(name="QPV", slug="qpv")

    region = model("territories", "Region").objects.create(code="44", name="Grand Est")
    departement = model("territories", "Departement").objects.create(
        code="08", name="Ardennes", region=region
    )
    commune = model("territories", "Commune").objects.create(
        code="08362", name="Rethel", search_name="rethel", departement=departement, region=region
    )

    content_type = model("contenttypes", "ContentType").objects.get_or_create(
        app_label="programmes", model="programmepage"
    )[0]
    page = model("programmes", "ProgrammePage").objects.create(
        title="Petites villes de demain",
        draft_title="Petites villes de demain",
        slug="petites-villes-de-demain",
        path="00019999",
        depth=2,
        content_type=content_type,
        # get_or_create: an earlier transactional test may have flushed the default locale.
        locale=model("wagtailcore", "Locale").objects.get_or_create(language_code="fr")[0],
        summary="Revitaliser les petites centralités.",
        theme=theme,
        public_policy=policy,
    )
    PageModel = model("programmes", "ProgrammePage")
    PageModel.partners.through.objects.create(programmepage_id=page.pk, partner_id=partner.pk)
    PageModel.eligible_territory_types.through.objects.create(
        programmepage_id=page.pk, territorytype_id=qpv.pk
    )
    PageModel.eligible_beneficiary_types.through.objects.create(
        programmepage_id=page.pk, beneficiarytype_id=beneficiary.pk
    )

    model("territories", "CommuneList").objects.create(territory_type=qpv, source_name="qpv.csv", size=1)
    model("territories", "CommuneList").objects.create(page_id=page.pk, source_name="pvd.csv", size=1)
    model("territories", "TerritoryTypeMembership").objects.create(territory_type=qpv, commune=commune)
    model("territories", "CurrentBeneficiary").objects.create(page_id=page.pk, commune=commune)

    team = model("auth", "Group").objects.create(name="Délégation territoriale Ardennes")
    request = model("engineering", "EngineeringRequest").objects.create(
        commune=commune,
        departement=departement,
        requester_name="Camille Martin",
        requester_role="maire",
        requester_email="mairie@example.org",
        title="Réhabiliter la halle",
        description="Une halle du XIXe siècle à remettre en usage.",
        stage="idee",
        consent_at=timezone.now(),
        confirmation_token="a" * 64,
        assigned_team=team,
    )
    request.themes.add(theme)
    model("engineering", "TransitionLog").objects.create(
        request=request, action="confirm", from_state="received", to_state="review"
    )
    model("engineering", "Attachment").objects.create(
        request=request,
        file="engineering/halle.pdf",
        original_name="halle.pdf",
        content_type="application/pdf",
        size=1234,
    )
    return {"theme": theme.pk, "page": page.pk, "qpv": qpv.pk, "request": request.pk}


def snapshot():
    """Every row the move must keep, read through the current (new layout) models."""
    model = current_apps.get_model
    page = model("programmes", "ProgrammePage").objects.get(slug="petites-villes-de-demain")
    request = model("engineering", "EngineeringRequest").objects.get(title="Réhabiliter la halle")
    return {
        "themes": list(model("catalogue", "Theme").objects.values_list("pk", "name")),
        "policies": list(model("catalogue", "PublicPolicy").objects.values_list("pk", "theme_id", "name")),
        "partners": list(model("catalogue", "Partner").objects.values_list("pk", "acronym")),
        "beneficiaries": list(
            model("catalogue", "BeneficiaryType").objects.values_list("pk", "collectivite_level")
        ),
        "territory_types": list(model("catalogue", "TerritoryType").objects.values_list("pk", "slug")),
        "page": (page.theme.name, page.public_policy.name),
        "page_partners": [p.acronym for p in page.partners.all()],
        "page_territory_types": [t.slug for t in page.eligible_territory_types.all()],
        "page_beneficiaries": [b.slug for b in page.eligible_beneficiary_types.all()],
        "lists": sorted(
            model("finder", "CommuneList").objects.values_list("source_name", "territory_type_id", "page_id")
        ),
        "memberships": list(
            model("finder", "TerritoryTypeMembership").objects.values_list(
                "territory_type__slug", "commune_id"
            )
        ),
        "beneficiaries_now": list(
            model("finder", "CurrentBeneficiary").objects.values_list("page_id", "commune_id")
        ),
        "request_themes": [t.name for t in request.themes.all()],
        "transitions": list(request.transitions.values_list("action", "to_state")),
        "attachments": list(request.attachments.values_list("original_name", "size")),
    }


@pytest.mark.django_db(transaction=True)
def test_a_database_of_the_previous_layout_migrates_without_losing_a_row():
    leaves = leaf_nodes()
    old = migrate(PREVIOUS_LAYOUT)
    keys = fill_previous_layout(old)
    ContentType = old.get_model("contenttypes", "ContentType")
    moved_type = ContentType.objects.get_or_create(app_label="programmes", model="theme")[0]
    Permission = old.get_model("auth", "Permission")
    permission = Permission.objects.get_or_create(
        content_type=moved_type, codename="change_theme", defaults={"name": "Can change thématique"}
    )[0]

    migrate(leaves)

    rows = snapshot()
    assert rows == {
        "themes": [(keys["theme"], "Numérique")],
        "policies": [(rows["policies"][0][0], keys["theme"], "Inclusion")],
        "partners": [(rows["partners"][0][0], "BDT")],
        "beneficiaries": [(rows["beneficiaries"][0][0], "commune")],
        "territory_types": [(keys["qpv"], "qpv")],
        "page": ("Numérique", "Inclusion"),
        "page_partners": ["BDT"],
        "page_territory_types": ["qpv"],
        "page_beneficiaries": ["communes"],
        "lists": [("pvd.csv", None, keys["page"]), ("qpv.csv", keys["qpv"], None)],
        "memberships": [("qpv", "08362")],
        "beneficiaries_now": [(keys["page"], "08362")],
        "request_themes": ["Numérique"],
        "transitions": [("confirm", "review")],
        "attachments": [("halle.pdf", 1234)],
    }
    # The content type moved with the model, so a permission granted on it still applies.
    from django.contrib.auth.models import Permission as CurrentPermission
    from django.contrib.contenttypes.models import ContentType as CurrentContentType

    assert CurrentContentType.objects.get(pk=moved_type.pk).app_label == "catalogue"
    assert CurrentPermission.objects.get(pk=permission.pk).content_type.model_class().__name__ == "Theme"


def test_the_new_migrations_of_reference_data_depend_on_no_content_app():
    """territories' migrations after the move stand on territories alone: the
    old programmes <-> territories back-and-forth is not extended."""
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    content = {"catalogue", "programmes", "pactes", "training", "finder", "search", "engineering"}
    for app, name in graph.leaf_nodes():
        if app != "territories":
            continue
        node = (app, name)
        while node != ("territories", "0002_departement_liaison_type_commune_lists"):
            parents = graph.node_map[node].parents
            assert not {p.key[0] for p in parents} & content, node
            node = next(p.key for p in parents if p.key[0] == "territories")
