"""Helpers of the programme tests: a programme factory (the roadmap taxonomies,
the programme index and the admin client are shared, in ``tests/conftest.py``)."""

from catalogue.models import PublicPolicy, Theme
from programmes.models import ProgrammePage


def make_programme(
    index,
    title,
    theme="numerique",
    policy="fracture-numerique",
    partners=(),
    beneficiary_types=(),
    territory_types=(),
    **fields,
):
    """A published programme under ``index`` (taxonomies given by slug/objects)."""
    fields.setdefault("summary", f"Résumé de {title}.")
    page = ProgrammePage(
        title=title,
        theme=Theme.objects.get(slug=theme),
        public_policy=PublicPolicy.objects.get(slug=policy),
        **fields,
    )
    page.partners = list(partners)
    page.eligible_beneficiary_types = list(beneficiary_types)
    page.eligible_territory_types = list(territory_types)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page
