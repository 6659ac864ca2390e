"""Spreadsheet exports through Wagtail's own mechanism (``SpreadsheetExportMixin``:
the "Télécharger CSV / XLSX" buttons of a listing), with the one change French
spreadsheet software needs to open a CSV file right."""

import csv

from wagtail.admin.views.mixins import Echo

#: Opens with its accents in spreadsheet software that otherwise guesses Latin-1.
BYTE_ORDER_MARK = "\ufeff".encode()


class FrenchCsvMixin:
    """CSV separated by semicolons (the comma is the French decimal separator)
    and starting with a byte order mark. To be put before the view class that
    holds ``SpreadsheetExportMixin``."""

    csv_delimiter = ";"

    def stream_csv(self, queryset):
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export, delimiter=self.csv_delimiter)
        yield BYTE_ORDER_MARK
        yield writer.writerow({field: self.get_heading(queryset, field) for field in self.list_export})
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))
