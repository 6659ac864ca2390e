"""The site setup production needs (``manage.py setup_site``): the shell of the
site (home page, legal pages and the footer settings pointing at them) and the
"Relecture éditoriale" workflow, then the reference content other apps declare
in a ``site_setup`` module (the catalogue's taxonomies).

This is the ground floor: it imports no content app. Apps above contribute
their part through the hook ``<app>.site_setup.setup(home, report)``, found in
``INSTALLED_APPS`` order. Demo content lives in the ``demo`` app, apart.
Idempotent: running it twice changes nothing.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home import legal
from home.models import FooterSettings, HomePage, StandardPage
from home.upsert import LoadReport, upsert_page

SETUP_HOOK = "site_setup"


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
MODERATORS = "Modérateurs"

#: The groups Wagtail's migrations create, in English, and their names here.
WAGTAIL_GROUPS = {"Moderators": MODERATORS, "Editors": "Éditeurs"}
#: The workflow and task Wagtail's migrations attach to the root page, in English
#: (the task is named after the groups that publish: "Moderators approval").
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"
RETIRED_WORKFLOW = "Validation par les modérateurs (ancien circuit, désactivé)"


def name_wagtail_groups_in_french() -> None:
    """Editors see group names in the admin (users, groups, routing rules): the
    groups Wagtail creates as "Moderators" and "Editors" take their French
    names, unless a group already bears it."""
    for english, french in WAGTAIL_GROUPS.items():
        if not Group.objects.filter(name=french).exists():
            Group.objects.filter(name=english).update(name=french)


def retire_wagtail_default_workflow() -> None:
    """Wagtail's migrations attach an English "Moderators approval" workflow to
    the root page; the site's review is "Relecture éditoriale", on the home page,
    which covers every page of the site. The default one goes away; if it ever
    ran, its history stays, under a French name, disabled."""
    for workflow in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW):
        if workflow.workflow_states.exists():
            workflow.deactivate()
            workflow.name = RETIRED_WORKFLOW
            workflow.save(update_fields=["name"])
        else:
            workflow.delete()
    for task in Task.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW):
        if task.task_states.exists():
            task.deactivate()
            task.name = RETIRED_WORKFLOW
            task.save(update_fields=["name"])
        else:
            task.specific.delete()


def ensure_review_workflow(home: HomePage, report: LoadReport) -> Workflow:
    """Editors' pages go live through review: the "Relecture éditoriale" workflow
    (one approval task for the "Modérateurs" group) on the home page, so on every
    page of the site. Wagtail's migrations attach their own default workflow to
    the root page, in English (retired here), but a database built without them
    (tests after a flush, a restored dump) would otherwise publish without review.
    A "Modérateurs" group created here gets access to the admin and the page
    permissions Wagtail gives it."""
    name_wagtail_groups_in_french()
    moderators, created = Group.objects.get_or_create(name=MODERATORS)
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
    retire_wagtail_default_workflow()
    return workflow


@transaction.atomic
def load_shell(home, report: LoadReport) -> HomePage:
    """The shell: the home page, the legal pages and the review workflow."""
    home = ensure_home_page(report)
    ensure_legal_pages(home, report)
    ensure_review_workflow(home, report)
    return home


def setup_hooks() -> list:
    """The ``setup(home, report)`` functions of the apps that declare reference
    content in a ``site_setup`` module, in ``INSTALLED_APPS`` order."""
    hooks = []
    for config in apps.get_app_configs():
        name = f"{config.name}.{SETUP_HOOK}"
        if config.name != "home" and find_spec(config.name) and find_spec(name):
            hooks.append(import_module(name).setup)
    return hooks


@transaction.atomic
def setup_site(report: LoadReport) -> HomePage:
    """The whole production setup: the shell, then every app's reference content."""
    home = load_shell(None, report)
    for hook in setup_hooks():
        hook(home, report)
    return home
