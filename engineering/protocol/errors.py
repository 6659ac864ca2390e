"""The refusals of the workflow: an illegal transition is an error, never a no-op."""


class TransitionError(Exception):
    """A refused transition, with a French message for the person who tried."""


class IllegalTransition(TransitionError):
    """The action does not exist or does not leave from the request's state."""


class TransitionForbidden(TransitionError):
    """The actor holds no role allowed to take this action on this request."""


class InvalidTransitionData(TransitionError):
    """The action's form refused the data; ``form`` carries the errors to show."""

    def __init__(self, message, form):
        super().__init__(message)
        self.form = form
