"""Inserting many new rows at once: ``COPY`` on PostgreSQL, ``bulk_create`` elsewhere.

Why: the reference imports write tens of thousands of rows (35,000 communes, 130,000
memberships of the official lists). Django's ``bulk_create`` builds an ``INSERT``
whose values PostgreSQL receives as arrays, and prepares every value through the
query compiler; ``COPY … FROM STDIN`` streams the rows as they are, which PostgreSQL
documents as the fastest way to load a table. The rows are model instances built
as for ``bulk_create`` (defaults, ``pre_save``), and their values prepared by their
fields as an ``INSERT`` would; what is written is the same. As with ``bulk_create``,
no signal is sent; unlike it, the new rows' primary keys are not read back, so a
caller that needs them uses ``bulk_create``.
"""

from django.db import connections, router
from django.db.models.fields import AutoFieldMixin

#: Fields whose Python value psycopg writes as an INSERT would: preparing them through
#: the field (about a third of the time of a large import) changes nothing.
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


def insert_rows(model, objs, batch_size: int = 1000) -> None:
    """Write ``objs`` (new instances of ``model``) as new rows, in one transaction."""
    if not objs:
        return
    alias = router.db_for_write(model)
    connection = connections[alias]
    if connection.vendor != "postgresql":
        model.objects.using(alias).bulk_create(objs, batch_size=batch_size)
        return
    fields = [f for f in model._meta.concrete_fields if not (isinstance(f, AutoFieldMixin) and f.primary_key)]
    quote = connection.ops.quote_name
    statement = "COPY {} ({}) FROM STDIN".format(
        quote(model._meta.db_table), ", ".join(quote(f.column) for f in fields)
    )
    prepared = [f.get_internal_type() not in AS_THEY_ARE for f in fields]
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for obj in objs:
            values = [f.pre_save(obj, True) for f in fields]
            copy.write_row(
                [
                    f.get_db_prep_save(v, connection) if p else v
                    for f, v, p in zip(fields, values, prepared, strict=True)
                ]
            )
