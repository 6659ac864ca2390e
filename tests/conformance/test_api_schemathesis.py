"""Schemathesis, from the OpenAPI document the API publishes: every GET operation,
with data generated from the document (valid and invalid), passes all its checks
(no server error, documented status codes and content types, answers that match
their schema, invalid data refused with a 4xx, valid data accepted...). It calls the
site's WSGI application in the test's own database, on the demo content."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings

from .conftest import HOST

# The document as the API serves it (its view reads no database).
schema = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json", get_wsgi_application(), headers={"Host": HOST}
).include(method="GET")


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_get_operation_passes_all_schemathesis_checks(case, demo_site):
    case.call_and_validate(headers={"Host": HOST})
