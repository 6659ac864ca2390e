"""Programme pages: where they live, how editors create, edit and publish them in
the Wagtail admin, and the French messages that refuse invalid input."""

import datetime
import json

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from catalogue.models import BeneficiaryType, Partner, PublicPolicy, TerritoryType, Theme
from catalogue.setup import setup as load_reference_taxonomies
from home.models import HomePage, StandardPage
from home.setup import LoadReport, load_shell
from news.models import NewsPage
from programmes.models import ProgrammeFaqItem, ProgrammeIndexPage, ProgrammePage, RelatedProgramme
from tests.factories import PartnerFactory, ProgrammePageFactory


class ProgrammePageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = load_shell(LoadReport())
        load_reference_taxonomies(LoadReport())
        PartnerFactory(name="Association des petites villes de France", acronym="APVF")
        cls.index = ProgrammeIndexPage(title="Programmes", slug="programmes")
        cls.home.add_child(instance=cls.index)
        cls.index.save_revision().publish()

    def test_the_index_lives_under_the_home_page_once_and_holds_only_programmes(self):
        self.assertCanCreateAt(HomePage, ProgrammeIndexPage)
        self.assertCanNotCreateAt(StandardPage, ProgrammeIndexPage)
        self.assertAllowedSubpageTypes(ProgrammeIndexPage, {ProgrammePage})
        self.assertAllowedParentPageTypes(ProgrammeIndexPage, {HomePage})
        self.assertFalse(ProgrammeIndexPage.can_create_at(self.home))  # max_count 1, one exists

    def test_a_programme_lives_only_under_the_index_and_takes_only_news_below(self):
        self.assertCanCreateAt(ProgrammeIndexPage, ProgrammePage)
        self.assertCanNotCreateAt(HomePage, ProgrammePage)
        self.assertAllowedParentPageTypes(ProgrammePage, {ProgrammeIndexPage})
        self.assertAllowedSubpageTypes(ProgrammePage, {NewsPage})  # its news (issue 14)

    def test_pages_are_renderable(self):
        programme = ProgrammePageFactory(
            parent=self.index,
            title="Petites villes de demain",
            theme__slug="territoires-et-ruralites",
            public_policy__slug="centres-petites-moyennes-villes",
            partners=Partner.objects.filter(acronym="APVF"),
            eligible_beneficiary_types=BeneficiaryType.objects.filter(slug__in=["communes", "epci"]),
            population_max=20000,
        )
        self.assertPageIsRenderable(self.index)
        self.assertPageIsRenderable(programme)


def chosen(*objects) -> str:
    """What a searchable selector (``AutocompletePanel``) posts for ``objects``."""
    return json.dumps([{"pk": obj.pk, "title": str(obj)} for obj in objects])


def programme_form(**overrides):
    """POST data of the programme edit form (all tabs)."""
    theme = Theme.objects.get(slug="territoires-et-ruralites")
    policy = PublicPolicy.objects.get(slug="centres-petites-moyennes-villes")
    data = {
        "title": "Petites villes de demain",
        "slug": "petites-villes-de-demain",
        "summary": "Programme d'appui aux petites villes.",
        "objectives": rich_text("<ul><li>Revitaliser les centres</li></ul>"),
        "agency_support": ["ingenierie", "reseau"],
        "start_date": "2020-10-01",
        "end_date": "",
        "body": streamfield([("text", rich_text("<p>Présentation.</p>"))]),
        "faq_items": inline_formset([{"question": "Qui ?", "answer": rich_text("<p>Les communes.</p>")}]),
        "documents": inline_formset([]),
        "theme": theme.pk,
        "public_policy": policy.pk,
        "kind": "programme",
        "status": "incubation",
        "partners": [Partner.objects.get(acronym="APVF").pk],
        "related_programme_links": inline_formset([]),
        "facts": inline_formset([]),
        "population_min": "",
        "population_max": "20000",
        # Searchable selectors (AutocompletePanel) post the chosen items as JSON.
        "eligible_territory_types": chosen(TerritoryType.objects.get(slug="petite-ville")),
        "eligible_beneficiary_types": chosen(BeneficiaryType.objects.get(slug="communes")),
        "eligible_regions": chosen(),
        "eligible_departements": chosen(),
        "eligibility_note": "Communes exerçant des fonctions de centralité.",
        "key_figures": streamfield([]),
        "contacts": inline_formset(
            [
                {
                    "name": "",
                    "role": "",
                    "organisation": "Préfecture de la Creuse",
                    "email": "pvd@example.org",
                    "phone": "",
                }
            ]
        ),
        "seo_title": "",
        "search_description": "",
        "listing_summary": "",
    }
    data.update(overrides)
    # nested_form_data would split lists into "name-0" keys: multi-valued fields
    # (checkboxes, multiple selects) are posted as lists beside it.
    multi = {name: data.pop(name) for name in list(data) if isinstance(data[name], list)}
    return {**nested_form_data(data), **multi}


