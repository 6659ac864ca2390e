"""Demo content of the pactes: the pacte index, the five pactes the roadmap names,
and the engineering offer page ("Le sur-mesure"), with their home tiles.

The roadmap names the pactes and their territory; their signature, signatories,
axes, milestones and dated figures come from the public fact sheet, each with
its source (``facts.load_all``, the service editors' saves go through). What no
source gives stays empty and the pages say so ("non communiqué").
Idempotent: pages are found by slug, taxonomy rows by slug or name, and a page
is only republished when one of its fields or relations differs.
"""

from django.db import transaction
from django.urls import reverse

from catalogue.models import PublicPolicy, Theme
from home.models import HomePage, StandardPage
from home.upsert import LoadReport, merge_entry_points, upsert_page
from pactes import facts
from pactes.models import PacteIndexPage, PactePage
from territories.models import EPCI, Arrondissement, Departement

ROADMAP = "Feuille de route de l’ANCT pour 2020"

PACTE_INDEX_INTRO = (
    "<p>L’Agence contribue à structurer des projets de territoire dans des territoires déjà "
    "identifiés comme particulièrement vulnérables, au terme d’une concertation des collectivités "
    "publiques, des acteurs privés, de la société civile et des porteurs de projets. Chaque pacte "
    "aide les acteurs à concevoir leur propre stratégie face aux grandes transitions "
    "(démographique, numérique, écologique…) et à mieux articuler les interventions des "
    "différents ministères.</p>"
    "<p><b>Un contrat-type de cohésion territoriale</b> est mis en chantier en 2020 pour "
    "homogénéiser et rationaliser les démarches contractuelles engagées avec les différents types "
    "de collectivités. Ce contrat intégrateur, qui met l’accent sur la relance économique et la "
    "transition écologique après la crise du Covid-19, pourra notamment être déployé dans les "
    "territoires ruraux pour succéder aux contrats de ruralité qui s’achèvent fin 2020.</p>"
    "<p><b>Des pactes de résilience territoriale</b> seront co-construits avec les collectivités "
    "territoriales après la crise sanitaire : leurs actions seront prioritairement dirigées vers "
    "les transitions (écologique, numérique, démocratique, démographique…). Les pactes existants "
    "pourront aussi être revisités à l’aune des enjeux de relance et de résilience.</p>"
)

# Theme and policy of the section III table ("Territoires et ruralités" /
# "Appui renforcé aux territoires fragiles"), only for the two pactes it lists.
FRAGILE_TERRITORIES = {"theme": "territoires-et-ruralites", "public_policy": "territoires-fragiles"}

COMMON_SUMMARY = (
    "Pacte territorial de cohésion coordonné par l’ANCT dans un territoire identifié comme "
    "particulièrement vulnérable : les collectivités, les acteurs privés, la société civile et "
    "les porteurs de projets y structurent ensemble un projet de territoire face aux grandes "
    "transitions."
)

