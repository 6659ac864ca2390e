"""The signed links of the alerts: confirm a subscription (valid a few days),
unsubscribe in one click, manage one's alerts. Signed with the site's secret
(``django.core.signing``): a forged or altered link fails before any query; a
link to a subscription since deleted finds nothing. The address never appears
in a link: the manage link names a digest of it.

Signatures are URL-safe (letters, digits, ``-``, ``_``, ``:``), which the URL
patterns enforce, so nothing else reaches a view.
"""

from django.conf import settings
from django.core import signing

TOKEN_PATTERN = r"[-_:A-Za-z0-9]{1,300}"
CONFIRM_SALT = "alerts.confirm"
UNSUBSCRIBE_SALT = "alerts.unsubscribe"
MANAGE_SALT = "alerts.manage"


class Expired(Exception):
    """A well-signed confirmation link used too late."""


def confirm_token(subscription) -> str:
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign_object([subscription.pk, subscription.key])


def unsubscribe_token(subscription) -> str:
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object([subscription.pk, subscription.key])


def manage_token(subscription) -> str:
    return signing.Signer(salt=MANAGE_SALT).sign_object(subscription.email_digest)


def _pair(value) -> tuple[int, str] | None:
    if (
        isinstance(value, list)
        and len(value) == 2
        and isinstance(value[0], int)
        and isinstance(value[1], str)
    ):
        return value[0], value[1]
    return None


def read_confirm(token: str) -> tuple[int, str] | None:
    """(pk, key) of a confirmation link; raises ``Expired`` when too old."""
    signer = signing.TimestampSigner(salt=CONFIRM_SALT)
    try:
        return _pair(signer.unsign_object(token, max_age=settings.ALERTS_CONFIRMATION_DAYS * 86400))
    except signing.SignatureExpired as error:
        raise Expired from error
    except (signing.BadSignature, ValueError):
        return None


def read_unsubscribe(token: str) -> tuple[int, str] | None:
    try:
        return _pair(signing.Signer(salt=UNSUBSCRIBE_SALT).unsign_object(token))
    except (signing.BadSignature, ValueError):
        return None


def read_manage(token: str) -> str | None:
    try:
        value = signing.Signer(salt=MANAGE_SALT).unsign_object(token)
    except (signing.BadSignature, ValueError):
        return None
    return value if isinstance(value, str) and len(value) == 64 else None
