"""Schemathesis, from the OpenAPI document the API publishes: every GET operation,
with data generated from the document (valid and invalid), passes all its checks
(no server error, documented status codes and content types, answers that match
their schema, invalid data refused with a 4xx, valid data accepted...). It calls the
site's WSGI application in the test's own database, on the demo content."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from .conftest import HOST

# The document as the API serves it (its view reads no database).
schema = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json", get_wsgi_application(), headers={"Host": HOST}
).include(method="GET")


@pytest.fixture
def connection_kept_between_requests():
    """The site's WSGI application closes the database connection before and after each answer
    (``close_old_connections``); in a test that connection holds the test's
    transaction, and PostgreSQL would lose it. Django's test client keeps it open
    the same way."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_get_operation_passes_all_schemathesis_checks(
    case, demo_site, connection_kept_between_requests
):
    case.call_and_validate(headers={"Host": HOST})
