"""What the site setup (``setup_site``: every app's ``setup`` step) gives the
engineering offer (kinds of engineering, legal pages) and the sample requests of
``make run SAMPLE_REQUESTS=1``."""

import csv
import io

import pytest
from django.core.management import call_command
from wagtail.models import Site

from engineering.models import EngineeringKind, EngineeringRequest, LocalCommitteeReport, RequestState
from engineering.samples import SAMPLES
from engineering.setup import ENGINEERING_KINDS
from home.models import FooterSettings

from .test_public_form import URL, form_data
from .test_staff_views import ADMIN

pytestmark = pytest.mark.django_db


def setup_engineering():  # the site setup, whose engineering step loads the kinds
    out = io.StringIO()
    call_command("setup_site", stdout=out)
    return out.getvalue()


def test_the_setup_loads_the_kinds_of_the_roadmap_once_and_keeps_edits(client, territories):
    assert not EngineeringKind.objects.exists()
    assert "5 créé(s)" in setup_engineering()
    html = client.get(URL).content.decode()
    for _key, name, description in ENGINEERING_KINDS:
        assert f"{name} : {description}".replace("'", "&#x27;") in html
    kind = EngineeringKind.objects.get(key="ligne-credits")
    kind.name = "Financement d'études"
    kind.save()
    EngineeringKind.objects.filter(key="a-determiner").update(is_offered=False)  # withdrawn by an editor
    EngineeringKind.objects.get(key="missions-etat").delete()  # a deleted kind comes back
    output = setup_engineering()
    assert "1 créé(s)" in output and "0 mis à jour" in output
    assert EngineeringKind.objects.get(key="ligne-credits").name == "Financement d'études"
    assert EngineeringKind.objects.count() == 5
    html = client.get(URL).content.decode()
    assert "Financement d&#x27;études" in html and "Je ne sais pas encore" not in html


def test_a_kind_an_editor_created_with_the_same_name_is_adopted(territories):
    EngineeringKind.objects.create(name="Mission d'experts de l'État", description="Texte de l'éditeur")
    assert "1 mis à jour" in setup_engineering()
    kind = EngineeringKind.objects.get(key="missions-etat")
    assert kind.description == "Texte de l'éditeur" and EngineeringKind.objects.count() == 5


def test_a_chosen_kind_is_kept_with_the_request(client, territories):
    setup_engineering()
    kind = EngineeringKind.objects.get(key="operateurs-premier-cercle")
    assert client.post(URL, form_data(engineering_kinds=[kind.pk])).status_code == 302
    assert list(EngineeringRequest.objects.get().engineering_kinds.all()) == [kind]


def _body_text(page) -> str:
    return " ".join(str(block.value) for block in page.specific.body)


def test_the_legal_pages_are_filled_from_the_settings_and_the_configured_delays(client, settings):
    settings.ENGINEERING_RETENTION_DAYS = 730
    settings.ENGINEERING_CONFIRMATION_DAYS = 5
    settings.SITE_DPO_CONTACT = "dpd@example.gouv.fr"
    setup_engineering()
    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    personal = _body_text(footer.personal_data_page)
    for heading in [
        "Responsable du traitement",
        "Finalité",
        "Base légale",
        "Données traitées",
        "Durée de conservation",
        "Destinataires",
        "Vos droits",
    ]:
        assert f"<h2>{heading}</h2>" in personal
    assert "730 jours" in personal and "5 jours" in personal and "dpd@example.gouv.fr" in personal
    notice = _body_text(footer.legal_notice_page)
    assert settings.SITE_PUBLISHER in notice and settings.SITE_HOST in notice
    assert "Directeur ou directrice de la publication" in notice
    declaration = _body_text(footer.accessibility_page)
    for heading in [
        "État de conformité",
        "Résultats des tests",
        "Contenus non accessibles",
        "Voies de recours",
    ]:
        assert f"<h2>{heading}</h2>" in declaration
    assert "axe-core 4.11.0" in declaration and "<b>non conforme</b>" in declaration
    response = client.get(footer.personal_data_page.url)
    assert response.status_code == 200 and "730 jours" in response.content.decode()


def test_an_edited_legal_page_is_left_alone_by_the_setup(home_page):
    setup_engineering()
    page = FooterSettings.for_site(Site.objects.get(is_default_site=True)).personal_data_page.specific
    page.body = [{"type": "text", "value": "<p>Texte revu par le DPD.</p>"}]
    page.save_revision().publish()
    assert "inchangé" in setup_engineering()
    page.refresh_from_db()
    assert _body_text(page) == "<p>Texte revu par le DPD.</p>"


def test_no_sample_request_without_the_explicit_option(territories, home_page):
    setup_engineering()
    call_command("load_demo_content", stdout=io.StringIO())
    assert not EngineeringRequest.objects.exists()


def test_sample_requests_are_marked_in_every_screen_and_export(client, territories, people):
    out = io.StringIO()
    call_command("load_sample_requests", stdout=out)
    assert f"{len(SAMPLES)} créée(s)" in out.getvalue()
    samples = EngineeringRequest.objects.all()
    assert samples.count() == len(SAMPLES) and all(r.is_sample for r in samples)
    assert {r.collectivite_kind for r in samples} == {"commune", "epci", "departement", "region", "autre"}
    assert LocalCommitteeReport.objects.exists()
    assert samples.filter(state=RequestState.COMMITTEE).exists() and samples.filter(state=RequestState.CLOSED)
    client.force_login(people["admin"])
    listing = client.get(ADMIN).content.decode()
    assert listing.count("w-status--primary") >= len(SAMPLES)
    one = samples.get(collectivite_kind="departement")
    detail = client.get(f"{ADMIN}{one.pk}/").content.decode()
    assert 'id="sample-notice"' in detail and "Demande fictive" in detail
    assert one.collectivite_label.endswith("— exemple") and one.title.startswith("Exemple")
    response = client.get(f"{ADMIN}consolidation/?annee={one.created_at.year}&export=csv")
    export = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(export), delimiter=";"))
    assert sum(int(row["Dont exemples (demandes fictives)"]) for row in rows) == len(SAMPLES)
    call_command("load_sample_requests", stdout=out)
    assert EngineeringRequest.objects.count() == len(SAMPLES)  # idempotent
