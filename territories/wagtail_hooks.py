"""Admin entry for the official lists and zonages (``admin_views``)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_views import DatasetPermissionPolicy, OfficialDatasetViewSet
from .models import OfficialDataset

register_permission_policy(OfficialDataset, DatasetPermissionPolicy(OfficialDataset))


@hooks.register("register_admin_viewset")
def register_official_datasets():
    return OfficialDatasetViewSet("official_datasets", url_prefix="listes-officielles")
