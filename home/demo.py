"""Demo content of the site shell: the home page, the legal pages and the footer
settings. Idempotent: every object is found by a stable key (slug) and only
created or updated when it differs, so running it twice changes nothing."""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.blocks import StreamValue
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import StreamField
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home import legal
from home.models import FooterSettings, HomeEntryPoint, HomePage, StandardPage


@dataclass
class LoadReport:
    """Counts shown on the command's summary line."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[str] = field(default_factory=list)

    def add(self, other: "LoadReport") -> None:
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.rejected += other.rejected

    def __str__(self) -> str:
        text = (
            f"{self.created} créé(s), {self.updated} mis à jour, "
            f"{self.unchanged} inchangé(s), {len(self.rejected)} rejeté(s)"
        )
        if self.rejected:
            text += " : " + "; ".join(self.rejected)
        return text


def upsert_page(
    parent: Page, page_class, slug: str, report: LoadReport, *, fields: dict, relations: dict | None = None
):
    """Create ``page_class`` at ``slug`` under ``parent`` or bring it up to date:
    the one page service of every demo step.

    ``fields`` are the page's fields (plain, foreign key, rich text or StreamField
    data, raw or as a StreamValue); ``relations`` its many-to-many fields (name →
    model instances), compared as sets. A new revision is published only when
    something differs or the page is not live, so a second run reports the page
    unchanged.
    """
    relations = relations or {}
    page = page_class.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = page_class(slug=slug, **fields)
        for name, objects in relations.items():
            setattr(page, name, list(objects))
        parent.add_child(instance=page)
        page.save_revision().publish()
        report.created += 1
        return page
    changed = False
    for name, value in fields.items():
        if not _same_field_value(page_class, name, getattr(page, name), value):
            setattr(page, name, value)
            changed = True
    for name, objects in relations.items():
        if {obj.pk for obj in getattr(page, name).all()} != {obj.pk for obj in objects}:
            setattr(page, name, list(objects))
            changed = True
    if changed or not page.live:
        page.save_revision().publish()
        report.updated += 1
    else:
        report.unchanged += 1
    return page


def _same_field_value(page_class, name: str, current, wanted) -> bool:
    """StreamField content is compared without block ids (stored blocks have
    them, demo data does not); every other field by equality."""
    model_field = page_class._meta.get_field(name)
    if isinstance(model_field, StreamField):
        block = model_field.stream_block
        return _stream_data(block, current) == _stream_data(block, wanted)
    return current == wanted


def _stream_data(block, value) -> list:
    if not isinstance(value, StreamValue):
        value = block.to_python(value)
    return _without_ids(block.get_prep_value(value))


def _without_ids(data):
    if isinstance(data, dict):
        return {k: _without_ids(v) for k, v in data.items() if k != "id"}
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    return data


def ensure_home_page(report: LoadReport) -> HomePage:
    """Put a HomePage at the site root, replacing Wagtail's default welcome page."""
    home = HomePage.objects.first()
    root = Page.get_first_root_node()
    if root is None:  # a flushed database: Wagtail's migration-created root is gone
        Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    if home is None:
        home = HomePage(
            title="Accueil",
            slug="accueil",
            hero_title="Agence nationale de la cohésion des territoires",
            hero_text=(
                "L’Agence accompagne les collectivités territoriales dans leurs projets, "
                "en particulier là où les ressources locales manquent : programmes nationaux "
                "d’appui, pactes territoriaux et appui en ingénierie sur mesure."
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        report.created += 1
    else:
        report.unchanged += 1
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="ANCT"
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "ANCT"
        site.save()
        if old_root.depth == 2 and old_root.specific_class is not HomePage:
            old_root.delete()
    return home


LEGAL_PAGES = [
    (
        "accessibilite",
        "accessibility_page",
        "Accessibilité",
        "Le site n’a pas encore fait l’objet d’un audit de conformité au référentiel "
        "général d’amélioration de l’accessibilité (RGAA). Il est donc déclaré non conforme "
        "tant que cet audit n’a pas été réalisé.",
    ),
    (
        "mentions-legales",
        "legal_notice_page",
        "Mentions légales",
        "Ce site est édité par l’Agence nationale de la cohésion des territoires (ANCT).",
    ),
    (
        "donnees-personnelles",
        "personal_data_page",
        "Données personnelles",
        "Les données personnelles transmises dans une demande d’appui en ingénierie servent "
        "uniquement à instruire cette demande. Elles sont anonymisées après la clôture de la "
        "demande, au terme du délai de conservation.",
    ),
]


#: The body of each legal page the setup writes (``home.legal``); the personal
#: data page's is written by the engineering setup, which knows the processing.
LEGAL_BODIES = {
    "mentions-legales": lambda site: legal.legal_notice_blocks(),
    "accessibilite": lambda site: legal.accessibility_blocks(site.site_name or site.hostname),
}


def ensure_legal_pages(home: HomePage, report: LoadReport) -> None:
    """The legal pages and the footer's links to them. A page's body is written
    while it is empty, so the text an editor changed stays."""
    site = home.get_site()
    footer = FooterSettings.for_site(site)
    footer_changed = False
    for slug, setting_name, title, intro in LEGAL_PAGES:
        page = upsert_page(
            home,
            StandardPage,
            slug,
            report,
            fields={
                "title": title,
                "introduction": f"<p>{intro}</p>",
                "show_in_menus": False,
            },
        )
        if slug in LEGAL_BODIES and not len(page.body):
            page.body = LEGAL_BODIES[slug](site)
            page.save_revision().publish()
        if getattr(footer, f"{setting_name}_id") != page.pk:
            setattr(footer, setting_name, page)
            footer_changed = True
    if footer_changed:
        footer.save()


REVIEW_WORKFLOW = "Relecture éditoriale"
REVIEW_TASK = "Validation par les modérateurs"
MODERATOR_PAGE_PERMISSIONS = ["add", "change", "publish", "lock", "unlock"]


def ensure_review_workflow(home: HomePage, report: LoadReport) -> Workflow:
    """Editors' pages go live through review: the "Relecture éditoriale" workflow
    (one approval task for the "Moderators" group) on the home page, so on every
    page of the site. Wagtail's migrations attach their own default workflow to
    the root page, but a database built without them (tests after a flush, a
    restored dump) would otherwise publish without review. A "Moderators" group
    created here gets access to the admin and the page permissions Wagtail gives it."""
    moderators, created = Group.objects.get_or_create(name="Moderators")
    if created:
        moderators.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
        for permission_type in MODERATOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.create(group=moderators, page=home, permission_type=permission_type)
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK)
    task.groups.add(moderators)
    workflow = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW)[0]
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    if not workflow.workflow_tasks.filter(task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=workflow.workflow_tasks.count())
    if WorkflowPage.objects.filter(page=home, workflow=workflow).exists():
        report.unchanged += 1
    else:
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
        report.created += 1
    return workflow


