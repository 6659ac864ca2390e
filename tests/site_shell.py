"""The site shell the tests build on: home page, legal pages and footer settings on
the default site, answering the test client's host. Shared by the ``home_page``
fixture and the wider fixtures (a class's, a module's) that build their content once."""

from wagtail.models import Site

from home.setup import LoadReport, load_shell


def site_shell():
    """The shell's home page, the default site's hostname set to ``testserver``."""
    home = load_shell(LoadReport())
    site = Site.objects.get(is_default_site=True)
    site.hostname = "testserver"
    site.save()
    return home
