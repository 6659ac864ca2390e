"""Building requests the way the public form does (``submit_request``)."""

from engineering.public.services import submit_request

DESCRIPTION = "Réhabilitation d'un pont communal fragilisé, étude de structure nécessaire avant travaux."


def new_request(collectivite, title="Réhabilitation du pont de la Meuse", email="maire@example.fr", **extra):
    data = {
        "collectivite": collectivite,
        "requester_name": "Camille Martin",
        "requester_role": "maire",
        "requester_email": email,
        "requester_phone": "",
        "title": title,
        "description": DESCRIPTION,
        "stage": "etude",
        **extra,
    }
    return submit_request(data, [])
