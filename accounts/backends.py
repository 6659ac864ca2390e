"""django-axes' check of failed logins (``AUTHENTICATION_BACKENDS``, first)."""

from axes.backends import AxesStandaloneBackend


class LoginAttemptsBackend(AxesStandaloneBackend):
    """Refuses a login while its account is locked for the client's address. A login
    without a web request (a management command, ``Client.login`` in tests) comes from
    no client address: there is nothing to count, the next backend decides."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)
