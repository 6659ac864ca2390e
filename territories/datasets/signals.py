"""Sent when an import changes which communes an official list names, inside
the import's transaction: what depends on the lists (the alerts' "votre commune
figure désormais sur la liste …") listens without the importer knowing it."""

from dataclasses import dataclass, field

from django.dispatch import Signal

#: Sent with ``dataset`` (the ``OfficialDataset``) and ``changes`` (``CommuneChanges``).
memberships_changed = Signal()


@dataclass
class CommuneChanges:
    """The communes (INSEE codes) a list now names, no longer names, or names
    otherwise (another entry, another attribute)."""

    added: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)
    changed: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)
