"""Fixtures of the fuzz suite: the real territorial data, the demo taxonomies,
a few requests and staff users (reused from the engineering tests)."""

import pytest

from tests.engineering.conftest import make_user, people, territories, themes  # noqa: F401


@pytest.fixture(autouse=True)
def generous_limits(settings):
    """Rate limits high enough that the forms' own checks are what is fuzzed."""
    settings.ENGINEERING_RATE_LIMIT_PER_IP = 10**6
    settings.ENGINEERING_RATE_LIMIT_PER_EMAIL = 10**6
    settings.ENGINEERING_STATUS_RATE_LIMIT_PER_IP = 10**6


def assert_no_server_error(response, what):
    assert response.status_code < 500, f"{what[:500]} → HTTP {response.status_code}"
