"""Inserting many new rows at once: ``COPY`` on PostgreSQL, one prepared ``INSERT``
run over every row elsewhere (SQLite).

Why: the reference imports write tens of thousands of rows (35,000 communes, 130,000
memberships of the official lists). Django's ``bulk_create`` compiles an ``INSERT`` per
batch through the query compiler, which prepares every value again: on SQLite it
batches 999 values at a time (9 s for the official lists’ memberships, 5 s here), and
PostgreSQL receives the values as arrays. Here the statement is written once:
``COPY … FROM STDIN`` on PostgreSQL streams the rows as they are (the fastest way to
load a table, by its documentation); elsewhere one ``INSERT`` with placeholders goes
through the driver's ``executemany``. The rows are model instances built as for
``bulk_create`` (defaults, ``pre_save``), and their values prepared by their fields as
an ``INSERT`` would; what is written is the same. As with ``bulk_create``, no signal is
sent; unlike it, the new rows' primary keys are not read back, so a caller that needs
them uses ``bulk_create``.
"""

from django.db import connections, router, transaction
from django.db.models.fields import AutoFieldMixin

#: Fields whose Python value the drivers (psycopg, sqlite3) write as an INSERT would:
#: preparing them through the field (about a third of the time of a large import)
#: changes nothing.
AS_THEY_ARE = {
    "CharField",
    "TextField",
    "SlugField",
    "BooleanField",
    "IntegerField",
    "SmallIntegerField",
    "BigIntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "PositiveBigIntegerField",
    "ForeignKey",
}


def insert_rows(model, objs) -> None:
    """Write ``objs`` (new instances of ``model``) as new rows, in one transaction."""
    if not objs:
        return
    alias = router.db_for_write(model)
    connection = connections[alias]
    fields = [f for f in model._meta.concrete_fields if not (isinstance(f, AutoFieldMixin) and f.primary_key)]
    prepared = [f.get_internal_type() not in AS_THEY_ARE for f in fields]

    def rows():
        for obj in objs:
            values = [f.pre_save(obj, True) for f in fields]
            yield [
                f.get_db_prep_save(v, connection) if p else v
                for f, v, p in zip(fields, values, prepared, strict=True)
            ]

    quote = connection.ops.quote_name
    table, columns = quote(model._meta.db_table), ", ".join(quote(f.column) for f in fields)
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows():
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(fields))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", list(rows()))
