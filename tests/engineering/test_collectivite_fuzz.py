"""Property-based: whatever a client posts for the collectivité porteuse (kind,
département, région, name, typed text), the form answers with errors or a saved
request, never a server error, and a saved request names one collectivité that
fits its kind."""

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engineering.models import EngineeringRequest

from .test_public_form import URL, form_data

pytestmark = pytest.mark.django_db

KINDS = st.sampled_from(["", "commune_epci", "departement", "region", "autre", "commune", "x" * 300])
CODES = st.one_of(
    st.sampled_from(["", "08", "2A", "67", "974", "44", "99", "0", "08;"]), st.text(max_size=12)
)
TEXT = st.one_of(st.sampled_from(["", "08105", "Ajaccio", "PETR du Pays sedanais"]), st.text(max_size=250))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=KINDS, departement=CODES, region=CODES, other_name=TEXT, collectivite=TEXT)
def test_any_collectivite_input_is_answered_without_a_server_error(
    client, territories, kind, departement, region, other_name, collectivite
):
    cache.clear()  # the rate limits are not what is tested here
    data = form_data(
        collectivite,
        collectivite_kind=kind,
        departement=departement,
        region=region,
        other_name=other_name,
        requester_email="fuzz@example.fr",
    )
    before = EngineeringRequest.objects.count()
    response = client.post(URL, data)
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        saved = EngineeringRequest.objects.order_by("-pk").first()
        assert EngineeringRequest.objects.count() == before + 1
        assert saved.collectivite_label and saved.assigned_team_id
        if saved.collectivite_kind == "region":
            assert saved.departement.region_id == saved.region_id
    else:
        assert EngineeringRequest.objects.count() == before
