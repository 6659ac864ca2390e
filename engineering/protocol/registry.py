"""The register of the protocol's actions: each action is declared once, with
everything the site needs to know about it, as Django's ``admin.site.register``
or Wagtail's ``register_snippet`` collect their declarations.

An ``Action`` carries its state change (from, to), the roles allowed to take
it, the form that validates its data, its side effects, the emails it sends,
its label for the staff and its label on the requester's status page. The
workflow, the staff views, the emails and the public status page all read this
one register (filled by ``engineering.protocol.actions``).
"""

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Notice:
    """One email an action sends: ``templates/engineering/emails/<template>.txt``
    (subject on the first line, a blank line, then the body), to the holders of
    role ``to``. ``context`` adds to the template's context (request, log…)."""

    template: str
    to: str
    context: Callable[[Any, Any], dict] | None = None


@dataclass(frozen=True)
class Action:
    name: str
    label: str  # for the staff: button, timeline, messages
    public_label: str | Mapping[str, str]  # status page step; per target state when it varies
    sources: frozenset
    target: str | Callable | None  # a state, a function of the cleaned data, or None: stays
    roles: frozenset
    form_class: type | None = None
    apply: Callable | None = None  # writes related records; may raise TransitionError
    guard: Callable | None = None  # returns a French message when the action is not possible now
    notices: tuple[Notice, ...] = ()
    triage_decision: bool = False  # the délégué's first orientation (the triage delay)

    def target_for(self, data, current: str) -> str:
        """The state after the action; ``current`` when the action records a step
        without moving the request (a target of None)."""
        if self.target is None:
            return current
        return self.target(data) if callable(self.target) else self.target

    def targets(self) -> set:
        """Every state the action can lead to (a decision's depends on its outcome)."""
        if self.target is None:
            return set(self.sources)
        if callable(self.target):
            return set(self.public_label)
        return {self.target}

    def step_label(self, to_state: str) -> str:
        """What the requester reads for this step on the status page."""
        label = self.public_label
        return str(label[to_state] if isinstance(label, Mapping) else label)


class ActionRegistry(Mapping):
    """Actions by name; a name declared twice is an error, not an override."""

    def __init__(self):
        self._actions: dict[str, Action] = {}

    def register(self, name: str, *, sources, roles, **declaration) -> Action:
        if name in self._actions:
            raise ValueError(f"Action declared twice: {name}")
        action = Action(name=name, sources=frozenset(sources), roles=frozenset(roles), **declaration)
        self._actions[name] = action
        return action

    def __getitem__(self, name: str) -> Action:
        return self._actions[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._actions)

    def __len__(self) -> int:
        return len(self._actions)

    def label(self, name: str) -> str:
        """The staff label of ``name``, or the name itself for a retired action."""
        action = self._actions.get(name)
        return str(action.label) if action else name


#: The protocol's actions (declared in ``engineering.protocol.actions``).
actions = ActionRegistry()
register = actions.register
