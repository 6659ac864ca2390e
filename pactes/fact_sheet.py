"""Which entries of the public fact sheet each pacte page shows, in the site's
own words (``catalogue/data/README.md`` says where the sheet comes from).

Each line names its sheet entry (group, index, start of its field: checked on
load) and the sentence the site writes from it: values as the source gives
them, never rounded or added up; quotes are never published. A version that
disagrees with an official source is loaded unpublished (``public=False``) so
editors keep it for checking. What no source gives ("not found") is absent and
the page says "non communiqué".
"""

# (sheet group, index, start of the entry's "field")
ARD, CRE, SAT, NIE, ERBM = "ardennes", "creuse", "sambre_avesnois_thierache", "nievre", "bassin_minier_erbm"

PACTE_FACTS = {
    "pacte-ardennes": {
        "group": ARD,
        "signature_date": "2019-03-15",
        "facts": [
            ("signature", (1, "signature date and"), "Signature", "le 15 mars 2019"),
            (
                "signature-annoncee",
                (5, "planned signing"),
                "Date de signature annoncée",
                "14 mars 2019",
                False,
            ),
            ("fiches", (25, "number of fiches"), "Fiches", "89 fiches-actions et 53 fiches-projets"),
            ("montant-total", (27, "total amount & State"), "Montant total", "91,72 M€"),
            (
                "part-etat",
                (27, "total amount & State"),
                "Part de l’État",
                "35,6 M€, dont 14,8 M€ déjà engagés",
            ),
            (
                "gouvernance",
                (29, "governance (official)"),
                "Gouvernance",
                "une gouvernance durable réunissant l’État, les collectivités et les partenaires locaux",
            ),
        ],
        "progress": [
            {
                "entry": (26, "progress (March 2021)"),
                "unit": "fiches-actions",
                "done": 41,
                "in_progress": 37,
                "total": 89,
            },
        ],
        "signatories": [
            ((1, "signature date and"), "État", "Ministre des Solidarités et de la Santé"),
            ((1, "signature date and"), "État", "Ministre chargé des Collectivités territoriales"),
        ],
        "axes": [
            ((14, "objectives (4) — wording B"), "Mobiliser et renforcer les compétences des Ardennais"),
            (
                (14, "objectives (4) — wording B"),
                "Construire une valorisation d’excellence des patrimoines ardennais, bâtis, naturels et culturels",
            ),
            (
                (14, "objectives (4) — wording B"),
                "Donner de l’avance aux filières économiques ardennaises face aux mutations en cours",
            ),
            ((14, "objectives (4) — wording B"), "Accentuer les conditions du bien-vivre dans les Ardennes"),
        ],
        "milestones": [
            (
                (11, "origin / mandate"),
                "2018-08-23",
                "Lettre de mission du Premier ministre au préfet des Ardennes",
            ),
            ((1, "signature date and"), "2019-03-15", "Signature du pacte"),
        ],
    },
    "plan-creuse": {
        "group": CRE,
        "signature_date": "2019-04-05",
        "facts": [
            ("signature", (0, "signature date, place"), "Signature", "le 5 avril 2019 à Felletin"),
            ("duree", (9, "duration"), "Durée", "2019-2022", True, "2025-05-22"),
            (
                "projets",
                (16, "number of projects"),
                "Projets à l’adoption",
                "118 projets, dont 96 engagements de l’État",
            ),
            (
                "financement-etat",
                (20, "final amount & progress"),
                "Financement",
                "60 M€, plus 20 M€ du plan de relance",
            ),
            (
                "montant-annonce",
                (18, "total amount at signature"),
                "Montant annoncé à la signature",
                "80 M€ de l’État",
                False,
            ),
        ],
        "progress": [
            {
                "entry": (20, "final amount & progress"),
                "unit": "actions et engagements",
                "statement": "81 % des actions et engagements réalisés",
            },
        ],
        "signatories": [
            ((2, "signatory (official"), "État", "Premier ministre"),
        ],
        "axes": [
            (
                (13, "axes titles 1-2"),
                "Accompagner les évidences liées à une image forte et portée du territoire",
            ),
            (
                (13, "axes titles 1-2"),
                "Soutenir les entreprises innovantes, créer, développer et conforter les activités de niche "
                "productrices de valeur ajoutée et d’emplois sur le territoire",
            ),
            ((14, "axes titles 3-5"), "Accentuer les conditions du bien vivre en Creuse"),
            ((14, "axes titles 3-5"), "De grands enjeux transversaux et des solutions envisagées"),
            ((14, "axes titles 3-5"), "Évaluer l’efficacité du plan de manière transparente"),
        ],
        "milestones": [
            ((8, "origin"), "2017-10-17", "Réunion à l’Élysée avec les élus de la Creuse"),
            ((0, "signature date, place"), "2019-04-05", "Signature du plan à Felletin"),
            ((26, "successor"), "2025-05-22", "Signature du deuxième plan pour la Creuse (2024-2026)"),
        ],
    },
    "pacte-sambre-avesnois-thierache": {
        "group": SAT,
        "signature_date": "2018-11-07",
        "facts": [
            (
                "signature",
                (0, "official name, signature"),
                "Signature",
                "le 7 novembre 2018 à Sars-Poteries (Nord)",
            ),
            ("communes", (8, "territory — communes & population"), "Nombre de communes", "311"),
            (
                "population",
                (8, "territory — communes & population"),
                "Population",
                "plus de 305 000 habitants",
            ),
            ("duree", (9, "duration (official)"), "Durée", "3 ans"),
            ("actions", (12, "number of actions"), "Actions à la signature", "65 actions"),
            ("montant-etat-initial", (13, "initial State amount"), "Engagement de l’État annoncé", "80 M€"),
            ("departement-nord", (16, "Département du Nord"), "Apport du Département du Nord", "185 M€"),
            ("montant-investi", (14, "amount invested"), "Montant investi", "314,7 M€"),
        ],
        "signatories": [
            ((2, "signatories (institutions)"), "État", ""),
            ((2, "signatories (institutions)"), "Région Hauts-de-France", ""),
            ((2, "signatories (institutions)"), "Département du Nord", ""),
            ((2, "signatories (institutions)"), "Département de l’Aisne", ""),
            (
                (3, "signatories incl. EPCI"),
                "Les 8 intercommunalités des arrondissements d’Avesnes-sur-Helpe et de Vervins",
                "",
            ),
        ],
        "axes": [
            ((11, "axes — version B"), "Accompagner sa mise en mouvement"),
            ((11, "axes — version B"), "Assurer l’épanouissement de ses habitants"),
            ((11, "axes — version B"), "Amplifier la valorisation de ses richesses"),
        ],
        "milestones": [
            ((0, "official name, signature"), "2018-11-07", "Signature du pacte à Sars-Poteries"),
            ((19, "launch event"), "2019-01-25", "Séminaire de lancement à La Capelle"),
            ((22, "successors"), "2021-11-19", "Signature du deuxième pacte"),
        ],
    },
    "pacte-nievre": {
        "group": NIE,
        "signature_date": "2019-02-15",
        "facts": [
            ("signature", (1, "signature date, place"), "Signature", "le 15 février 2019 à Nevers"),
            ("actions", (9, "number of actions"), "Actions prioritaires", "30 actions réparties en 4 axes"),
            (
                "gouvernance",
                (16, "governance — comité"),
                "Comité de pilotage",
                "réuni le 28 juin 2019 à la préfecture",
            ),
        ],
        "signatories": [
            (
                (2, "ministers by office"),
                "État",
                "Ministre de la Cohésion des territoires et des relations avec les collectivités territoriales",
            ),
            ((2, "ministers by office"), "État", "Ministre des Solidarités et de la Santé"),
            ((3, "signatories (offices"), "Élus du territoire", ""),
        ],
        "axes": [
            ((10, "axis 1 title"), "Revitaliser le territoire par la réduction des fractures"),
            ((11, "objectives 2-4"), "Donner sa chance à la jeunesse nivernaise"),
            ((11, "objectives 2-4"), "Renforcer le secteur économique de la Nièvre"),
            ((11, "objectives 2-4"), "Valoriser l’attractivité touristique et culturelle"),
        ],
        "milestones": [
            ((1, "signature date, place"), "2019-02-15", "Signature du pacte à Nevers"),
            ((16, "governance — comité"), "2019-06-28", "Comité de pilotage à la préfecture"),
        ],
    },
    "bassin-minier": {
        "group": ERBM,
        "signature_date": "2017-03-07",
        "facts": [
            ("signature", (1, "signature (EPCI"), "Signature", "le 7 mars 2017 à Oignies"),
            ("communes", (3, "territory — communes"), "Nombre de communes", "250"),
            ("population", (3, "territory — communes"), "Population", "1,2 million d’habitants"),
            ("superficie", (3, "territory — communes"), "Superficie", "1 200 km²"),
            (
                "epci",
                (4, "territory — the 8 EPCI"),
                "Intercommunalités (8 EPCI)",
                "Valenciennes Métropole, La Porte du Hainaut, Cœur d’Ostrevent, Douaisis Agglo, Osartis Marquion, "
                "Hénin-Carvin, Lens-Liévin, Béthune-Bruay",
            ),
            ("duree", (5, "duration (official)"), "Durée", "2017-2027"),
            (
                "partenaires",
                (2, "signatories / partners"),
                "Partenaires engagés",
                "12 partenaires, pour 10 ans",
            ),
            (
                "fonds-cites",
                (10, "joint État–Région fund"),
                "Fonds État-Région pour les cités minières",
                "100 M€ de l’État et 100 M€ de la Région, pour 35 projets de rénovation de cités",
            ),
            (
                "gouvernance",
                (18, "governance — attachment"),
                "Gouvernance",
                "une délégation interministérielle rattachée à l’ANCT porte l’action de l’État",
            ),
        ],
        "progress": [
            {
                "entry": (14, "progress (end 2022)"),
                "unit": "logements miniers",
                "statement": "environ 7 000 logements miniers rénovés, pour un objectif de 23 000",
            },
        ],
        "signatories": [
            ((1, "signature (EPCI"), "État", "Premier ministre"),
            ((2, "signatories / partners"), "Région Hauts-de-France", ""),
            ((2, "signatories / partners"), "Département du Nord", ""),
            ((2, "signatories / partners"), "Département du Pas-de-Calais", ""),
            ((2, "signatories / partners"), "Les 8 intercommunalités du Bassin minier", ""),
        ],
        "axes": [
            (
                (6, "axes — version A (EPCI page), 1-2"),
                "Redonner de l’énergie au territoire, en faire un territoire d’excellence de la rénovation "
                "énergétique",
            ),
            ((6, "axes — version A (EPCI page), 1-2"), "Redonner du mouvement au territoire"),
            (
                (7, "axes — version A (EPCI page), 3-4"),
                "Redonner la fierté aux habitants et métamorphoser leur cadre de vie",
            ),
            (
                (7, "axes — version A (EPCI page), 3-4"),
                "Réparer le passé et conforter la responsabilité et la solidarité des acteurs du territoire",
            ),
        ],
        "milestones": [
            ((1, "signature (EPCI"), "2017-03-07", "Signature de l’engagement à Oignies"),
            (
                (16, "governance — comité de pilotage (2018)"),
                "2018-02-05",
                "Comité de pilotage des 12 partenaires",
            ),
            ((19, "governance — later comités"), "2024-03-20", "Comité de pilotage"),
        ],
    },
}
