"""The site setup production needs (``manage.py setup_site``), one mechanism for
every app: each app that brings reference content has a ``setup`` module with a
``setup(report)`` function, run in ``INSTALLED_APPS`` order. Home's comes first:
the shell (home page, legal pages and the footer settings pointing at them) and
the "Relecture éditoriale" workflow; then the catalogue's taxonomies, the
engineering offer's kinds… Idempotent: running it twice changes nothing.

This is the ground floor: it imports no content app, it finds their ``setup``
modules. The texts it writes are data (``home/data/site_setup.yaml``), filled
from the settings that name the publisher and the contacts. Demo content lives
in the ``demo`` app, apart, which has no ``setup`` module.
"""

from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
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

from core import public_url
from core.data_files import read_yaml
from core.upsert import LoadReport, upsert_page
from home.models import FooterSettings, HomePage, StandardPage

SETUP_MODULE = "setup"
DATA = Path(__file__).resolve().parent / "data" / "site_setup.yaml"
#: The settings the legal pages name, by their placeholder in the data file.
LEGAL_SETTINGS = {
    "publisher": "SITE_PUBLISHER",
    "publisher_address": "SITE_PUBLISHER_ADDRESS",
    "publication_director": "SITE_PUBLICATION_DIRECTOR",
    "host": "SITE_HOST",
    "dpo_contact": "SITE_DPO_CONTACT",
    "accessibility_contact": "SITE_ACCESSIBILITY_CONTACT",
}
#: What a legal page says of a setting a non-production configuration leaves empty.
UNKNOWN = "à vérifier"


def site_texts() -> dict:
    return read_yaml(DATA)


def legal_context(site: Site) -> dict:
    """The values of the placeholders of the legal pages."""
    context = {name: getattr(settings, setting, "") or UNKNOWN for name, setting in LEGAL_SETTINGS.items()}
    return context | {
        "site_name": site.site_name or site.hostname,
        "declaration_date": date_format(timezone.localdate(), "j F Y"),
        "confirmation_days": settings.ENGINEERING_CONFIRMATION_DAYS,
        "retention_days": settings.ENGINEERING_RETENTION_DAYS,
        "alerts_confirmation_days": settings.ALERTS_CONFIRMATION_DAYS,
        "alerts_mail_retention_days": settings.ALERTS_SENT_MAIL_RETENTION_DAYS,
    }


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
        home = HomePage(**site_texts()["home_page"])
        root.add_child(instance=home)
        home.save_revision().publish()
        report.created += 1
    else:
        report.unchanged += 1
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        hostname, port = public_url.site_hostname_and_port()
        Site.objects.create(
            hostname=hostname, port=port, root_page=home, is_default_site=True, site_name="ANCT"
        )
        return home
    public_url.keep_site_in_step(site)
    if site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "ANCT"
        site.save()
        if old_root.depth == 2 and old_root.specific_class is not HomePage:
            old_root.delete()
    return home


def ensure_legal_pages(home: HomePage, report: LoadReport) -> None:
    """The legal pages and the footer's links to them. A page's body is written
    while it is empty, so the text an editor changed stays."""
    site = home.get_site()
    context = legal_context(site)
    footer = FooterSettings.for_site(site)
    footer_changed = False
    for data in site_texts()["legal_pages"]:
        page = upsert_page(
            home,
            StandardPage,
            data["slug"],
            report,
            fields={
                "title": data["title"],
                "introduction": f"<p>{data['introduction'].format_map(context)}</p>",
                "show_in_menus": False,
            },
        )
        if not len(page.body):
            page.body = [
                {
                    "type": "text",
                    "value": f"<h2>{section['heading']}</h2>{section['html'].format_map(context)}",
                }
                for section in data["sections"]
            ]
            page.save_revision().publish()
        if getattr(footer, f"{data['footer']}_id") != page.pk:
            setattr(footer, data["footer"], page)
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
def load_shell(report: LoadReport) -> HomePage:
    """The shell: the home page, the legal pages and the review workflow."""
    home = ensure_home_page(report)
    ensure_legal_pages(home, report)
    ensure_review_workflow(home, report)
    return home


def setup(report: LoadReport) -> None:
    """Home's part of the site setup (its ``setup`` hook)."""
    load_shell(report)


def setup_steps() -> list[tuple[str, object]]:
    """(label, function) of every app with a ``setup`` module, in
    ``INSTALLED_APPS`` order; the project's own apps only. A module names its
    steps in ``STEPS`` when it has several (each reported apart), otherwise its
    ``setup`` function is the app's one step."""
    steps = []
    for config in apps.get_app_configs():
        name = f"{config.name}.{SETUP_MODULE}"
        if Path(config.path).is_relative_to(settings.BASE_DIR) and find_spec(name):
            module = import_module(name)
            steps.extend(getattr(module, "STEPS", None) or [(config.label, module.setup)])
    return steps


@transaction.atomic
def setup_site(report: LoadReport, *, each=None) -> HomePage:
    """The whole production setup, every app's step in turn; ``each(label,
    step_report)`` hears how each went. Returns the home page."""
    for label, step in setup_steps():
        step_report = LoadReport()
        step(step_report)
        report.add(step_report)
        if each:
            each(label, step_report)
    return HomePage.objects.first()
