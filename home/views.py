"""Site-wide views that are not pages: the HTML site map, robots.txt and the error pages."""

from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from wagtail.models import Page, Site

from core.public_url import absolute_url


def site_map(request):
    """The "plan du site" the footer must link to: every live public page, by depth."""
    site = Site.find_for_request(request)
    pages = []
    if site is not None:
        root = site.root_page
        pages = list(
            Page.objects.live()
            .public()
            .descendant_of(root, inclusive=True)
            .filter(depth__lte=root.depth + 2)
            .order_by("path")
            .only("title", "url_path", "depth", "path")
        )
        base_depth = root.depth
        for page in pages:
            page.relative_depth = page.depth - base_depth
    return render(request, "home/site_map.html", {"pages": pages, "title": "Plan du site"})


def page_not_found(request, exception=None):
    return render(request, "404.html", {"title": "Page non trouvée"}, status=404)


def server_error(request):
    """Rendered without context processors or database access: whatever broke
    may be the database itself."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"request": request, "is_error_page": True}))


def robots_txt(request):
    """Everything public may be crawled, except the admin, the request forms and
    the alerts' personal links; the sitemap is given as an absolute address, as
    the standard asks."""
    sitemap = absolute_url(reverse("sitemap_xml"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /ingenierie/",
        "Disallow: /alertes/",
        "Allow: /",
        f"Sitemap: {sitemap}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
