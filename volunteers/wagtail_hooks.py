"""Admin wiring of the volunteer ledger and the office's dashboard: URLs and the menu."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from volunteers import access, audit
from volunteers.views import fixes, office, records, roster

ledger_urls = [
    path("", roster.volunteer_index, name="volunteers"),
    path("volunteers/add/", roster.volunteer_form, name="volunteer_add"),
    path("volunteers/<id:pk>/", roster.volunteer_detail, name="volunteer"),
    path("volunteers/<id:pk>/edit/", roster.volunteer_form, name="volunteer_edit"),
    path("volunteers/<id:pk>/exchange/", roster.exchange_add, name="exchange"),
    path("volunteers/<id:pk>/commend/", roster.commend, name="commend"),
    path("volunteers/<id:pk>/certificate/", roster.certificate_issue, name="certify"),
    path("certificates/<id:pk>/", roster.certificate_print, name="certificate"),
    path("records/", records.record_index, name="records"),
    path("records/add/", records.record_bulk_add, name="record_add"),
    path("records/import/", records.record_import, name="import"),
    path("records/<id:pk>/correct/", records.record_correct, name="correct"),
    path("records/<id:pk>/void/", records.record_void, name="void"),
    path("corrections/", records.correction_index, name="corrections"),
    path("export/", records.ledger_export, name="export"),
    path("dashboard/", office.dashboard, name="dashboard"),
    path("dashboard/export/", office.ranking_export, name="ranking_export"),
    path("inspections/", office.inspection_index, name="inspections"),
    path("inspections/add/", office.inspection_form, name="inspection_add"),
    path("inspections/<id:pk>/", office.inspection_form, name="inspection_edit"),
    path("inspections/<id:pk>/review/", office.inspection_review, name="inspection_review"),
    path("fixes/", fixes.fix_index, name="fixes"),
    path("fixes/<id:pk>/report/", fixes.fix_report, name="fix_report"),
]


@hooks.register("register_log_actions")
def ledger_log_actions(actions):
    audit.register_log_actions(actions)


@hooks.register("register_admin_urls")
def register_ledger_urls():
    return [path("ledger/", include((ledger_urls, "volunteers")))]


class LedgerMenuItem(MenuItem):
    def is_shown(self, request):
        return access.has_ledger_access(request.user)


class StationMenuItem(MenuItem):
    def is_shown(self, request):
        return access.managed_stations(request.user).exists()


class OfficeMenuItem(MenuItem):
    def is_shown(self, request):
        return access.oversees_stations(request.user)


class LedgerSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return access.has_ledger_access(request.user) or access.oversees_stations(request.user)


def ledger_menu() -> Menu:
    def url(name: str) -> str:
        return reverse(f"volunteers:{name}")

    return Menu(
        items=[
            LedgerMenuItem("志愿者名册", url("volunteers"), icon_name="user", order=1),
            LedgerMenuItem("服务记录", url("records"), icon_name="list-ul", order=2),
            LedgerMenuItem("更正记录", url("corrections"), icon_name="history", order=3),
            StationMenuItem("督查整改", url("fixes"), icon_name="clipboard-list", order=6),
            OfficeMenuItem("全市概览与排名", url("dashboard"), icon_name="table", order=4),
            OfficeMenuItem("督查记录", url("inspections"), icon_name="clipboard-list", order=5),
        ]
    )


@hooks.register("register_admin_menu_item")
def ledger_menu_item():
    return LedgerSubmenu("志愿服务台账", ledger_menu(), icon_name="group", order=313)
