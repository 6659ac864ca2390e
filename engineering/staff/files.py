"""The signed support convention, from the private storage, to the staff who see its
request: a 404 for anyone else, anonymous visitors included (no login redirect that
would confirm the file exists)."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from ..models import EngineeringRequest, SupportConvention
from ..protocol.roles import takes_part


def convention(request, pk):
    if not takes_part(request.user):
        raise Http404
    engineering_request = get_object_or_404(EngineeringRequest.objects.visible_to(request.user), pk=pk)
    item = get_object_or_404(SupportConvention.objects.exclude(file=""), request=engineering_request)
    return FileResponse(
        item.file.open("rb"),
        as_attachment=True,
        filename=f"convention-{engineering_request.reference}.pdf",
        content_type="application/pdf",
    )
