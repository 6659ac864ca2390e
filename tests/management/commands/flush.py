"""``flush`` for the test suite: empties every table but the reference data.

A transactional test (live server, browser) ends with ``flush``, which would
empty the territorial reference data and the official lists too: 35,000
communes and 130,000 list rows that the next test needing them re-imports
(about a minute each time). They are the same for every test and no test
changes them outside its own transaction, so the tables of the apps named by
``TEST_PRESERVED_APPS`` (the reference data, imported once per session) are
left out of the flush. Only the test settings install this command.
"""

from django.apps import apps
from django.conf import settings
from django.core.management.commands import flush
from django.db import connections


class Command(flush.Command):
    def handle(self, **options):
        preserved = {
            model._meta.db_table
            for label in getattr(settings, "TEST_PRESERVED_APPS", [])
            for model in apps.get_app_config(label).get_models(include_auto_created=True)
        }
        introspection = connections[options["database"]].introspection
        every_table = introspection.django_table_names

        def flushed_tables(*args, **kwargs):
            return [table for table in every_table(*args, **kwargs) if table not in preserved]

        introspection.django_table_names = flushed_tables
        try:
            super().handle(**options)
        finally:
            del introspection.django_table_names
