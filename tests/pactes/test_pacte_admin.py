"""Editors create, edit and publish pactes in the Wagtail admin; invalid input
is refused with a French message."""

import datetime
import json
from decimal import Decimal

from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from catalogue.models import Partner, Source
from home.models import HomePage
from home.setup import LoadReport, load_shell
from news.models import NewsPage
from pactes.models import ActionStatus, PacteIndexPage, PactePage
from territories.models import Departement


def pacte_form_data(**overrides):
    """POST data of the pacte editor: every tab, with one line in each inline."""
    data = {
        "title": "Pacte Ardennes",
        "slug": "pacte-ardennes",
        "summary": "Un pacte pour les Ardennes.",
        "status": "termine",  # ended on 15 March 2022 (end_date): a status coherent with the dates
        "body": streamfield([]),
        "territory_label": "",
        # The searchable selector posts the chosen rows as JSON.
        "covered_departements": json.dumps([{"pk": "08", "title": "Ardennes (08)"}]),
        "covered_arrondissements": "null",  # what the selector posts when nothing is chosen
        "covered_communes": "",
        "perimeter": "complet",
        "perimeter_epcis": "[]",
        "signature_date": "2019-03-15",
        "duration_months": "36",
        "end_date": "2022-03-15",
        "total_amount": "1000000",
        "signatories": inline_formset(
            [
                {
                    "organisation": "Conseil départemental des Ardennes",
                    "signatory_name": "",
                    "signatory_role": "Président",
                },
            ]
        ),
        "fundings": inline_formset(
            [{"partner": str(Partner.objects.get(name="ADEME").pk), "amount": "250000"}]
        ),
        "axes": inline_formset(
            [
                {
                    "title": "Développer l'attractivité",
                    "description": "",
                    "actions": inline_formset(
                        [
                            {
                                "title": "Action réalisée",
                                "owner": "Préfecture",
                                "budget": "100",
                                "status": "realisee",
                            },
                            {"title": "Action réalisée bis", "owner": "", "budget": "", "status": "realisee"},
                            {"title": "Action prévue", "owner": "", "budget": "50", "status": "prevue"},
                        ]
                    ),
                }
            ]
        ),
        "milestones": inline_formset([{"date": "2019-03-15", "label": "Signature", "done": "on"}]),
        "documents": inline_formset([]),
        "facts": inline_formset([]),
        "progress_reports": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def edit_form_data(pacte, action_status=None):
    """POST data of the editor for an existing pacte (inline lines keep their ids)."""
    axis = pacte.axes.get()
    return pacte_form_data(
        signatories=inline_formset(
            [{"id": str(s.pk), "organisation": s.organisation} for s in pacte.signatories.all()],
            initial=pacte.signatories.count(),
        ),
        fundings=inline_formset(
            [
                {"id": str(f.pk), "partner": str(f.partner_id), "amount": str(f.amount)}
                for f in pacte.fundings.all()
            ],
            initial=pacte.fundings.count(),
        ),
        milestones=inline_formset(
            [
                {"id": str(m.pk), "date": m.date.isoformat(), "label": m.label, "done": "on"}
                for m in pacte.milestones.all()
            ],
            initial=pacte.milestones.count(),
        ),
        axes=inline_formset(
            [
                {
                    "id": str(axis.pk),
                    "title": axis.title,
                    "description": "",
                    "actions": inline_formset(
                        [
                            {
                                "id": str(a.pk),
                                "title": a.title,
                                "owner": a.owner,
                                "budget": "" if a.budget is None else str(a.budget),
                                "status": action_status or a.status,
                            }
                            for a in axis.actions.all()
                        ],
                        initial=axis.actions.count(),
                    ),
                }
            ],
            initial=1,
        ),
    )


class PacteAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = load_shell(LoadReport())
        Site.objects.filter(is_default_site=True).update(hostname="testserver")
        cls.index = PacteIndexPage(title="Pactes et contrats", slug="pactes")
        cls.home.add_child(instance=cls.index)
        cls.index.save_revision().publish()
        Departement.objects.get_or_create(code="08", defaults={"name": "Ardennes"})
        Partner.objects.get_or_create(name="ADEME")

    def setUp(self):
        self.user = self.login()

    def post_new_pacte(self, **overrides):
        return self.client.post(
            f"/admin/pages/add/pactes/pactepage/{self.index.pk}/",
            {**pacte_form_data(**overrides), "action-publish": "action-publish"},
        )

    def test_page_type_rules(self):
        self.assertCanCreateAt(HomePage, PacteIndexPage)
        self.assertCanCreateAt(PacteIndexPage, PactePage)
        self.assertCanNotCreateAt(HomePage, PactePage)
        self.assertAllowedSubpageTypes(PacteIndexPage, {PactePage})
        self.assertAllowedSubpageTypes(PactePage, {NewsPage})  # its news (issue 14)
        self.assertAllowedParentPageTypes(PactePage, {PacteIndexPage})
        self.assertAllowedParentPageTypes(PacteIndexPage, {HomePage})
        # max_count = 1: a second pacte index cannot be added.
        self.assertFalse(PacteIndexPage.can_create_at(self.home))

    def test_create_publish_and_edit_a_pacte_with_nested_actions(self):
        self.assertCanCreate(self.index, PactePage, pacte_form_data())
        pacte = PactePage.objects.get(slug="pacte-ardennes")
        self.assertTrue(pacte.live)
        self.assertEqual(pacte.total_amount, Decimal("1000000"))
        self.assertEqual([d.pk for d in pacte.covered_departements.all()], ["08"])
        self.assertEqual([d.pk for d in pacte.eligible_departements.all()], ["08"])
        axis = pacte.axes.get()
        self.assertEqual(axis.actions.count(), 3)
        self.assertEqual(pacte.progress().done, 2)
        self.assertPageIsRenderable(pacte)
        self.assertPageIsEditable(pacte, post_data=edit_form_data(pacte))

        html = self.client.get(pacte.url).content.decode()
        self.assertIn("2 actions sur 3 réalisées", html)
        self.assertIn("Conseil départemental des Ardennes", html)
        self.assertIn("Signature", html)

    def test_edit_marks_an_action_done(self):
        self.assertCanCreate(self.index, PactePage, pacte_form_data())
        pacte = PactePage.objects.get(slug="pacte-ardennes")
        data = edit_form_data(pacte, action_status=ActionStatus.DONE)
        data["action-publish"] = "action-publish"
        response = self.client.post(f"/admin/pages/{pacte.pk}/edit/", data)
        self.assertRedirects(response, f"/admin/pages/{self.index.pk}/", fetch_redirect_response=False)
        self.assertEqual(PactePage.objects.get(pk=pacte.pk).progress().done, 3)
        self.assertIn("3 actions sur 3 réalisées", self.client.get(pacte.url).content.decode())

    def assertRefused(self, response, message):
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn(message, html)
        self.assertFalse(PactePage.objects.filter(slug="pacte-ardennes").exists())

    def test_partner_amounts_above_the_total_are_refused(self):
        response = self.post_new_pacte(total_amount="100000")
        self.assertRefused(response, "dépasse le montant total du pacte")
        self.assertIn("250\u00a0000,00", response.content.decode())

    def test_negative_amounts_are_refused(self):
        self.assertRefused(self.post_new_pacte(total_amount="-5"), "Le montant ne peut pas être négatif.")
        self.assertRefused(
            self.post_new_pacte(
                fundings=inline_formset(
                    [{"partner": str(Partner.objects.get(name="ADEME").pk), "amount": "-1"}]
                )
            ),
            "Le montant ne peut pas être négatif.",
        )

    def test_end_date_before_signature_is_refused(self):
        self.assertRefused(
            self.post_new_pacte(signature_date="2020-01-01", end_date="2019-12-31"),
            "La date de fin doit être postérieure ou égale à la date de signature.",
        )

    def test_a_status_the_dates_contradict_is_refused(self):
        self.assertRefused(
            self.post_new_pacte(status="actif", end_date="2022-03-15"),
            "La date de fin est passée : le pacte ne peut pas être « en cours ».",
        )
        self.assertRefused(
            self.post_new_pacte(
                status="termine", end_date=str(datetime.date.today() + datetime.timedelta(days=400))
            ),
            "La date de fin n’est pas passée : le pacte n’est pas « terminé ».",
        )

    def test_unknown_commune_code_is_refused(self):
        response = self.post_new_pacte(covered_communes=json.dumps([{"pk": "99999", "title": "?"}]))
        self.assertRefused(response, "99999 n’en fait pas partie")

    def test_a_territory_choice_that_is_not_the_selectors_json_gets_a_french_error(self):
        """A tampered or truncated value is refused with the field's own message,
        never a server error nor a silently empty choice."""
        for posted, message in [
            ("99999", "Sélectionnez un choix valide. 99999 n’en fait pas partie."),
            ("pas du json", "Sélectionnez un choix valide. pas du json n’en fait pas partie."),
            ("[1, ", "Sélectionnez un choix valide."),
            ('{"title": "sans code"}', "Sélectionnez un choix valide."),
            ("[[]]", "Saisissez une liste de valeurs."),
        ]:
            with self.subTest(posted=posted):
                self.assertRefused(self.post_new_pacte(covered_communes=posted), message)

    def test_a_published_figure_needs_its_date_and_its_source_shows_on_the_page(self):
        source = Source.objects.create(
            publisher="Région Grand Est",
            title="Pacte Ardennes",
            url="https://www.grandest.fr/pacte-ardennes/",
        )
        fact = {"label": "Montant total", "value": "91,72 M€", "as_of": "", "as_of_precision": "jour"}
        fact |= {"source": str(source.pk), "public": "on", "key": ""}
        response = self.post_new_pacte(facts=inline_formset([fact]))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Un chiffre doit indiquer la date qu")
        self.assertFalse(PactePage.objects.exists())

        response = self.post_new_pacte(facts=inline_formset([{**fact, "as_of": "2021-03-15"}]))
        self.assertEqual(response.status_code, 302)
        html = self.client.get(PactePage.objects.get().url).content.decode()
        self.assertIn("91,72 M€", html)
        self.assertIn('<time datetime="2021-03-15">au 15 mars 2021</time>', html)
        self.assertIn('id="source-1"', html)
        self.assertIn("https://www.grandest.fr/pacte-ardennes/", html)
