"""The roadmap's catalogue as data (feuille de route de l'ANCT pour 2020,
section III), read by the demo loader and counted by the tests.

How the table was read:

- **Thématique of the damaged rows.** Some rows lost their thématique column;
  as the domain notes say, "Soutien à la vie associative" and "Co-construction
  Etat-Territoires de l'ambition culturelle" belong to Politique de la ville,
  "Appui au développement touristique" and "Revitalisation des espaces
  commerciaux" to Territoires et ruralités. The rows after the blank line
  (prospective, participation citoyenne, santé, communautés professionnelles)
  have an empty thématique cell before "Numérique" starts, so they continue
  Territoires et ruralités.
- **One cell, two entries.** The participation citoyenne cell reads "Projet de
  programme territoires engagés Projet en cours concertation citoyenne": two
  entries, "Territoires engagés" and "Concertation citoyenne".
- **Status.** The text file keeps the original's italics as ``<i>…</i>``; every
  italic line is ``incubation`` (``italic=True`` below). One more entry is in
  incubation although its line is not in italics: section II a) says that in
  2020 the agency incubates new support programmes, "parmi ces programmes,
  « Petites Villes de demain »". Every other entry is ``actif``.
- **Kind** comes from the first word of the modalité cell ("Programme",
  "Projet", "Mission", "Expertise"). A "Projet de programme" is a programme in
  incubation, so its kind is ``programme``. Three cells carry no such word:
  "Grande équipe de la réussite républicaine" sits among the projets of "Lien
  social" and is a ``projet``; "Agenda rural" is the government's action plan
  for rural areas, a ``plan``; "Fabriques prospectives" is an accompaniment
  programme, a ``programme``.
- **Summaries** restate what the roadmap says about an entry; where it says
  nothing beyond the table line, one neutral sentence restates the line. No
  figure is invented: key figures stay empty.
- Pacte Ardennes and Plan pour la Creuse (Appui renforcé aux territoires
  fragiles) are pactes: the pactes app creates them, so they are listed in
  ``PACTES_IN_TABLE`` and not in ``PROGRAMMES``.
"""

from catalogue.site_setup import NUMERIQUE, POLITIQUE_VILLE, RURALITES

# Entries of the table that are pactes (created by the pactes app).
PACTES_IN_TABLE = ["Pacte Ardennes", "Plan pour la Creuse"]


def _entry(theme, policy, line, title, slug, kind, summary, italic=False, status=None, **extra):
    return {
        "theme": theme,
        "policy": policy,
        "table_line": line,
        "title": title,
        "slug": slug,
        "kind": kind,
        "italic": italic,
        "status": status or ("incubation" if italic else "actif"),
        "summary": summary,
        **extra,
    }


