"""Training offers: page-type rules, admin editing, validation, upcoming sessions first."""

import datetime

from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from catalogue.models import Partner
from home.models import HomePage
from home.setup import LoadReport, load_shell
from tests.factories import TrainingOfferPageFactory
from training.models import Audience, OfferKind, TrainingIndexPage, TrainingOfferPage


def offer_form_data(**overrides):
    data = {
        "title": "Résilience et transitions",
        "slug": "resilience",
        "kind": OfferKind.TRAINING,
        "summary": "Une formation pour les élus.",
        "status": "actif",
        "format": "mixte",
        "duration_text": "2 jours",
        "registration_url": "https://example.org/inscription",
        "objectives": rich_text("<ul><li>Conduire les transitions</li></ul>"),
        "body": streamfield([]),
        "modules": inline_formset([{"title": "Résilience", "description": ""}]),
        "sessions": inline_formset(
            [
                {"date": "2031-05-12", "place": "Lyon", "is_online": "", "seats": "25"},
                {"date": "2031-06-02", "place": "", "is_online": "on", "seats": ""},
            ]
        ),
    }
    data.update(overrides)
    data = nested_form_data(data)
    # Many-to-many values as tuples: nested_form_data would flatten lists.
    data["audiences"] = tuple(str(a.pk) for a in Audience.objects.all())
    data["partners"] = tuple(str(p.pk) for p in Partner.objects.all())
    return data


class TrainingAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = load_shell(LoadReport())
        Site.objects.filter(is_default_site=True).update(hostname="testserver")
        cls.index = TrainingIndexPage(title="Formations des élus", slug="formations")
        cls.home.add_child(instance=cls.index)
        cls.index.save_revision().publish()
        Audience.objects.get_or_create(slug="elus", defaults={"name": "Élus"})
        Partner.objects.get_or_create(name="Sciences Po")

    def setUp(self):
        self.user = self.login()

    def test_page_type_rules(self):
        self.assertCanCreateAt(HomePage, TrainingIndexPage)
        self.assertCanCreateAt(TrainingIndexPage, TrainingOfferPage)
        self.assertCanNotCreateAt(HomePage, TrainingOfferPage)
        self.assertAllowedSubpageTypes(TrainingIndexPage, {TrainingOfferPage})
        self.assertAllowedSubpageTypes(TrainingOfferPage, {})
        self.assertAllowedParentPageTypes(TrainingOfferPage, {TrainingIndexPage})
        self.assertFalse(TrainingIndexPage.can_create_at(self.home))

    def test_create_publish_and_edit_an_offer(self):
        self.assertCanCreate(self.index, TrainingOfferPage, offer_form_data())
        offer = TrainingOfferPage.objects.get(slug="resilience")
        self.assertTrue(offer.live)
        self.assertEqual([s.place for s in offer.sessions.all()], ["Lyon", ""])
        self.assertEqual([a.slug for a in offer.audiences.all()], ["elus"])
        self.assertPageIsRenderable(offer)
        sessions = list(offer.sessions.all())
        edit_data = offer_form_data(
            title="Résilience et transitions (2e édition)",
            modules=inline_formset([{"id": str(offer.modules.get().pk), "title": "Résilience"}], initial=1),
            sessions=inline_formset(
                [
                    {
                        "id": str(s.pk),
                        "date": s.date.isoformat(),
                        "place": s.place,
                        "is_online": "on" if s.is_online else "",
                        "seats": "" if s.seats is None else str(s.seats),
                    }
                    for s in sessions
                ],
                initial=2,
            ),
        ) | {"action-publish": "action-publish"}
        # The helper reverts the page and logs out afterwards; then edit for real.
        self.assertPageIsEditable(offer, post_data=edit_data)
        self.client.force_login(self.user)
        response = self.client.post(f"/admin/pages/{offer.pk}/edit/", edit_data)
        self.assertRedirects(response, f"/admin/pages/{self.index.pk}/", fetch_redirect_response=False)
        offer = TrainingOfferPage.objects.get(pk=offer.pk)
        self.assertEqual(offer.title, "Résilience et transitions (2e édition)")

        html = self.client.get(offer.url).content.decode()
        self.assertIn("Lyon", html)
        self.assertIn("25 places", html)
        self.assertIn("à distance", html)
        self.assertIn("Sciences Po", html)
        self.assertIn('href="https://example.org/inscription"', html)

    def test_negative_seats_are_refused(self):
        response = self.client.post(
            f"/admin/pages/add/training/trainingofferpage/{self.index.pk}/",
            offer_form_data(
                sessions=inline_formset(
                    [{"date": "2031-05-12", "place": "Lyon", "is_online": "", "seats": "-3"}]
                )
            )
            | {"action-publish": "action-publish"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Le nombre de places ne peut pas être négatif.", response.content.decode())
        self.assertFalse(TrainingOfferPage.objects.exists())

    def test_a_session_needs_a_place_or_online(self):
        response = self.client.post(
            f"/admin/pages/add/training/trainingofferpage/{self.index.pk}/",
            offer_form_data(
                sessions=inline_formset([{"date": "2031-05-12", "place": "", "is_online": "", "seats": ""}])
            )
            | {"action-publish": "action-publish"},
        )
        self.assertIn("Indiquez le lieu de la session ou cochez « à distance ».", response.content.decode())
        self.assertFalse(TrainingOfferPage.objects.exists())


def test_index_shows_upcoming_sessions_first(client, training_index):
    TrainingOfferPageFactory(parent=training_index, title="Sans session")
    TrainingOfferPageFactory(parent=training_index, title="Sessions passées", session_offsets=[-30, -2])
    TrainingOfferPageFactory(parent=training_index, title="Dans deux mois", session_offsets=[-10, 60])
    TrainingOfferPageFactory(parent=training_index, title="La semaine prochaine", session_offsets=[7, 90])

    offers = list(training_index.get_offers())
    assert [o.title for o in offers[:2]] == ["La semaine prochaine", "Dans deux mois"]
    assert {o.title for o in offers[2:]} == {"Sans session", "Sessions passées"}
    assert offers[0].next_session_date == datetime.date.today() + datetime.timedelta(days=7)

    html = client.get(training_index.url).content.decode()
    positions = [html.index(title) for title in ("La semaine prochaine", "Dans deux mois", "Sans session")]
    assert positions == sorted(positions)
    assert "Prochaines sessions à venir" in html


def test_offer_without_sessions_says_sessions_are_coming(client, training_index):
    offer = TrainingOfferPageFactory(
        parent=training_index, title="Module de concertation", kind=OfferKind.CONCERTATION_MODULE
    )
    html = client.get(offer.url).content.decode()
    assert "Prochaines sessions à venir." in html
    assert "module d’ingénierie de la concertation" in html or "module d&#x27;ingénierie" in html
