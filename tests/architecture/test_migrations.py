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

from tests.database_template import copy_again

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
# Tables that change owner, the relation tables pointing to them, and the request rows.
TABLES = [
    "programmes_theme",
    "programmes_publicpolicy",
    "programmes_partner",
    "programmes_beneficiarytype",
    "programmes_territorytype",
    "programmes_programmepage",
    "programmes_programmepage_partners",
    "programmes_programmepage_eligible_territory_types",
    "programmes_programmepage_eligible_beneficiary_types",
    "territories_communelist",
    "territories_territorytypemembership",
    "territories_currentbeneficiary",
    "engineering_engineeringrequest",
    "engineering_engineeringrequest_themes",
    "engineering_transitionlog",
    "engineering_attachment",
    "auth_permission",
]


def migrate(targets):
    """Migrate the test database to ``targets``; the models of that state.

    Backwards, one migration per call, as ``manage.py migrate app name`` would in
    steps: Django renders the state before the first migration to unapply and then
    carries it, rendered, through every later migration of the project (Wagtail's
    included), which was two thirds of this test's time. A step renders the state
    of its own migration only."""
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(targets)
    if plan and all(backwards for _migration, backwards in plan):
        for step in plan:
            executor.migrate(targets, plan=[step])
            executor.loader.build_graph()  # what is applied now
    else:
        executor.migrate(targets, plan=plan)
    return executor.loader.project_state([t for t in targets if t[1]], at_end=True).apps


def dump(columns: dict[str, list[str]] | None = None) -> dict[str, list[str]]:
    """Every row of ``TABLES``, as the database holds them, restricted to ``columns``
    (the columns the previous layout had: later migrations may add some)."""
    rows = {}
    with connection.cursor() as cursor:
        for table in TABLES:
            names = columns[table] if columns else None
            select = ", ".join(map(connection.ops.quote_name, names)) if names else "*"
            cursor.execute(f"SELECT {select} FROM {connection.ops.quote_name(table)}")
            rows[table] = sorted(map(repr, cursor.fetchall()))
    return rows


def column_names() -> dict[str, list[str]]:
    """The columns of ``TABLES`` as they are now."""
    with connection.cursor() as cursor:
        return {
            table: [c.name for c in connection.introspection.get_table_description(cursor, table)]
            for table in TABLES
        }


def fill_previous_layout(old) -> dict:
    """Rows a site had before the move, written with the models of that time."""
    model = old.get_model
    theme = model("programmes", "Theme").objects.create(name="Thème migré", slug="theme-migre")
    policy = model("programmes", "PublicPolicy").objects.create(
        theme=theme, name="Politique migrée", slug="politique-migree"
    )
    partner = model("programmes", "Partner").objects.create(name="Partenaire migré", acronym="PM")
    beneficiary = model("programmes", "BeneficiaryType").objects.create(
        name="Bénéficiaire migré", slug="beneficiaire-migre", collectivite_level="commune"
    )
    zoning = model("programmes", "TerritoryType").objects.create(name="Zonage migré", slug="zonage-migre")

    # Reference rows may already be there (session fixtures): reuse them.
    region = model("territories", "Region").objects.get_or_create(code="44", defaults={"name": "Grand Est"})[
        0
    ]
    departement = model("territories", "Departement").objects.get_or_create(
        code="08", defaults={"name": "Ardennes", "region": region}
    )[0]
    commune = model("territories", "Commune").objects.get_or_create(
        code="08362",
        defaults={"name": "Rethel", "search_name": "rethel", "departement": departement, "region": region},
    )[0]

    ProgrammePage = model("programmes", "ProgrammePage")
    page = ProgrammePage.objects.create(
        title="Programme d'avant la migration",
        draft_title="Programme d'avant la migration",
        slug="programme-avant-migration",
        path="0001ZZZZ",
        depth=2,
        content_type=model("contenttypes", "ContentType").objects.get_or_create(
            app_label="programmes", model="programmepage"
        )[0],
        # get_or_create: an earlier transactional test may have flushed the default locale.
        locale=model("wagtailcore", "Locale").objects.get_or_create(language_code="fr")[0],
        summary="Un programme écrit avec les modèles d'avant.",
        theme=theme,
        public_policy=policy,
    )
    ProgrammePage.partners.through.objects.create(programmepage_id=page.pk, partner_id=partner.pk)
    ProgrammePage.eligible_territory_types.through.objects.create(
        programmepage_id=page.pk, territorytype_id=zoning.pk
    )
    ProgrammePage.eligible_beneficiary_types.through.objects.create(
        programmepage_id=page.pk, beneficiarytype_id=beneficiary.pk
    )

    model("territories", "CommuneList").objects.create(
        territory_type=zoning, source_name="zonage.csv", size=1
    )
    model("territories", "CommuneList").objects.create(page_id=page.pk, source_name="programme.csv", size=1)
    model("territories", "TerritoryTypeMembership").objects.create(territory_type=zoning, commune=commune)
    model("territories", "CurrentBeneficiary").objects.create(page_id=page.pk, commune=commune)

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
        confirmation_token="migration" * 7,
        assigned_team=model("auth", "Group").objects.create(name="Équipe d'avant la migration"),
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
    content_type = model("contenttypes", "ContentType").objects.get_or_create(
        app_label="programmes", model="theme"
    )[0]
    permission = model("auth", "Permission").objects.get_or_create(
        content_type=content_type, codename="change_theme", defaults={"name": "Can change thématique"}
    )[0]
    return {"page": page.pk, "zoning": zoning.pk, "request": request.pk, "permission": permission.pk}


