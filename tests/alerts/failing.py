"""A mail backend whose server refuses every message, to see the outbox retry."""

from django.core.mail.backends.base import BaseEmailBackend


class FailingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("refused by the test server")
