"""Shared fixtures. Content is built by the same services the demo loader uses,
never taken from migrations."""

import pytest
from wagtail.models import Site

from home.demo import LoadReport, load_shell


@pytest.fixture
def home_page(db):
    """The site shell (home page, legal pages, footer settings) on the default site."""
    home = load_shell(None, LoadReport())
    site = Site.objects.get(is_default_site=True)
    site.hostname = "testserver"
    site.save()
    return home
