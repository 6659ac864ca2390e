"""Which entries of the public fact sheet each programme page shows, in the
site's own words (provenance in ``catalogue/data/README.md``).

A line is ``(key, (index, start of the entry's field), label, value[, public])``
in the sheet group of its programme. Values are as the source gives them, never
rounded or added up; quotes are never published. A version that disagrees with
another is loaded unpublished (``public=False``) for editors to check; where
two sources disagree and neither is official, neither is published. The
Programme montagne has no entry: the sheet found no source for it.
"""

PROGRAMME_FACTS = {
    "petites-villes-de-demain": (
        "pvd",
        [
            ("lancement", (0, "launch date, place"), "Lancement", "le 1er octobre 2020 à Barentin (76)"),
            (
                "objectif-initial",
                (1, "initial target"),
                "Objectif au lancement",
                "1 000 communes et intercommunalités ; 3 Md€ sur six ans, dont 250 M€ d’appui en ingénierie",
            ),
            (
                "lancement-autre-date",
                (2, "launch date — DISAGREES"),
                "Lancement (autre date)",
                "1er novembre 2020",
                False,
            ),
            ("communes", (4, "communes & progress (June 2022)"), "Communes du programme", "1 646 communes"),
            (
                "resultat-2024",
                (6, "financial result"),
                "Montants engagés",
                "3,7 Md€ engagés pour les 1 646 communes, dont 1,4 Md€ de l’État et 1,9 Md€ de l’Anah",
            ),
            (
                "communes-2023",
                (5, "communes & progress (April 2023)"),
                "Villes (autre décompte)",
                "1 604 villes",
                False,
            ),
            (
                "communes-2023-bis",
                (7, "communes accompanied"),
                "Communes (autre décompte)",
                "1 643 communes",
                False,
            ),
        ],
    ),
    "action-coeur-de-ville": (
        "action_coeur_de_ville",
        [
            ("villes", (0, "launch & number"), "Villes de la première phase", "222 villes"),
            (
                "communes",
                (2, "territories vs communes"),
                "Territoires et communes",
                "222 territoires, soit 234 communes ; 5 Md€ sur 5 ans (2018-2022)",
            ),
            (
                "engage-2021",
                (4, "phase 1 progress"),
                "Montants engagés (première phase)",
                "3,8 Md€ sur 5 Md€",
            ),
            ("phase-2", (5, "phase 2"), "Deuxième phase", "5 Md€ supplémentaires de 2022 à 2026"),
            (
                "lancement-decembre",
                (1, "launch date — DIFFERS"),
                "Lancement (autre date)",
                "décembre 2017",
                False,
            ),
        ],
    ),
    "france-services": (
        "france_services",
        [
            ("lancement", (0, "announcement date"), "Annonce", "le 25 avril 2019"),
            (
                "espaces-2022",
                (1, "number of structures (Jan 2022)"),
                "Espaces France services",
                "1 745 ouverts depuis janvier 2020, et 310 nouvellement labellisés ; objectif de 2 500 fin 2022",
            ),
            ("espaces-2024", (3, "number of structures (Cour"), "Espaces France services", "2 840 espaces"),
        ],
    ),
    "territoires-d-industrie": (
        "territoires_industrie",
        [
            ("lancement", (0, "launch & initial"), "Lancement", "le 22 novembre 2018, avec 124 territoires"),
            ("territoires-2022", (2, "number (end 2022)"), "Territoires", "149 territoires, 16 186 communes"),
            (
                "territoires-2023",
                (3, "number (phase 2"),
                "Territoires lauréats (2023-2027)",
                "183 territoires",
            ),
        ],
    ),
    "france-tres-haut-debit": (
        "france_tres_haut_debit",
        [
            ("soutien-etat", (2, "State support (Jan 2021)"), "Soutien de l’État", "3,57 Md€"),
        ],
    ),
    "france-mobile": (
        "france_mobile_new_deal",
        [
            (
                "new-deal",
                (3, "link with former"),
                "Dispositif",
                "le New Deal mobile a remplacé l’ancien dispositif France Mobile",
            ),
            (
                "couverture-4g",
                (2, "progress (2020)"),
                "Couverture 4G",
                "96 % de la population par au moins un opérateur, 76 % par les quatre",
            ),
            ("sites-4g", (4, "progress (30 Sept 2024)"), "Nouveaux sites 4G multi-opérateurs", "3 231 sites"),
        ],
    ),
    "inclusion-numerique": (
        "inclusion_numerique",
        [
            (
                "objectif",
                (0, "objective & budget"),
                "Conseillers numériques France Services",
                "objectif de 4 000 conseillers ; 200 M€",
            ),
            ("enveloppe", (1, "total France Relance"), "Enveloppe France Relance", "250 M€"),
            ("resultat-2023", (3, "result (Feb 2023"), "Conseillers recrutés et formés", "4 000"),
        ],
    ),
    "nouveaux-lieux-nouveaux-liens": (
        "nouveaux_lieux_fabriques",
        [
            (
                "fabriques-2021",
                (1, "result 2020-2021"),
                "Tiers-lieux labellisés et financés (2020-2021)",
                "300 tiers-lieux, 45 M€",
            ),
            ("fabriques-2023", (2, "2023 wave"), "Nouvelles Fabriques de territoire en 2023", "82"),
        ],
    ),
    "cites-educatives": (
        "cites_educatives",
        [
            ("cites", (0, "number over time"), "Cités éducatives", "200"),
            ("budget", (1, "2021 wave"), "Engagement de l’État (2019-2022)", "230 M€"),
            ("budget-2019", (2, "budget (2019"), "Budget annoncé en 2019", "100 M€", False),
        ],
    ),
    "agenda-rural": (
        "agenda_rural",
        [
            (
                "mesures",
                (3, "follow-up"),
                "Mesures",
                "181 mesures, revues au deuxième comité interministériel aux ruralités",
            ),
            (
                "mesures-autre",
                (2, "number of measures — DISAGREES"),
                "Mesures (autre décompte)",
                "173 mesures",
                False,
            ),
        ],
    ),
}
