"""The real HTTP cache (Varnish, as `make serve` runs it) in front of the live server:
anonymous pages come from the cache, a publication shows at once, and an editor or a
form page never comes from it."""

import urllib.error
import urllib.request

import pytest
from django.test import Client

from home.models import StandardPage
from home.setup import LoadReport

pytestmark = [pytest.mark.http_cache, pytest.mark.django_db(transaction=True)]


def get(url: str, cookie: str = "", host: str = ""):
    headers = {"Accept-Encoding": "identity", **({"Cookie": cookie} if cookie else {})}
    if host:
        headers["Host"] = host
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
        return response.headers, response.read().decode()


class KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


NO_REDIRECT = urllib.request.build_opener(KeepRedirects)


@pytest.fixture
def news_page(home_page):
    page = StandardPage(title="Appel à projets ouvert", slug="appel-a-projets")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editrice", "editrice@example.org", "motdepasse")


def test_an_anonymous_page_is_served_from_the_cache(http_cache, news_page):
    first, body = get(http_cache + "/appel-a-projets/")
    assert "Appel à projets ouvert" in body
    assert first["X-Cache"] == "MISS"
    assert "public" in first["Cache-Control"] and "s-maxage" in first["Cache-Control"]
    second, again = get(http_cache + "/appel-a-projets/")
    assert second["X-Cache"] == "HIT"
    assert int(second["Age"]) >= 0
    assert again == body


def test_each_name_of_the_site_gets_a_policy_for_its_own_scripts(http_cache, news_page):
    """The policy names the host's static directory: a page cached under one name
    (127.0.0.1) served under another (localhost) would have its scripts refused."""
    port = http_cache.rsplit(":", 1)[1]
    for _round in range(2):
        for host in (f"127.0.0.1:{port}", f"localhost:{port}"):
            headers, _body = get(http_cache + "/appel-a-projets/", host=host)
            assert f"script-src http://{host}/static/" in headers["Content-Security-Policy"], host
    assert headers["X-Cache"] == "HIT"


def test_a_publication_shows_on_the_next_anonymous_request(http_cache, news_page, editor):
    get(http_cache + "/appel-a-projets/")
    get(http_cache + "/")
    assert get(http_cache + "/appel-a-projets/")[0]["X-Cache"] == "HIT"
    assert get(http_cache + "/")[0]["X-Cache"] == "HIT"

    news_page.title = "Appel à projets prolongé jusqu'en mars"
    news_page.save_revision(user=editor).publish(user=editor)

    headers, body = get(http_cache + "/appel-a-projets/")
    assert "Appel à projets prolongé jusqu&#x27;en mars" in body
    assert headers["X-Cache"] == "MISS"
    # The page that lists it (the home page, its parent) was purged too.
    assert get(http_cache + "/")[0]["X-Cache"] == "MISS"


def test_an_unpublished_page_leaves_the_cache(http_cache, news_page, editor):
    get(http_cache + "/appel-a-projets/")
    assert get(http_cache + "/appel-a-projets/")[0]["X-Cache"] == "HIT"
    news_page.unpublish(user=editor)
    with pytest.raises(urllib.error.HTTPError) as gone:
        get(http_cache + "/appel-a-projets/")
    assert gone.value.code == 404


def test_a_logged_in_editor_never_gets_a_cached_page(http_cache, news_page, editor):
    get(http_cache + "/appel-a-projets/")
    assert get(http_cache + "/appel-a-projets/")[0]["X-Cache"] == "HIT"
    client = Client()
    client.force_login(editor)
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    for _ in range(2):
        headers, body = get(http_cache + "/appel-a-projets/", cookie=cookie)
        assert headers["X-Cache"] == "MISS"
        assert "private" in headers["Cache-Control"] and "Cookie" in headers["Vary"]
        assert "wagtail-userbar" in body  # the editor's own toolbar, never shared


def test_a_form_page_never_comes_from_the_cache(http_cache, home_page):
    for _ in range(2):
        headers, body = get(http_cache + "/ingenierie/demande/")
        assert headers["X-Cache"] == "MISS"
        assert "no-store" in headers["Cache-Control"]
        assert "csrfmiddlewaretoken" in body


def test_a_moved_page_leaves_its_old_address_and_both_listings(http_cache, home_page, editor):
    old_section = StandardPage(title="Actualités", slug="actualites")
    new_section = StandardPage(title="Archives", slug="archives")
    for section in (old_section, new_section):
        home_page.add_child(instance=section)
        section.save_revision().publish()
    article = StandardPage(title="Lancement du programme", slug="lancement")
    old_section.add_child(instance=article)
    article.save_revision().publish()
    for path in ("/actualites/lancement/", "/actualites/", "/archives/"):
        get(http_cache + path)
        assert get(http_cache + path)[0]["X-Cache"] == "HIT"

    article.move(new_section, pos="last-child", user=editor)

    # The cached page is gone from the old address: Wagtail's automatic redirect answers.
    with pytest.raises(urllib.error.HTTPError) as moved:
        NO_REDIRECT.open(http_cache + "/actualites/lancement/", timeout=30)
    assert moved.value.code == 301
    assert moved.value.headers["Location"].endswith("/archives/lancement/")
    assert get(http_cache + "/actualites/")[0]["X-Cache"] == "MISS"
    assert get(http_cache + "/archives/")[0]["X-Cache"] == "MISS"
    assert "Lancement du programme" in get(http_cache + "/archives/lancement/")[1]