PROGRAMMES = [
    # Politique de la ville
    _entry(
        POLITIQUE_VILLE,
        "education",
        "Programme Cités éducatives",
        "Cités éducatives",
        "cites-educatives",
        "programme",
        "Programme de la politique de la ville consacré à l'éducation, l'un des programmes "
        "nationaux d'appui de l'Agence.",
    ),
    _entry(
        POLITIQUE_VILLE,
        "education",
        "Programme Réussite éducative",
        "Réussite éducative",
        "reussite-educative",
        "programme",
        "Programme de la politique de la ville consacré à la réussite éducative.",
    ),
    _entry(
        POLITIQUE_VILLE,
        "education",
        "Mission Stages de 3e",
        "Stages de 3e",
        "stages-de-3e",
        "mission",
        "Mission de la politique de la ville consacrée aux stages de troisième.",
    ),
    _entry(
        POLITIQUE_VILLE,
        "education",
        "Mission Décrochage scolaire",
        "Décrochage scolaire",
        "decrochage-scolaire",
        "mission",
        "Mission de la politique de la ville consacrée au décrochage scolaire.",
    ),
    _entry(
        POLITIQUE_VILLE,
        "lien-social",
        "Projet lutte contre les discriminations",
        "Lutte contre les discriminations",
        "lutte-contre-les-discriminations",
        "projet",
        "Projet de la politique de la ville, au titre du lien social, consacré à la lutte contre "
        "les discriminations.",
    ),
    _entry(
        POLITIQUE_VILLE,
        "lien-social",
        "Projet participation citoyenne",
        "Participation citoyenne",
        "participation-citoyenne",
        "projet",
        "Projet de la politique de la ville, au titre du lien social, consacré à la participation citoyenne.",
    ),
    _entry(
        POLITIQUE_VILLE,
        "lien-social",
        "Projet jeunesse, sports, culture, loisirs éducatifs",
        "Jeunesse, sports, culture, loisirs éducatifs",
        "jeunesse-sports-culture-loisirs",
        "projet",
        "Projet de la politique de la ville, au titre du lien social, consacré à la jeunesse, "
        "aux sports, à la culture et aux loisirs éducatifs.",
    ),
    _entry(
        POLITIQUE_VILLE,
        "lien-social",
        "Grande équipe de la réussite républicaine",
        "Grande équipe de la réussite républicaine",
        "grande-equipe-reussite-republicaine",
        "projet",
        "Démarche de la politique de la ville inscrite au titre du lien social.",
    ),
    _entry(
        POLITIQUE_VILLE,
        "emploi-developpement-economique",
        "Projet Pagte",
        "PaQte (Pacte avec les quartiers pour toutes les entreprises)",
        "pagte",
        "projet",
        "Projet de la politique de la ville consacré à l'emploi et au développement économique. "
        "La feuille de route de 2020 l'écrit « Pagte ».",
    ),
    _entry(
        POLITIQUE_VILLE,
        "emploi-developpement-economique",
        "Projet ESS",
        "Économie sociale et solidaire",
        "economie-sociale-et-solidaire",
        "projet",
        "Projet de la politique de la ville consacré à l'économie sociale et solidaire (ESS), "
        "au titre de l'emploi et du développement économique.",
    ),
    _entry(
        POLITIQUE_VILLE,
        "vie-associative",
        "Mission soutien à la vie associative",
        "Soutien à la vie associative",
        "soutien-vie-associative",
        "mission",
        "Mission de la politique de la ville consacrée au soutien à la vie associative.",
    ),
    _entry(
        POLITIQUE_VILLE,
        "ambition-culturelle",
        "Projet de programme – en transversalité",
        "Co-construction État-territoires de l'ambition culturelle",
        "ambition-culturelle",
        "programme",
        "Projet de programme, en transversalité, pour co-construire entre l'État et les territoires "
        "l'ambition culturelle.",
        italic=True,
    ),
    # Territoires et ruralités
    _entry(
        RURALITES,
        "ruralite",
        "Agenda rural",
        "Agenda rural",
        "agenda-rural",
        "plan",
        "Plan d'action au service de la politique de la ruralité.",
    ),
    _entry(
        RURALITES,
        "climat-tourisme-ruralite",
        "Projet de programme montagne",
        "Programme montagne",
        "programme-montagne",
        "programme",
        "Projet de programme pour les territoires de montagne, au croisement de la lutte contre le "
        "réchauffement climatique, du tourisme et de la ruralité.",
        italic=True,
    ),
    _entry(
        RURALITES,
        "centres-petites-moyennes-villes",
        "Programme Action cœur de ville",
        "Action cœur de ville",
        "action-coeur-de-ville",
        "programme",
        "Programme de revitalisation des centres des villes moyennes, l'un des plus anciens "
        "programmes de l'Agence, déployé en coordination étroite avec l'association Villes de France.",
        partners=["Villes de France"],
    ),
    _entry(
        RURALITES,
        "centres-petites-moyennes-villes",
        "Programme Petites Villes de Demain",
        "Petites villes de demain",
        "petites-villes-de-demain",
        "programme",
        "Programme d'appui aux petites villes, incubé en 2020 et élaboré avec l'Association des "
        "petites villes de France (APVF), les ministères concernés, les citoyens et la société "
        "civile. Il porte une attention particulière à la concertation citoyenne.",
        status="incubation",
        partners=["Association des petites villes de France"],
        eligible_beneficiary_types=["communes", "epci"],
        eligibility_note="Communes qui exercent des fonctions de centralité, et leur intercommunalité.",
    ),
    _entry(
        RURALITES,
        "acces-services-publics",
        "Programme France Services",
        "France Services",
        "france-services",
        "programme",
        "Programme d'amélioration de l'accès aux services publics.",
        lists_france_services=True,
    ),
    _entry(
        RURALITES,
        "reindustrialisation",
        "Programme Territoires d'industrie",
        "Territoires d'industrie",
        "territoires-d-industrie",
        "programme",
        "Programme de soutien à la réindustrialisation. Après la crise sanitaire, il porte une "
        "attention particulière aux enjeux de relocalisation et de développement des circuits courts.",
    ),
    _entry(
        RURALITES,
        "developpement-touristique",
        "Projet en cours en lien avec Atout France",
        "Appui au développement touristique",
        "appui-developpement-touristique",
        "projet",
        "Projet en cours d'appui au développement touristique, mené en lien avec Atout France.",
        partners=["Atout France"],
    ),
    _entry(
        RURALITES,
        "espaces-commerciaux",
        "Expertise mobilisable au sein de la DGD-AOS (ex EPARECA)",
        "Revitalisation des espaces commerciaux",
        "revitalisation-espaces-commerciaux",
        "expertise",
        "Expertise en revitalisation des espaces commerciaux, mobilisable au sein de la direction "
        "générale déléguée appui opérationnel et stratégique de l'Agence (ex-EPARECA).",
    ),
    _entry(
        RURALITES,
        "reflexion-prospective",
        "Fabriques prospectives",
        "Fabriques prospectives",
        "fabriques-prospectives",
        "programme",
        "Démarche d'appui à la réflexion prospective des territoires.",
    ),
    _entry(
        RURALITES,
        "participation-citoyenne",
        "Projet de programme territoires engagés",
        "Territoires engagés",
        "territoires-engages",
        "programme",
        "Projet de programme consacré à l'engagement citoyen et aux nouveaux modes de participation.",
        italic=True,
    ),
    _entry(
        RURALITES,
        "participation-citoyenne",
        "Projet en cours concertation citoyenne",
        "Concertation citoyenne",
        "concertation-citoyenne",
        "projet",
        "Projet en cours de soutien à la concertation citoyenne (ingénierie démocratique).",
        italic=True,
    ),
    _entry(
        RURALITES,
        "sante",
        "Projet de programme territoires de santé",
        "Territoires de santé",
        "territoires-de-sante",
        "programme",
        "Projet de programme consacré à la santé dans les territoires.",
        italic=True,
    ),
    _entry(
        RURALITES,
        "communautes-professionnelles",
        "Projet en cours « Académie des territoires »",
        "Académie des territoires",
        "academie-des-territoires",
        "projet",
        "Projet en cours d'animation de communautés professionnelles.",
        italic=True,
    ),
    # Numérique
    _entry(
        NUMERIQUE,
        "tres-haut-debit",
        "Programme France THD",
        "France Très haut débit",
        "france-tres-haut-debit",
        "programme",
        "Programme pour renforcer l'accès au très haut débit (infrastructures).",
    ),
    _entry(
        NUMERIQUE,
        "fracture-numerique",
        "Programme Inclusion numérique",
        "Inclusion numérique",
        "inclusion-numerique",
        "programme",
        "Programme pour réduire la fracture numérique.",
    ),
    _entry(
        NUMERIQUE,
        "tiers-lieux",
        "Programme Nouveaux lieux, nouveaux liens",
        "Nouveaux lieux, nouveaux liens",
        "nouveaux-lieux-nouveaux-liens",
        "programme",
        "Programme pour encourager les tiers-lieux.",
    ),
    _entry(
        NUMERIQUE,
        "couverture-mobile",
        "Programme France Mobile",
        "France Mobile",
        "france-mobile",
        "programme",
        "Programme pour améliorer la couverture mobile (infrastructures).",
    ),
]
