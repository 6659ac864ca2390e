"""The admin login form, throttled (``WAGTAILADMIN_USER_LOGIN_FORM``)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from . import throttling


def limit(name: str) -> int:
    """Failed logins allowed per window, or the window: declared in ``config/settings``."""
    return getattr(settings, name)


class ThrottledLoginForm(LoginForm):
    """Wagtail's login form that stops checking passwords after too many
    failures for one account or from one address, with a French message that
    says how long to wait. A success clears the account's counter."""

    error_messages = {
        **LoginForm.error_messages,
        "invalid_login": _("Identifiant ou mot de passe incorrect. Vérifiez-les et réessayez."),
        "throttled": _(
            "Trop de tentatives de connexion ont échoué. Par sécurité, la connexion est "
            "suspendue pendant %(minutes)s minutes : réessayez plus tard ou réinitialisez "
            "votre mot de passe."
        ),
    }

    def clean(self):
        username = (self.data.get("username") or "")[:254]
        ip = throttling.client_ip(self.request)
        if throttling.count("login-account", username) >= limit(
            "LOGIN_FAILURES_PER_ACCOUNT"
        ) or throttling.count("login-ip", ip) >= limit("LOGIN_FAILURES_PER_IP"):
            raise ValidationError(
                self.error_messages["throttled"],
                code="throttled",
                params={"minutes": limit("LOGIN_THROTTLE_SECONDS") // 60},
            )
        try:
            cleaned = super().clean()
        except ValidationError:
            window = limit("LOGIN_THROTTLE_SECONDS")
            throttling.add_one("login-account", username, window)
            throttling.add_one("login-ip", ip, window)
            raise
        throttling.forget("login-account", username)
        return cleaned
