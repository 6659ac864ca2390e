"""django-axes' check of failed logins (``AUTHENTICATION_BACKENDS``, first)."""

from axes.backends import AxesBackend


class LoginAttemptsBackend(AxesBackend):
    """Refuses a login while its account is locked for the client's address. A login
    without a web request (a management command, ``Client.login`` in tests) comes from
    no client address: there is nothing to count, the next backend decides.

    Built on ``AxesBackend`` (which adds ``ModelBackend.get_user``) rather than the
    standalone class: being first in the list, it is the backend Django's and Wagtail's
    test clients record in the session, and the session must be able to find its user."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)