PACTES = [
    {
        "slug": "pacte-ardennes",
        "title": "Pacte Ardennes",
        "departements": ["08"],
        "taxonomy": FRAGILE_TERRITORIES,
        "summary": "Pacte pour les Ardennes. " + COMMON_SUMMARY,
    },
    {
        "slug": "plan-creuse",
        "title": "Plan particulier pour la Creuse",
        "departements": ["23"],
        "taxonomy": FRAGILE_TERRITORIES,
        "summary": "Plan particulier pour la Creuse. " + COMMON_SUMMARY,
    },
    {
        "slug": "pacte-sambre-avesnois-thierache",
        "title": "Pacte Sambre-Avesnois-Thiérache",
        "territory_label": "Sambre-Avesnois-Thiérache",
        "departements": ["59", "02"],
        # Arrondissement d'Avesnes-sur-Helpe (Nord, INSEE 591) and arrondissement de Vervins
        # (Aisne, the Thiérache, INSEE 025); the names guard against a code mix-up.
        "arrondissements": {"591": "Avesnes-sur-Helpe", "025": "Vervins"},
        "summary": "Pacte pour le territoire Sambre-Avesnois-Thiérache, à cheval sur le Nord et "
        "l’Aisne. " + COMMON_SUMMARY,
    },
    {
        "slug": "pacte-nievre",
        "title": "Pacte Nièvre",
        "departements": ["58"],
        "summary": "Pacte pour la Nièvre. " + COMMON_SUMMARY,
    },
    {
        "slug": "bassin-minier",
        "title": "Engagement pour le renouveau du Bassin minier",
        "territory_label": "Bassin minier du Nord et du Pas-de-Calais",
        "departements": ["59", "62"],
        # Partial: its communes lie within 8 EPCI named by the Préfecture de la région
        # Hauts-de-France (2023); SIREN codes as in @etalab/decoupage-administratif.
        "perimeter": "partiel",
        "perimeter_epcis": {
            "245901160": "CA Valenciennes Métropole",
            "200042190": "CA de la Porte du Hainaut",
            "245901152": "CA Cœur d'Ostrevent",
            "200044618": "CA du Douaisis Agglo",
            "200044048": "CC Osartis Marquion",
            "246200299": "CA d'Hénin-Carvin",
            "246200364": "CA de Lens-Liévin",
            "200072460": "CA de Béthune-Bruay, Artois-Lys Romane",
        },
        "eligibility_note": "Le Bassin minier ne couvre qu’une partie du Nord et du Pas-de-Calais, "
        "à l’intérieur de huit intercommunalités.",
        "summary": "Engagement pour le renouveau du Bassin minier du Nord et du Pas-de-Calais. "
        + COMMON_SUMMARY,
    },
]

ENGINEERING_PAGE_SLUG = "offre-ingenierie"

ENGINEERING_INTRO = (
    "<p>En complément de l’offre locale, l’ANCT propose une offre de services d’ingénierie. "
    "Elle est activée lorsque l’ingénierie disponible localement ne parvient pas à répondre aux "
    "besoins d’une collectivité (principe de complémentarité et de subsidiarité), selon un "
    "protocole clair.</p>"
)

