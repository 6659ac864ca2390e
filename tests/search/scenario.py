"""The search tests' catalogue: three programmes and an editorial page under the
real site shell, built with ``tests.factories``."""

from tests.factories import (
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
    PublicPolicyFactory,
    StandardPageFactory,
    ThemeFactory,
)


def taxonomy():
    city = ThemeFactory(name="Politique de la ville", slug="politique-de-la-ville", sort_order=1)
    rural = ThemeFactory(name="Territoires et ruralités", slug="territoires-ruralites", sort_order=2)
    return {
        "city": city,
        "rural": rural,
        "centres": PublicPolicyFactory(
            theme=rural, name="Revitalisation des centres-villes", slug="revitalisation-centres"
        ),
        "education": PublicPolicyFactory(theme=city, name="Éducation", slug="education"),
    }


NATIONAL = " Programme national d'appui."


def catalogue(home):
    """Three programmes and an editorial page, enough for facets and accents."""
    tax = taxonomy()
    index = ProgrammeIndexPageFactory(parent=home)
    pages = {
        "acv": ProgrammePageFactory(
            parent=index,
            title="Action cœur de ville",
            slug="action-coeur-de-ville",
            theme=tax["rural"],
            public_policy=tax["centres"],
            status="actif",
            summary="Redynamiser les centres des villes moyennes, avec Villes de France." + NATIONAL,
        ),
        "pvd": ProgrammePageFactory(
            parent=index,
            title="Petites villes de demain",
            slug="petites-villes-de-demain",
            theme=tax["rural"],
            public_policy=tax["centres"],
            status="actif",
            summary="Donner aux élus des petites villes les moyens de leurs projets de territoire."
            + NATIONAL,
        ),
        "cites": ProgrammePageFactory(
            parent=index,
            title="Cités éducatives",
            slug="cites-educatives",
            theme=tax["city"],
            public_policy=tax["education"],
            status="incubation",
            summary="Fédérer les acteurs de l'éducation dans les quartiers prioritaires." + NATIONAL,
        ),
        "engineering": StandardPageFactory(
            parent=home,
            title="L'offre d'ingénierie sur mesure",
            slug="ingenierie",
            listing_summary="L'agence appuie les collectivités qui manquent d'ingénierie pour leurs projets.",
        ),
    }
    return tax, index, pages
