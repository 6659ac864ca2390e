"""Numbered sources of a page: every fact cites "[n]", and the page ends with
the list of its n sources, each cited once however many facts use it."""


class Citations:
    """Numbers sources in the order they are first cited."""

    def __init__(self):
        self.sources = []
        self._numbers = {}

    def cite(self, source) -> int | None:
        """The number of ``source`` (None for no source)."""
        if source is None:
            return None
        if source.pk not in self._numbers:
            self.sources.append(source)
            self._numbers[source.pk] = len(self.sources)
        return self._numbers[source.pk]

    def number_all(self, rows) -> list:
        """Sets ``ref`` on each row (anything with a ``source``) and returns the rows."""
        rows = list(rows)
        for row in rows:
            row.ref = self.cite(row.source if row.source_id else None)
        return rows

    def items(self) -> list[tuple[int, object]]:
        return list(enumerate(self.sources, start=1))