ENGINEERING_BODY = [
    {
        "type": "text",
        "value": (
            "<h2>Votre interlocuteur : le délégué territorial</h2>"
            "<p>Dans chaque département, le préfet est le délégué territorial de l’agence, avec ses "
            "adjoints (sous-préfets, direction départementale des territoires). C’est à lui que la "
            "collectivité adresse sa demande d’appui en ingénierie ; il l’oriente vers une réponse "
            "locale ou, si nécessaire, vers un appui national.</p>"
        ),
    },
    {
        "type": "key_figures",
        "value": {
            "title": "L’objectif",
            "heading_level": "h2",
            "figures": [
                {
                    "value": "90",
                    "unit": "%",
                    "label": "des demandes d’ingénierie doivent pouvoir trouver une solution dans "
                    "l’écosystème local",
                    "source": ROADMAP,
                }
            ],
        },
    },
    {
        "type": "accordion",
        "value": {
            "title": "Deux réponses possibles",
            "heading_level": "h2",
            "items": [
                {
                    "title": "Une réponse locale",
                    "content": (
                        "<p>Lorsque la demande trouve une réponse locale, le délégué territorial désigne un "
                        "<b>interlocuteur unique</b> chargé du suivi du projet : au choix un sous-préfet, la "
                        "direction départementale des territoires (DDT), un opérateur ou un aménageur local.</p>"
                        "<p>Il en fait état au <b>comité local de cohésion territoriale</b> et, une fois par an, "
                        "à l’établissement de tête de l’ANCT, pour simple consolidation de l’activité de "
                        "l’agence.</p>"
                    ),
                },
                {
                    "title": "Un appui national",
                    "content": (
                        "<p>Lorsque le projet nécessite un appui national, le délégué territorial sollicite "
                        "l’ANCT en justifiant de la fragilité de la collectivité porteuse, de l’insuffisance "
                        "de ressource locale mobilisable et/ou du caractère innovant ou particulièrement "
                        "complexe du projet.</p>"
                        "<p>La proposition d’accompagnement est validée par le <b>comité de suivi des projets</b> "
                        "de l’ANCT, puis formalisée dans une <b>convention d’appui opérationnel</b> avec le ou "
                        "les porteurs de projet. Le délégué territorial reste chargé du suivi et du pilotage "
                        "du projet, dans les conditions qu’il détermine.</p>"
                    ),
                },
            ],
        },
    },
    {
        "type": "callout",
        "value": {
            "title": "Quand un appui national se justifie-t-il ?",
            "heading_level": "h3",
            "text": "Notamment lorsque l’ingénierie demandée est rare (par exemple l’ingénierie du CEREMA "
            "pour les ouvrages d’art) ou lorsque le projet a une envergure nationale qui suppose "
            "un accompagnement spécifique.",
        },
    },
    {
        "type": "text",
        "value": (
            "<h2>Les instruments de l’agence</h2>"
            "<p>Pour activer de l’ingénierie, l’ANCT dispose :</p>"
            "<ul>"
            "<li>des <b>compétences techniques internes</b> présentes au sein de ses directions générales "
            "déléguées ;</li>"
            "<li>des <b>compétences techniques présentes au sein de l’État</b> (par exemple des "
            "administrateurs civils sans affectation), mobilisables sous forme de « missions » ;</li>"
            "<li>d’une <b>ligne de crédits</b> pour des subventions directes ou des marchés à bons de "
            "commande ;</li>"
            "<li>de <b>conventions-cadres d’appui</b> passées avec les opérateurs dits « du premier "
            "cercle », qui précisent comment mobiliser leur ingénierie pour le compte de l’ANCT.</li>"
            "</ul>"
            "<h3>Les opérateurs du premier cercle</h3>"
            "<ul><li>ADEME (Agence de l’environnement et de la maîtrise de l’énergie)</li>"
            "<li>ANRU (Agence nationale pour la rénovation urbaine)</li>"
            "<li>ANAH (Agence nationale de l’habitat)</li>"
            "<li>CEREMA</li><li>Banque des territoires</li></ul>"
        ),
    },
    {
        "type": "text",
        "value": (
            "<h2>Faire une demande</h2>"
            "<p>Votre collectivité (commune, intercommunalité, département, région, syndicat ou autre "
            "groupement) porte un projet et l’ingénierie disponible localement ne suffit pas pour le mener ? "
            "Décrivez-le : votre demande est transmise au délégué territorial de votre département.</p>"
            '<p><a href="{request_url}">Demander un appui en ingénierie</a></p>'
            '<p><a href="{status_url}">Suivre l’avancement d’une demande</a> avec la '
            "référence de suivi reçue par courriel.</p>"
        ),
    },
]


def engineering_body() -> list:
    """The offer page's body, its request link resolved from the URL configuration."""
    request_url = reverse("engineering:request")
    status_url = reverse("engineering:status")
    return [
        {
            **block,
            "value": block["value"].replace("{request_url}", request_url).replace("{status_url}", status_url),
        }
        if isinstance(block["value"], str)
        else block
        for block in ENGINEERING_BODY
    ]


HOME_TILES = [
    {
        "title": "Pactes et contrats de cohésion territoriale",
        "slug": "pactes",
        # The promise of the tile is what every pacte page shows (tests/pactes/test_public_facts.py);
        # progress only where a partner published it, so the tile does not promise it.
        "description": "Les pactes des territoires vulnérables : territoire, signataires, axes et chiffres "
        "publics, chacun avec sa date et sa source.",
    },
    {
        "title": "Le sur-mesure : l’offre d’ingénierie",
        "slug": ENGINEERING_PAGE_SLUG,
        "description": "Quand l’ingénierie locale ne suffit pas : le protocole et les instruments de l’agence.",
    },
]


def _lookup(model, key: str, value: str, report: LoadReport, what: str):
    obj = model.objects.filter(**{key: value}).first()
    if obj is None:
        report.rejected.append(
            f"{what} « {value} » absent(e) : lancez d’abord le chargement des "
            f"taxonomies (manage.py setup_site)"
        )
    return obj


