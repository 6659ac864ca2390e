"""``/flux/``: the site's news feeds, and one pair per programme or pacte by page id."""

from django.urls import path

from . import feeds

app_name = "news"
urlpatterns = [
    path("rss.xml", feeds.SiteNewsFeed(), name="rss"),
    path("atom.xml", feeds.SiteNewsAtom(), name="atom"),
    path("<int:page_id>/rss.xml", feeds.PageNewsFeed(), name="page_rss"),
    path("<int:page_id>/atom.xml", feeds.PageNewsAtom(), name="page_atom"),
]
