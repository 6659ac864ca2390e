"""How far a pacte has come, counted from its actions (the progress bar of the
pacte page, the API and the listing cards)."""

from dataclasses import dataclass
from decimal import Decimal

from .axis import ActionStatus

ENGAGED_STATUSES = (ActionStatus.IN_PROGRESS, ActionStatus.DONE)


@dataclass(frozen=True)
class PacteProgress:
    """How far a pacte has come, from its actions. ``budget_engaged`` is the
    budget of the actions started or done (the money actually put to work)."""

    total: int = 0
    done: int = 0
    in_progress: int = 0
    budget_total: Decimal | None = None
    budget_engaged: Decimal | None = None

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @classmethod
    def from_actions(cls, actions) -> "PacteProgress":
        """Progress of in-memory actions (preview of unsaved edits)."""
        actions = list(actions)
        budgets = [a.budget for a in actions if a.budget is not None]
        engaged = [a.budget for a in actions if a.budget is not None and a.status in ENGAGED_STATUSES]
        return cls(
            total=len(actions),
            done=sum(1 for a in actions if a.status == ActionStatus.DONE),
            in_progress=sum(1 for a in actions if a.status == ActionStatus.IN_PROGRESS),
            budget_total=sum(budgets) if budgets else None,
            budget_engaged=sum(engaged) if engaged else None,
        )
