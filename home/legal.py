"""The body of the legal pages every public form needs, written by the site
setup and then left to editors: "Mentions légales" from the settings that name
the publisher, the director of publication and the host, and the accessibility
declaration on the model of the RGAA (numerique.gouv.fr), with what the test
suite measured and what it does not cover. The "Données personnelles" page is
filled by the engineering app, which knows the processing and its delays."""

from django.conf import settings


def _sections(sections) -> list[dict]:
    return [{"type": "text", "value": f"<h2>{title}</h2>{text}"} for title, text in sections]


def legal_notice_blocks() -> list[dict]:
    return _sections(
        [
            (
                "Éditeur",
                f"<p>{settings.SITE_PUBLISHER}. Adresse : {settings.SITE_PUBLISHER_ADDRESS}.</p>",
            ),
            ("Directeur ou directrice de la publication", f"<p>{settings.SITE_PUBLICATION_DIRECTOR}.</p>"),
            ("Hébergement", f"<p>{settings.SITE_HOST}.</p>"),
            (
                "Données personnelles",
                "<p>Le traitement des demandes d'appui en ingénierie est décrit sur la page « Données "
                "personnelles » du site.</p>",
            ),
        ]
    )


#: What the browser tests of the suite check (tests/browser/test_key_pages_accessibility.py).
AUTOMATED_TEST = (
    "axe-core 4.11.0 (règles WCAG 2.1, niveaux A et AA), à 1 280 et à 375 pixels de large, sur les "
    "pages : accueil, programmes (liste, filtre par thématique, Petites villes de demain), pactes "
    "(liste, pacte Ardennes), formations, offre d'ingénierie, recherche (avec et sans résultat), "
    "recherche de commune, page d'une commune, formulaire de demande d'appui en ingénierie."
)


def accessibility_blocks(site_name: str) -> list[dict]:
    """The RGAA model declaration. The site has had no RGAA audit: its status is
    "non conforme" and the conformity rate is not stated; the automated results
    are what the test suite measures on every run."""
    return _sections(
        [
            (
                "Déclaration d'accessibilité",
                f"<p>{settings.SITE_PUBLISHER} s'engage à rendre son site internet accessible "
                "conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration "
                f"d'accessibilité s'applique au site {site_name}.</p>",
            ),
            (
                "État de conformité",
                "<p>Le site est <b>non conforme</b> au référentiel général d'amélioration de "
                "l'accessibilité (RGAA) : il n'a pas encore fait l'objet d'un audit de conformité.</p>",
            ),
            (
                "Résultats des tests",
                "<p>Taux de conformité au RGAA : non mesuré (aucun audit). Tests automatisés, repris à "
                f"chaque version du site : {AUTOMATED_TEST} Résultat : aucune anomalie détectée par "
                "l'outil. Le formulaire de demande d'appui est aussi essayé avec et sans JavaScript "
                "(résumé des erreurs, focus) et renseigne la finalité des champs personnels "
                "(critère 11.13).</p>",
            ),
            (
                "Contenus non accessibles",
                "<ul><li>Non-conformités connues : les critères qui demandent un jugement humain "
                "(pertinence des alternatives textuelles, des titres et des intitulés de liens, "
                "restitution par les lecteurs d'écran) n'ont pas été évalués : à vérifier.</li>"
                "<li>Les documents joints par les collectivités ou les partenaires (PDF, tableurs) "
                "peuvent ne pas être accessibles : à vérifier document par document.</li>"
                "<li>Dérogations pour charge disproportionnée : aucune.</li></ul>",
            ),
            (
                "Établissement de cette déclaration",
                "<p>Technologies utilisées : HTML, CSS, JavaScript (système de design de l'État). "
                "Environnement de test : navigateur Chromium. Outils : axe-core. Date de la "
                "déclaration : à vérifier lors de la mise en ligne.</p>",
            ),
            (
                "Retour d'information et contact",
                "<p>Si vous n'arrivez pas à accéder à un contenu ou à un service, contactez le "
                f"responsable du site : {settings.SITE_ACCESSIBILITY_CONTACT}, pour être orienté vers une "
                "alternative accessible ou obtenir le contenu sous une autre forme.</p>",
            ),
            (
                "Voies de recours",
                "<p>Si vous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un contenu "
                "ou à un service et que vous n'avez pas obtenu de réponse satisfaisante, vous pouvez "
                "écrire un message au Défenseur des droits, contacter le délégué du Défenseur des droits "
                "dans votre région, ou envoyer un courrier (gratuit, sans timbre) : Défenseur des droits, "
                "Libre réponse 71120, 75342 Paris CEDEX 07.</p>",
            ),
        ]
    )