@pytest.mark.django_db
def test_an_editor_creates_edits_and_publishes_a_programme(programme_index, staff_client):
    add_url = reverse("wagtailadmin_pages:add", args=("programmes", "programmepage", programme_index.pk))
    response = staff_client.post(add_url, {**programme_form(), "action-publish": "action-publish"})
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = ProgrammePage.objects.get(slug="petites-villes-de-demain")
    assert page.live and page.status == "incubation" and page.population_max == 20000
    assert page.agency_support == ["ingenierie", "reseau"]
    assert [p.acronym for p in page.partners.all()] == ["APVF"]
    assert page.contacts.get().organisation == "Préfecture de la Creuse"
    assert page.faq_items.get().question == "Qui ?"

    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    form = programme_form(
        title="Petites villes de demain (PVD)",
        status="actif",
        contacts=inline_formset([]),
        faq_items=inline_formset([]),
    )
    # Inline forms of an existing page carry their ids; start from empty lists.
    response = staff_client.post(edit_url, {**form, "action-publish": "action-publish"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Petites villes de demain (PVD)" and page.status == "actif"

    public = staff_client.get(page.url)
    html = public.content.decode().replace("\xa0", " ").replace("\u202f", " ")
    assert "Petites villes de demain (PVD)" in html
    assert "Communes de 20 000 habitants au plus" in html
    assert "Vérifier pour ma commune" in html and 'action="/communes/"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"population_min": "30000", "population_max": "20000"},
            "population_max",
            "La population maximale doit être supérieure ou égale à la population minimale.",
        ),
        (
            {"start_date": "2021-01-01", "end_date": "2020-12-31"},
            "end_date",
            "La date de fin doit être postérieure ou égale à la date de début.",
        ),
        (
            {"public_policy": "__numerique__"},
            "public_policy",
            "Cette politique publique ne relève pas de la thématique choisie.",
        ),
    ],
)
def test_invalid_input_is_refused_with_a_french_message(
    programme_index, staff_client, overrides, field, message
):
    if overrides.get("public_policy") == "__numerique__":
        overrides = {"public_policy": PublicPolicy.objects.get(slug="tres-haut-debit").pk}
    add_url = reverse("wagtailadmin_pages:add", args=("programmes", "programmepage", programme_index.pk))
    response = staff_client.post(add_url, {**programme_form(**overrides), "action-publish": "action-publish"})
    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    assert message in response.content.decode()
    assert not ProgrammePage.objects.exists()


@pytest.mark.django_db
def test_a_programme_page_shows_what_a_citizen_needs(programme_index):
    related = ProgrammePageFactory(
        parent=programme_index,
        title="Action cœur de ville",
        theme__slug="territoires-et-ruralites",
        public_policy__slug="centres-petites-moyennes-villes",
    )
    page = ProgrammePageFactory(
        parent=programme_index,
        title="Petites villes de demain",
        theme__slug="territoires-et-ruralites",
        public_policy__slug="centres-petites-moyennes-villes",
        partners=Partner.objects.filter(acronym="APVF"),
        eligible_beneficiary_types=BeneficiaryType.objects.filter(slug__in=["communes", "epci"]),
        eligible_territory_types=TerritoryType.objects.filter(slug="petite-ville"),
        status="incubation",
        population_max=20000,
        agency_support=["financement", "ingenierie"],
        start_date=datetime.date(2020, 10, 1),
    )
    RelatedProgramme.objects.create(page=page, programme=related)
    ProgrammeFaqItem.objects.create(
        page=page, question="Comment candidater ?", answer="<p>Auprès de la préfecture.</p>"
    )
    html = Page.objects.get(pk=page.pk).specific.serve(_request(page)).render().content.decode()
    for expected in [
        "en incubation",
        "Territoires et ruralités",
        "Pour qui ?",
        "Intercommunalités (EPCI)",
        "Petites villes",
        "Financement",
        "Ingénierie",
        "Association des petites villes de France",
        "Comment candidater ?",
        "fr-accordion",
        "Action cœur de ville",
        "1 octobre 2020",
        "?thematique=territoires-et-ruralites",
    ]:
        assert expected in html, expected


def _request(page):
    from django.test import RequestFactory

    request = RequestFactory().get(page.url)
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    return request