@transaction.atomic
def load_shell(home, report: LoadReport) -> HomePage:
    """First demo step: the home page, the legal pages and the review workflow."""
    home = ensure_home_page(report)
    ensure_legal_pages(home, report)
    ensure_review_workflow(home, report)
    return home


def merge_entry_points(home: HomePage, entries: list[dict], report: LoadReport) -> None:
    """Add or update the home tiles of one app, found by title, leaving the other
    apps' tiles alone: each demo step contributes its own tiles, in the order of
    the steps. New tiles go after the existing ones."""
    existing = {e.title: e for e in home.entry_points.all()}
    next_position = max((e.sort_order or 0 for e in existing.values()), default=-1) + 1
    for entry in entries:
        wanted = {
            "description": entry.get("description", ""),
            "link_page_id": entry["link_page"].pk if entry.get("link_page") else None,
            "link_url": entry.get("link_url", ""),
        }
        tile = existing.get(entry["title"])
        if tile is None:
            HomeEntryPoint.objects.create(page=home, sort_order=next_position, title=entry["title"], **wanted)
            next_position += 1
            report.created += 1
        elif any(getattr(tile, name) != value for name, value in wanted.items()):
            for name, value in wanted.items():
                setattr(tile, name, value)
            tile.save()
            report.updated += 1
        else:
            report.unchanged += 1
