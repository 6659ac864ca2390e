"""Response shapes of the API, which the OpenAPI document publishes.

Field names are French, like the site's readers and the official open-data
schemas they cross it with; each mirrors one key of ``api.serializers``.
"""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema


class Taxon(Schema):
    slug: str
    nom: str


class Place(Schema):
    code: str
    nom: str


class Status(Schema):
    code: str
    libelle: str


class PartnerOut(Schema):
    nom: str
    sigle: str


class Eligibility(Schema):
    population_min: int | None
    population_max: int | None
    types_de_territoires: list[Taxon]
    types_de_beneficiaires: list[Taxon]
    regions: list[Place]
    departements: list[Place]
    precisions: str


class CatalogueEntry(Schema):
    id: int
    titre: str
    url: str
    resume: str
    resume_court: str
    thematique: Taxon | None
    politique_publique: Taxon | None
    statut: Status
    partenaires: list[PartnerOut]
    premiere_publication: datetime | None
    derniere_publication: datetime | None


class ContactOut(Schema):
    nom: str
    fonction: str
    organisme: str
    courriel: str
    telephone: str


class ProgrammeOut(CatalogueEntry):
    modalite: str
    objectifs_html: str
    apport_agence: list[str]
    comment_en_beneficier_html: str
    date_debut: date | None
    date_fin: date | None
    eligibilite: Eligibility
    contacts: list[ContactOut]


class SourceOut(Schema):
    titre: str
    editeur: str
    url: str
    date_publication: date | None


class FactOut(Schema):
    cle: str
    libelle: str
    valeur: str
    date: date | None
    precision_date: Literal["jour", "mois", "annee"]
    source: SourceOut


class Perimeter(Schema):
    code: Literal["complet", "partiel"]
    libelle: str
    intercommunalites: list[Place]
    precisions: str


class PacteOut(CatalogueEntry):
    territoire: str
    departements_couverts: list[Place]
    arrondissements_couverts: list[Place]
    communes_couvertes: list[Place]
    perimetre: Perimeter
    date_signature: date | None
    duree_mois: int | None
    date_fin: date | None
    montant_total: str | None
    montant: FactOut | None
    duree: FactOut | None
    fin: FactOut | None
    faits: list[FactOut]
    eligibilite: Eligibility


class TrainingOut(CatalogueEntry):
    nature: str
    format: str
    duree: str
    lien_inscription: str
    publics: list[Taxon]


class Paginated(Schema):
    total: int
    page: int
    taille_page: int
    pages: int
    suivante: str | None
    precedente: str | None


class ProgrammeList(Paginated):
    resultats: list[ProgrammeOut]


class PacteList(Paginated):
    resultats: list[PacteOut]


class TrainingList(Paginated):
    resultats: list[TrainingOut]


class PageRef(Schema):
    id: int
    type: str
    titre: str
    url: str


class Criterion(Schema):
    cle: str
    resultat: str
    libelle: str
    explication: str
    source: str = Field(description="La liste officielle ou le texte qui fonde la réponse, avec sa date.")


class OfficialList(Schema):
    """An official list or zonage a definite answer rests on."""

    cle: str
    nom: str
    editeur: str
    date: str = Field(description="Date des données, telle que la source la donne.")
    licence: str
    url: str


class CriteriaSource(Schema):
    titre: str
    editeur: str
    url: str


class EvaluationOut(Schema):
    page: PageRef
    question: Status = Field(
        description="La question à laquelle répond le verdict : selection (la commune fait-elle partie du "
        "programme ?), zonage (est-elle dans le territoire visé ?), ouvert (peut-elle en bénéficier ?), pacte."
    )
    verdict: Status = Field(description="eligible, not_eligible ou to_check.")
    deja_dans_le_programme: bool = Field(description="Vrai quand la liste du programme nomme la commune.")
    listes_officielles: list[OfficialList]
    source_des_criteres: CriteriaSource | None
    criteres: list[Criterion]
    precisions: str
    source: str


class AlreadyIn(PageRef):
    listes_officielles: list[OfficialList]


class CommuneFactsOut(Schema):
    code_insee: str
    nom: str
    population: int | None
    codes_postaux: list[str]
    departement: Place
    region: Place
    arrondissement: Place | None
    epci: Place | None


class DataSource(Schema):
    nom: str
    version: str
    importe_le: datetime | None


class Sources(Schema):
    donnees_territoriales: DataSource


class CommuneOut(Schema):
    commune: CommuneFactsOut
    sources: Sources
    deja_beneficiaire: list[AlreadyIn]
    evaluations: list[EvaluationOut]


class ErrorOut(Schema):
    detail: str


class ValidationErrorItem(Schema):
    """One refused parameter, as django-ninja reports it (pydantic's error)."""

    type: str
    loc: list[str | int]
    msg: str
    ctx: dict | None = None


class ValidationErrorOut(Schema):
    """The 422 answer: every parameter that failed validation, none of the query run."""

    detail: list[ValidationErrorItem]


class OpeningHours(Schema):
    jour: str
    heures: str


class FranceServicesOut(Schema):
    identifiant: str
    nom: str
    commune: Place
    adresse: str
    code_postal: str
    ville: str
    courriel: str
    telephone: str
    horaires: list[OpeningHours]
    sur_rendez_vous: bool
    type: str
    format: str


class ListSource(Schema):
    titre: str
    editeur: str
    adresse: str
    date: str
    licence: str


class FranceServicesNearOut(Schema):
    commune: Place
    niveau: Literal["commune", "epci", "departement"]
    nombre: int
    structures: list[FranceServicesOut]
    source: ListSource | None


class FranceServicesDepartementOut(Schema):
    departement: Place
    nombre: int
    structures: list[FranceServicesOut]
    source: ListSource | None
