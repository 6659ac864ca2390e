"""The admin's login and password reset forms, limited by the site's well-kept pieces.

Login (``WAGTAILADMIN_USER_LOGIN_FORM``): django-axes locks an account *for one client
address* after ``AXES_FAILURE_LIMIT`` failures (so no one can lock an editor out from
elsewhere), and django-ratelimit, the site's one rate limiter, slows down an address that
fails on many accounts. Either way the form says in French how long to wait, and no
password is checked meanwhile."""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.template import loader
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import get_usage
from wagtail.admin.forms.auth import LoginForm, PasswordResetForm

logger = logging.getLogger(__name__)


def cool_off_seconds() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds())


def failures_from_address(request, increment: bool) -> dict | None:
    rate = (settings.LOGIN_FAILURES_PER_IP, cool_off_seconds())
    return get_usage(request, group="admin-login-ip", key="ip", rate=rate, increment=increment)


class ThrottledLoginForm(LoginForm):
    error_messages = {
        **LoginForm.error_messages,
        "invalid_login": _("Identifiant ou mot de passe incorrect. Vérifiez-les et réessayez."),
        "throttled": _(
            "Trop de tentatives de connexion ont échoué. Par sécurité, la connexion est "
            "suspendue pendant %(minutes)s minutes : réessayez plus tard ou réinitialisez "
            "votre mot de passe."
        ),
    }

    def _throttled(self):
        return ValidationError(
            self.error_messages["throttled"], code="throttled", params={"minutes": cool_off_seconds() // 60}
        )

    def clean(self):
        usage = failures_from_address(self.request, increment=False)
        if usage is not None and usage["count"] >= usage["limit"]:
            raise self._throttled()
        try:
            return super().clean()
        except ValidationError:
            failures_from_address(self.request, increment=True)
            if getattr(self.request, "axes_locked_out", False):
                raise self._throttled() from None
            raise


class QueuedPasswordResetForm(PasswordResetForm):
    """Wagtail's password reset form (``WAGTAILADMIN_USER_PASSWORD_RESET_FORM``), limited
    per client address and per e-mail address by django-ratelimit, its mail written to the
    outbox (``QUEUED_EMAIL_BACKEND``) and sent by the task worker with retries: a silent
    mail server never holds the request, and a failure never loses the mail. Over the
    limit nothing is sent and the page says the same as always (it never tells whether
    an account exists); the link in the mail is on ``SITE_BASE_URL``."""

    def save(self, *args, request=None, **kwargs):
        email = (self.cleaned_data.get("email") or "").strip().lower()
        if request is not None and self._over_the_limit(request, email):
            logger.warning(
                "Réinitialisation de mot de passe refusée : trop de demandes (adresse ou courriel)."
            )
            return
        return super().save(*args, request=request, **kwargs)

    @staticmethod
    def _over_the_limit(request, email: str) -> bool:
        per_ip = get_usage(
            request,
            group="password-reset-ip",
            key="ip",
            rate=(settings.PASSWORD_RESETS_PER_IP, 3600),
            increment=True,
        )
        per_email = get_usage(
            request,
            group="password-reset-email",
            key=lambda _group, _request: email,
            rate=(settings.PASSWORD_RESETS_PER_EMAIL, 3600),
            increment=True,
        )
        return any(usage and usage["should_limit"] for usage in (per_ip, per_email))

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        connection = get_connection(settings.QUEUED_EMAIL_BACKEND)
        EmailMessage(subject, body, from_email, [to_email], connection=connection).send()
