"""Factories of the test suite, in one place (as wagtail/guide's
``apps/core/factories.py``): taxonomies, the index pages and the pages of each
family, published through a revision as an editor would. Tests build what they
need with these, never with content created by migrations or by the demo loader.

``parent`` is required for pages: ``ProgrammePageFactory(parent=index, title=…)``.
Many-to-many relations are passed as lists (``partners=[…]``) and saved with the
published revision.
"""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from catalogue.models import BeneficiaryType, Partner, PublicPolicy, TerritoryType, Theme
from home.models import StandardPage
from news.models import NewsPage
from pactes.models import PacteAction, PacteAxis, PacteIndexPage, PactePage
from programmes.models import ProgrammeIndexPage, ProgrammePage
from training.models import TrainingIndexPage, TrainingOfferPage, TrainingSession


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Thématique {n}")
    slug = factory.Sequence(lambda n: f"thematique-{n}")
    sort_order = factory.Sequence(int)


class PublicPolicyFactory(DjangoModelFactory):
    class Meta:
        model = PublicPolicy
        django_get_or_create = ("slug",)

    theme = factory.SubFactory(ThemeFactory)
    name = factory.Sequence(lambda n: f"Politique publique {n}")
    slug = factory.Sequence(lambda n: f"politique-{n}")
    sort_order = factory.Sequence(int)


class PartnerFactory(DjangoModelFactory):
    class Meta:
        model = Partner
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Partenaire {n}")


class BeneficiaryTypeFactory(DjangoModelFactory):
    class Meta:
        model = BeneficiaryType
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Bénéficiaire {n}")
    slug = factory.Sequence(lambda n: f"beneficiaire-{n}")


class TerritoryTypeFactory(DjangoModelFactory):
    class Meta:
        model = TerritoryType
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Type de territoire {n}")
    slug = factory.Sequence(lambda n: f"type-{n}")


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page added under ``parent``, then its relations set (``RELATIONS``) and a
    revision published, so it is live with a history as in the admin."""

    RELATIONS: tuple[str, ...] = ()

    class Meta:
        abstract = True
        exclude = ("RELATIONS",)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        relations = {name: kwargs.pop(name) for name in cls.RELATIONS if name in kwargs}
        page = super()._create(model_class, *args, **kwargs)
        for name, objects in relations.items():
            setattr(page, name, list(objects))
        page.save_revision().publish()
        page.refresh_from_db()
        return page


class StandardPageFactory(PublishedPageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Page {n}")


class ProgrammeIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = ProgrammeIndexPage

    title = "Programmes"
    slug = "programmes"


class ProgrammePageFactory(PublishedPageFactory):
    RELATIONS = (
        "partners",
        "eligible_beneficiary_types",
        "eligible_territory_types",
        "eligible_regions",
        "eligible_departements",
        "perimeter_epcis",
    )

    class Meta:
        model = ProgrammePage

    title = factory.Sequence(lambda n: f"Programme {n}")
    summary = factory.LazyAttribute(lambda page: f"Résumé de {page.title}.")
    theme = factory.SubFactory(ThemeFactory)
    public_policy = factory.SubFactory(PublicPolicyFactory, theme=factory.SelfAttribute("..theme"))


class PacteIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = PacteIndexPage

    title = "Pactes et contrats"
    slug = "pactes"


class PactePageFactory(PublishedPageFactory):
    """A pacte; ``actions`` (statuses, or (status, budget) pairs) go in one axis."""

    RELATIONS = ("covered_departements", "covered_arrondissements", "partners")

    class Meta:
        model = PactePage

    title = factory.Sequence(lambda n: f"Pacte {n}")
    summary = factory.LazyAttribute(lambda page: f"Résumé de {page.title}.")

    @factory.post_generation
    def actions(page, create, extracted, **kwargs):
        if not (create and extracted):
            return
        axis = PacteAxis.objects.create(page=page, title=f"Axe de {page.title}", sort_order=0)
        for position, action in enumerate(extracted):
            status, budget = action if isinstance(action, tuple) else (action, None)
            PacteAction.objects.create(
                axis=axis, title=f"Action {position + 1}", status=status, budget=budget, sort_order=position
            )


class TrainingIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = TrainingIndexPage

    title = "Formations des élus"
    slug = "formations"


class TrainingOfferPageFactory(PublishedPageFactory):
    """A training offer; ``session_offsets`` are its sessions' days from today."""

    RELATIONS = ("partners", "audiences")

    class Meta:
        model = TrainingOfferPage

    title = factory.Sequence(lambda n: f"Formation {n}")
    summary = factory.LazyAttribute(lambda page: f"Résumé de {page.title}.")

    @factory.post_generation
    def session_offsets(page, create, extracted, **kwargs):
        if not (create and extracted):
            return
        today = datetime.date.today()
        for position, days in enumerate(extracted):
            TrainingSession.objects.create(
                page=page, date=today + datetime.timedelta(days=days), place="Paris", sort_order=position
            )


class NewsPageFactory(PublishedPageFactory):
    """A news item, published under the news index, a programme or a pacte."""

    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Actualité {n}")
    introduction = factory.LazyAttribute(lambda page: f"Chapô de {page.title}.")
    date = factory.LazyFunction(datetime.date.today)


def make_programme(
    index,
    title,
    theme="territoires-et-ruralites",
    beneficiary_types=(),
    territory_types=(),
    regions=(),
    departements=(),
    **fields,
):
    """A published programme with its taxonomies given by slug and its territories by
    code, as the tests of the finder, the API and the maps read them."""
    from catalogue.models import BeneficiaryType, PublicPolicy, TerritoryType, Theme
    from territories.models import Departement

    theme = Theme.objects.get(slug=theme)
    return ProgrammePageFactory(
        parent=index,
        title=title,
        theme=theme,
        public_policy=PublicPolicy.objects.filter(theme=theme).first(),
        eligible_beneficiary_types=BeneficiaryType.objects.filter(slug__in=beneficiary_types),
        eligible_territory_types=TerritoryType.objects.filter(slug__in=territory_types),
        eligible_regions=list(regions),
        eligible_departements=Departement.objects.filter(code__in=departements),
        **fields,
    )


def make_pacte(index, title, departements=(), **fields):
    """A published pacte covering the départements given by code."""
    from territories.models import Departement

    pacte = PactePageFactory(
        parent=index,
        title=title,
        covered_departements=Departement.objects.filter(code__in=departements),
        **fields,
    )
    pacte.refresh_from_db()
    return pacte


def publish_index(parent, page_class, title: str, slug: str):
    """A published index page of ``page_class`` under ``parent``."""
    index = page_class(title=title, slug=slug)
    parent.add_child(instance=index)
    index.save_revision().publish()
    return index
