"""Staff accounts. A separate app because the custom user model must exist before
the first migration (changing AUTH_USER_MODEL later is painful), and it fits none
of the content apps."""
