"""Shared fixtures. Pages are built with ``tests.factories`` on the site shell
of ``setup_site``, never taken from migrations or from the demo loader; territorial data is the REAL reference data of the
pinned ``@etalab/decoupage-administratif`` package, imported by the command
``make run`` uses."""

import os
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS
from django.test import Client, TransactionTestCase

from catalogue.setup import setup as load_reference_taxonomies
from home.setup import LoadReport
from territories.importer import DEFAULT_PACKAGE_DIR, import_territories, read_version
from territories.models import EPCI, EPT, Arrondissement, Commune, Departement, Region, TerritorialDataImport
from tests.database_snapshot import BASELINE, DatabaseSnapshot
from tests.database_template import attach_copy
from tests.factories import (
    PacteIndexPageFactory,
    PartnerFactory,
    ProgrammeIndexPageFactory,
    TrainingIndexPageFactory,
)
from tests.index_tasks import index_once
from tests.replayed_fixtures import replayed
from tests.site_shell import site_shell


def pytest_configure(config):
    """Compile the French catalogue when its .mo (a build product, not in git) is
    missing or older than the .po, so that a bare ``pytest`` gets French plurals as
    ``make test`` does. Runs before any translation is loaded."""
    for po in Path(__file__).resolve().parent.parent.glob("locale/*/LC_MESSAGES/*.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            subprocess.run(["msgfmt", "--check-format", "-o", str(mo), str(po)], check=True)
    give_each_worker_its_services(config)


def worker_number(config) -> int:
    """0 in a single process; N for pytest-xdist's worker ``gwN``."""
    worker = getattr(config, "workerinput", {}).get("workerid", "gw0")
    return int(worker.removeprefix("gw"))


def give_each_worker_its_services(config):
    """Under pytest-xdist (tests/run.sh) each worker has its own live server port (the
    base port plus its number), and the Varnish and Redis started for that port
    (``HTTP_CACHE_TEST_URLS`` and ``REDIS_TEST_URLS``, one per worker). Without them,
    the serving fixtures start their own for the worker (tests/serving/conftest.py)."""
    number = worker_number(config)
    address = config.getoption("liveserver", None)
    if address and number and address.rpartition(":")[2].isdigit():
        host, _sep, port = address.rpartition(":")
        config.option.liveserver = f"{host}:{int(port) + number}"
    for name in ("HTTP_CACHE_TEST_URL", "REDIS_TEST_URL"):
        urls = os.environ.get(f"{name}S", "").split()
        if number < len(urls):
            os.environ[name] = urls[number]
        elif number:
            os.environ.pop(name, None)  # another worker's: this one starts its own


#: Fixture scopes narrower than the session, widest first: a test using one of them
#: shares that fixture's instance with the other tests of the same package or module.
SHARED_SCOPES = ("package", "module", "class")


def shared_fixture_group(item) -> str | None:
    """The package, module or class whose tests share a fixture instance with ``item``
    (the widest such scope), or ``None`` when its fixtures are per test or per session."""
    scopes = {
        str(getattr(definition.scope, "value", definition.scope)): definition
        for definitions in item._fixtureinfo.name2fixturedefs.values()
        for definition in definitions
    }
    for scope in SHARED_SCOPES:
        if scope in scopes:
            if scope == "package":
                return scopes[scope].baseid or "tests"
            node = item.getparent(pytest.Module if scope == "module" else pytest.Class)
            return node.nodeid if node is not None else None
    return None


def pytest_itemcollected(item):
    """Under pytest-xdist (``--dist loadgroup``, tests/run.sh), the tests that share a
    package, module or class fixture (the demo content loaded once for a module, say)
    run on one worker, one after the other, so the fixture is built once; every other
    test goes to whichever worker is free. Marked as each test is collected:
    pytest-xdist reads the groups when the collection ends."""
    group = shared_fixture_group(item)
    if group:
        item.add_marker(pytest.mark.xdist_group(group))


def touches_the_database(item) -> bool:
    """Whether ``item`` needs the test database (so waits for its template)."""
    cls = getattr(item, "cls", None)
    return (
        item.get_closest_marker("django_db") is not None
        or "django_db_setup" in getattr(item, "fixturenames", ())
        or (cls is not None and issubclass(cls, TransactionTestCase))
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """The order pytest-xdist hands the tests out in (``--no-loadscope-reorder``,
    tests/run.sh and ``make test-fast``): first the tests that need no database, then
    the tests marked ``long_running`` (the migration test, 20 to 30 s alone: handed out
    last, it ended the run while the other worker had nothing left), then the groups
    of shared fixtures, largest first, then the rest.

    Why: every test of the database waits for the template database, which is built
    while pytest starts when its migrations or reference data changed (36 s on
    SQLite, tests/database_template.py); the workers run the others meanwhile instead
    of waiting. After them, the order is pytest-xdist's own (largest groups first, so
    that no long group starts last). Runs after the deselection by marker."""
    sizes = Counter(group.args[0] for item in items if (group := item.get_closest_marker("xdist_group")))

    def size(item) -> int:
        group = item.get_closest_marker("xdist_group")
        return sizes[group.args[0]] if group else 1

    items.sort(
        key=lambda item: (
            touches_the_database(item),
            item.get_closest_marker("long_running") is None,
            -size(item),
        )
    )


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    """The reference and search index updates of a fixture's setup run once per
    object, when it is built (tests/index_tasks.py)."""
    with index_once():
        return (yield)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: fragments (menu, footer, cards, commune
    evaluations) are keyed by a content version that pages built by factories without
    publishing do not bump, so one test's fragment must not reach the next."""
    cache.clear()
    yield
    cache.clear()


def pytest_unconfigure(config):
    """Remove the temporary attachment folder of the test settings."""
    from django.conf import settings

    root = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
    if root is not None and Path(root).name.startswith("anct-test-attachments-"):
        shutil.rmtree(root, ignore_errors=True)


#: The tables of an import, each checked against the import's own count: a test that
#: migrates the schema back and forth (tests/architecture/test_migrations.py) may
#: leave one of them empty while the communes are still there.
REFERENCE_TABLES = {
    "regions": Region,
    "departements": Departement,
    "arrondissements": Arrondissement,
    "epci": EPCI,
    "ept": EPT,
    "communes": Commune,
}


def ensure_territorial_data():
    """Import the reference data unless the database already holds a complete
    import of the pinned version; return that import (``.version``, ``.rejected``)."""
    last = TerritorialDataImport.objects.order_by("-imported_at").first()
    if (
        last is not None
        and last.version == read_version(DEFAULT_PACKAGE_DIR)
        and all(model.objects.count() == last.counts.get(key) for key, model in REFERENCE_TABLES.items())
    ):
        return last
    return import_territories()


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker):
    """In place of pytest-django's: this process's test database is a copy of the
    template built once with the migrations and the reference data
    (tests/database_template.py). Its other rows, as the migrations wrote them, are
    kept to be put back by each flush (``BASELINE``)."""
    suffix = getattr(request.config, "workerinput", {}).get("workerid", "main")
    with django_db_blocker.unblock():
        detach = attach_copy(suffix, progress=lambda message: None)
        BASELINE[DEFAULT_DB_ALIAS] = DatabaseSnapshot.take()
    yield
    with django_db_blocker.unblock():
        detach()


@pytest.fixture(scope="session")
def territorial_data(django_db_setup, django_db_blocker):
    """The real reference data, imported and committed once for the session."""
    with django_db_blocker.unblock():
        return ensure_territorial_data()


@pytest.fixture
def real_territories(territorial_data, django_db_blocker):
    """The real reference data, present for this test. A transactional test (live
    server) flushes every table when it ends: the data is then imported again, before
    the next test that asks for it opens its transaction."""
    with django_db_blocker.unblock():
        if not Commune.objects.exists():
            return ensure_territorial_data()
    return territorial_data


@pytest.fixture
@replayed
def home_page(db):
    """The site shell (home page, legal pages, footer settings) on the default site."""
    return site_shell()


@pytest.fixture
@replayed
def taxonomies(db):
    """The reference taxonomies of the site setup (thématiques, politiques
    publiques, beneficiary and territory types) and two partners."""
    load_reference_taxonomies(LoadReport())
    PartnerFactory(name="Association des petites villes de France", acronym="APVF", kind="association_elus")
    PartnerFactory(name="Villes de France", kind="association_elus")


@pytest.fixture
@replayed
def programme_index(home_page, taxonomies):
    return ProgrammeIndexPageFactory(parent=home_page)


@pytest.fixture
@replayed
def pacte_index(home_page):
    return PacteIndexPageFactory(parent=home_page)


@pytest.fixture
@replayed
def training_index(home_page):
    return TrainingIndexPageFactory(parent=home_page)


@pytest.fixture
def staff_client(db, django_user_model):
    """A client logged in as a superuser editor of the Wagtail admin."""
    user = django_user_model.objects.create_superuser("editrice", "editrice@example.org", "motdepasse")
    client = Client()
    client.force_login(user)
    return client
