"""Communities, stations, boards, projects and notices; one module per concern."""

from goodpeople.models.audit import StationLogEntry
from goodpeople.models.boards import BoardEntry, GoodPeopleBoardPage
from goodpeople.models.nominations import Category, Nomination
from goodpeople.models.notices import NoticeAttachment, NoticePage
from goodpeople.models.places import (
    CommunityPage,
    CommunitySectionPage,
    DistrictPage,
    PairedUnit,
    Pairing,
)
from goodpeople.models.projects import BrandProjectPage, ProjectCategory, ProjectPhoto
from goodpeople.models.showcase import BrandShowcasePage
from goodpeople.models.stations import PasswordChangeRequired, Station
from goodpeople.models.workflows import OfficeApprovalTask

__all__ = [
    "BoardEntry",
    "BrandProjectPage",
    "BrandShowcasePage",
    "Category",
    "CommunityPage",
    "CommunitySectionPage",
    "DistrictPage",
    "GoodPeopleBoardPage",
    "Nomination",
    "NoticeAttachment",
    "NoticePage",
    "OfficeApprovalTask",
    "PairedUnit",
    "Pairing",
    "PasswordChangeRequired",
    "ProjectCategory",
    "ProjectPhoto",
    "Station",
    "StationLogEntry",
]