def _territory_rows(model, codes, report: LoadReport, pacte_title: str, what: str) -> list:
    """Rows for ``codes`` (a list, or a dict code → expected name). Missing rows and
    rows whose name differs are reported, and the pacte is created without them."""
    rows = {row.pk: row for row in model.objects.filter(pk__in=list(codes))}
    found = []
    for code in codes:
        row = rows.get(code)
        expected = codes.get(code) if isinstance(codes, dict) else None
        if row is None:
            report.rejected.append(
                f"{pacte_title} : {what} {code} introuvable (données territoriales non importées ? "
                f"lancez manage.py import_territories) ; le pacte est créé sans ce territoire"
            )
        elif expected and row.name != expected:
            report.rejected.append(
                f"{pacte_title} : le {what} {code} s’appelle « {row.name} » et non « {expected} » ; "
                f"il n’est pas rattaché au pacte"
            )
        else:
            found.append(row)
    return found


def ensure_pacte_index(home: HomePage, report: LoadReport) -> PacteIndexPage:
    return upsert_page(
        home,
        PacteIndexPage,
        "pactes",
        report,
        fields={
            "title": "Pactes et contrats",
            "introduction": PACTE_INDEX_INTRO,
            "show_in_menus": True,
            "listing_summary": "Les pactes et contrats de cohésion territoriale coordonnés par l’agence.",
        },
    )


def ensure_pactes(index: PacteIndexPage, report: LoadReport) -> list[PactePage]:
    pages = []
    for data in PACTES:
        fields = {
            "title": data["title"],
            "summary": data["summary"],
            "territory_label": data.get("territory_label", ""),
            "eligibility_note": data.get("eligibility_note", ""),
            "perimeter": data.get("perimeter", "complet"),
            "status": "actif",
            "theme": None,
            "public_policy": None,
        }
        taxonomy = data.get("taxonomy")
        if taxonomy:
            fields["theme"] = _lookup(Theme, "slug", taxonomy["theme"], report, "thématique")
            policy = _lookup(PublicPolicy, "slug", taxonomy["public_policy"], report, "politique publique")
            fields["public_policy"] = policy if policy and fields["theme"] else None
        relations = {
            "covered_departements": _territory_rows(
                Departement, data["departements"], report, data["title"], "département"
            ),
            "covered_arrondissements": _territory_rows(
                Arrondissement, data.get("arrondissements", {}), report, data["title"], "arrondissement"
            ),
            "perimeter_epcis": _territory_rows(
                EPCI, list(data.get("perimeter_epcis", {})), report, data["title"], "EPCI"
            ),
        }
        pages.append(upsert_page(index, PactePage, data["slug"], report, fields=fields, relations=relations))
    return pages


def ensure_engineering_offer_page(home: HomePage, report: LoadReport) -> StandardPage:
    return upsert_page(
        home,
        StandardPage,
        ENGINEERING_PAGE_SLUG,
        report,
        fields={
            "title": "Le sur-mesure : l’offre d’ingénierie",
            "introduction": ENGINEERING_INTRO,
            "body": engineering_body(),
            "show_in_menus": True,
            "listing_summary": "Quand l’ingénierie locale ne suffit pas, l’agence apporte un appui sur mesure.",
        },
    )


@transaction.atomic
def load(home, report: LoadReport):
    """Demo step: pacte index and pactes, engineering offer page, home tiles."""
    home = home or HomePage.objects.first()
    index = ensure_pacte_index(home, report)
    ensure_pactes(index, report)
    facts.load_all(index, report)
    engineering = ensure_engineering_offer_page(home, report)
    pages = {"pactes": index, ENGINEERING_PAGE_SLUG: engineering}
    merge_entry_points(
        home,
        [
            {"title": tile["title"], "description": tile["description"], "link_page": pages[tile["slug"]]}
            for tile in HOME_TILES
        ],
        report,
    )
    return home