def read_with_new_models(keys) -> dict:
    """The rows written before the move, read through the new layout's models."""
    model = current_apps.get_model
    page = model("programmes", "ProgrammePage").objects.get(pk=keys["page"])
    zoning = model("catalogue", "TerritoryType").objects.get(pk=keys["zoning"])
    request = model("engineering", "EngineeringRequest").objects.get(pk=keys["request"])
    permission = model("auth", "Permission").objects.get(pk=keys["permission"])
    return {
        "page": (page.theme.name, page.public_policy.name, page.public_policy.theme.slug),
        "partners": [p.acronym for p in page.partners.all()],
        "territory_types": [t.slug for t in page.eligible_territory_types.all()],
        "beneficiary_levels": [b.collectivite_level for b in page.eligible_beneficiary_types.all()],
        "zoning_list": zoning.commune_list.source_name,
        "page_list": model("finder", "CommuneList").objects.get(page_id=page.pk).source_name,
        "members": [m.commune_id for m in zoning.memberships.all()],
        "current": list(
            model("finder", "CurrentBeneficiary")
            .objects.filter(page_id=page.pk)
            .values_list("commune_id", flat=True)
        ),
        "request_themes": [t.slug for t in request.themes.all()],
        "transitions": list(request.transitions.values_list("action", "to_state")),
        "attachments": list(request.attachments.values_list("original_name", "size")),
        "permission_on": permission.content_type.model_class()._meta.label,
    }


@pytest.fixture
def database_copied_again(request):
    """The migrations taken back and forth drop and recreate tables of the reference
    data (the official lists' rows among them), which no flush puts back: the next
    tests of this process would import them again (about ten seconds). This
    process's database is copied again from the template instead, before the flush
    that ends a transactional test."""
    yield
    copy_again(getattr(request.config, "workerinput", {}).get("workerid", "main"))


@pytest.mark.long_running  # 20 to 30 s: handed out first (tests/conftest.py)
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("database_copied_again")
def test_a_database_of_the_previous_layout_migrates_without_losing_a_row():
    leaves = MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes()
    keys = fill_previous_layout(migrate(PREVIOUS_LAYOUT))
    columns = column_names()
    before = dump(columns)

    migrate(leaves)

    assert dump(columns) == before
    assert read_with_new_models(keys) == {
        "page": ("Thème migré", "Politique migrée", "theme-migre"),
        "partners": ["PM"],
        "territory_types": ["zonage-migre"],
        "beneficiary_levels": ["commune"],
        "zoning_list": "zonage.csv",
        "page_list": "programme.csv",
        "members": ["08362"],
        "current": ["08362"],
        "request_themes": ["theme-migre"],
        "transitions": [("confirm", "review")],
        "attachments": [("halle.pdf", 1234)],
        # The content type moved with the model, so a permission granted on it still applies.
        "permission_on": "catalogue.Theme",
    }


def test_the_new_migrations_of_reference_data_depend_on_no_content_app():
    """territories' migrations after the move stand on territories alone: the
    old programmes <-> territories back-and-forth is not extended."""
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    content = {"catalogue", "programmes", "pactes", "training", "finder", "search", "engineering"}
    node = next(n for n in graph.leaf_nodes() if n[0] == "territories")
    while node != ("territories", "0002_departement_liaison_type_commune_lists"):
        parents = graph.node_map[node].parents
        assert not {p.key[0] for p in parents} & content, node
        node = next(p.key for p in parents if p.key[0] == "territories")