def test_a_deleted_page_leaves_the_cache_with_its_listing(http_cache, news_page):
    get(http_cache + "/appel-a-projets/"), get(http_cache + "/")
    assert get(http_cache + "/appel-a-projets/")[0]["X-Cache"] == "HIT"
    news_page.delete()
    with pytest.raises(urllib.error.HTTPError) as gone:
        get(http_cache + "/appel-a-projets/")
    assert gone.value.code == 404
    assert get(http_cache + "/")[0]["X-Cache"] == "MISS"


def test_a_page_made_private_leaves_the_cache_at_once(http_cache, news_page):
    """Issue 20: a page made private stayed in the HTTP cache up to 10 minutes."""
    from wagtail.models import PageViewRestriction

    get(http_cache + "/appel-a-projets/")
    assert get(http_cache + "/appel-a-projets/")[0]["X-Cache"] == "HIT"
    PageViewRestriction.objects.create(page=news_page, restriction_type=PageViewRestriction.LOGIN)
    with pytest.raises(urllib.error.HTTPError) as private:
        NO_REDIRECT.open(http_cache + "/appel-a-projets/", timeout=30)
    assert private.value.code == 302 and "/login/" in private.value.headers["Location"]


def test_a_document_whose_collection_becomes_private_leaves_the_cache_at_once(http_cache, home_page):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.models import Collection, CollectionViewRestriction

    root = Collection.get_first_root_node() or Collection.add_root(name="Root")  # flushed by a live test
    collection = root.add_child(name="Comptes rendus")
    document = get_document_model()(title="Compte rendu", collection=collection)
    document.file.save("compte-rendu.pdf", ContentFile(b"%PDF-1.7 compte rendu"), save=True)
    get(http_cache + document.url)
    assert get(http_cache + document.url)[0]["X-Cache"] == "HIT"
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    with pytest.raises(urllib.error.HTTPError) as private:
        NO_REDIRECT.open(http_cache + document.url, timeout=30)
    assert private.value.code == 302


def revalidate(url: str, etag: str):
    """A browser's revalidation: the page again, if it is no longer ``etag``."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "identity", "If-None-Match": etag})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as answer:  # urllib reports a 304 as an error
        return answer.code, answer.headers, answer.read()


def test_a_browser_revalidates_through_the_cache_and_gets_a_304(http_cache, news_page, editor):
    headers, body = get(http_cache + "/appel-a-projets/")
    etag = headers["ETag"]
    assert etag and "max-age=0" in headers["Cache-Control"]  # browsers ask again each time

    # From the cache's copy.
    status, again, content = revalidate(http_cache + "/appel-a-projets/", etag)
    assert (status, again["X-Cache"], content) == (304, "HIT", b"")

    # The cache purged (here by a publication that changes nothing visible): the app's
    # answer, with the same ETag since the page is the same, still makes a 304.
    news_page.save_revision(user=editor).publish(user=editor)
    status, again, content = revalidate(http_cache + "/appel-a-projets/", etag)
    assert (status, again["X-Cache"], content) == (304, "MISS", b"")

    # A real change: the new page, with a new ETag.
    news_page.title = "Appel à projets clos"
    news_page.save_revision(user=editor).publish(user=editor)
    status, again, content = revalidate(http_cache + "/appel-a-projets/", etag)
    assert status == 200 and "Appel à projets clos" in content.decode()
    assert again["ETag"] != etag


def test_a_news_item_published_under_a_programme_shows_on_the_news_index_and_the_feeds(
    http_cache, home_page, editor
):
    """The news index lists items that are not its children (those of the
    programmes and pactes), and the feeds list them all: both are purged too."""
    from news.models import NewsPage
    from news.setup import ensure_news_index
    from programmes.models import ProgrammeIndexPage, ProgrammePage

    ensure_news_index(home_page, LoadReport())
    programmes = ProgrammeIndexPage(title="Programmes", slug="programmes")
    home_page.add_child(instance=programmes)
    programmes.save_revision().publish()
    programme = ProgrammePage(title="Petites villes de demain", slug="pvd", summary="Résumé.")
    programmes.add_child(instance=programme)
    programme.save_revision().publish()
    for path in ("/actualites/", "/flux/rss.xml", f"/flux/{programme.pk}/atom.xml", "/programmes/pvd/"):
        get(http_cache + path)
        assert get(http_cache + path)[0]["X-Cache"] == "HIT", path

    item = NewsPage(title="Cent nouvelles petites villes", introduction="Chapô.")
    programme.add_child(instance=item)
    item.save_revision(user=editor).publish(user=editor)

    for path in ("/actualites/", "/flux/rss.xml", f"/flux/{programme.pk}/atom.xml", "/programmes/pvd/"):
        headers, body = get(http_cache + path)
        assert headers["X-Cache"] == "MISS", path
        assert "Cent nouvelles petites villes" in body, path
