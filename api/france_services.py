"""France services structures as open data: those nearest a commune (the same
answer as the commune page, through ``territories.delegates.france_services_near``)
and every structure of a département, each answer with the list's provenance."""

import re

from django.http import Http404
from django.shortcuts import get_object_or_404

from territories.delegates import france_services_near
from territories.models import Departement, FranceServicesStructure, OfficialDataset
from territories.text import collation_key

DEPARTEMENT_CODE = re.compile(r"\d{2,3}|2[AB]")


def structure_data(structure: FranceServicesStructure) -> dict:
    return {
        "identifiant": structure.identifier,
        "nom": structure.name,
        "commune": {"code": structure.commune_id, "nom": structure.commune.name},
        "adresse": structure.address,
        "code_postal": structure.postal_code,
        "ville": structure.city,
        "courriel": structure.email,
        "telephone": structure.phone,
        "horaires": [{"jour": day, "heures": hours} for day, hours in structure.opening_hours],
        "sur_rendez_vous": structure.appointment,
        "type": structure.kind,
        "format": structure.format,
    }


def dataset_data(dataset: OfficialDataset | None) -> dict | None:
    if dataset is None:
        return None
    return {
        "titre": dataset.title,
        "editeur": dataset.publisher,
        "adresse": dataset.url,
        "date": dataset.date_label,
        "licence": dataset.licence,
    }


def _dataset(structures) -> OfficialDataset | None:
    if structures:
        return structures[0].dataset
    return OfficialDataset.objects.filter(
        pk__in=FranceServicesStructure.objects.values("dataset")[:1]
    ).first()


def near_commune(commune) -> dict:
    """The structures of the commune, else of its EPCI, else of its département."""
    nearby = france_services_near(commune)
    return {
        "commune": {"code": commune.code, "nom": commune.name},
        "niveau": nearby.scope,
        "nombre": len(nearby.structures),
        "structures": [structure_data(s) for s in nearby.structures],
        "source": dataset_data(_dataset(nearby.structures)),
    }


def of_departement(code: str) -> dict:
    """Every structure of the département of ``code`` (404 for an unknown code)."""
    code = (code or "").upper()
    if not DEPARTEMENT_CODE.fullmatch(code):
        raise Http404  # never reaches the database: a NUL or a 10 kB string is just unknown
    departement = get_object_or_404(Departement, pk=code)
    structures = sorted(
        FranceServicesStructure.objects.filter(departement=departement).select_related("commune", "dataset"),
        key=lambda structure: collation_key(structure.name),
    )
    return {
        "departement": {"code": departement.code, "nom": departement.name},
        "nombre": len(structures),
        "structures": [structure_data(s) for s in structures],
        "source": dataset_data(_dataset(structures)),
    }
