import pytest

from tests.api.conftest import published  # noqa: F401
from tests.territories.conftest import catalogue  # noqa: F401


@pytest.fixture(autouse=True)
def _reference_data_present(real_territories):
    """The catalogue's pactes cover real départements."""
