"""The search tests' catalogue: three programmes and an editorial page under the
real site shell, built with ``tests.factories``, and the few communes they name."""

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


# The few communes the search tests name, with their official codes (created unless
# the full reference import is present; population left unknown).
COMMUNES = [
    # INSEE, name, postal codes, département (code, name, TNCC), région (code, name)
    ("08105", "Charleville-Mézières", ["08000"], ("08", "Ardennes", 4), ("44", "Grand Est")),
    ("23096", "Guéret", ["23000"], ("23", "Creuse", 3), ("75", "Nouvelle-Aquitaine")),
]


def reference_communes():
    """The communes of ``COMMUNES`` with their département, région and postal codes."""
    from territories.models import Commune, CommunePostalCode, Departement, Region
    from territories.text import fold

    communes = []
    for code, name, postal_codes, (dep, dep_name, tncc), (reg, reg_name) in COMMUNES:
        region, _ = Region.objects.get_or_create(code=reg, defaults={"name": reg_name, "zone": "metro"})
        departement, _ = Departement.objects.get_or_create(
            code=dep, defaults={"name": dep_name, "region": region, "zone": "metro", "liaison_type": tncc}
        )
        commune, _ = Commune.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "search_name": fold(name),
                "postal_codes": postal_codes,
                "departement": departement,
                "region": region,
                "zone": "metro",
            },
        )
        for postal_code in postal_codes:
            CommunePostalCode.objects.get_or_create(postal_code=postal_code, commune=commune)
        communes.append(commune)
    return communes
