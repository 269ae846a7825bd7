"""Communities, stations, boards, projects and notices; one module per concern."""

from goodpeople.models.boards import BoardEntry, Category, GoodPeopleBoardPage, Nomination
from goodpeople.models.ledger import (
    Certificate,
    Commendation,
    HourExchange,
    Inspection,
    RecordCorrection,
    ServiceRecord,
    StationMonth,
    Volunteer,
)
from goodpeople.models.notices import NoticeAttachment, NoticePage
from goodpeople.models.places import (
    CommunityPage,
    CommunitySectionPage,
    DistrictPage,
    PairedUnit,
    Pairing,
    PasswordChangeRequired,
    Station,
)
from goodpeople.models.projects import (
    BrandProjectPage,
    BrandShowcasePage,
    ProjectCategory,
    ProjectPhoto,
)
from goodpeople.models.workflows import OfficeApprovalTask

__all__ = [
    "Certificate",
    "Commendation",
    "HourExchange",
    "Inspection",
    "RecordCorrection",
    "ServiceRecord",
    "StationMonth",
    "Volunteer",
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
]
