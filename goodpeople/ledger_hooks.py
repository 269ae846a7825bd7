"""Admin wiring of the volunteer ledger and the office's dashboard: URLs and the menu."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from goodpeople import dashboard_views, ledger_views
from goodpeople.ledger import access

ledger_urls = [
    path("", ledger_views.volunteer_index, name="volunteers"),
    path("volunteers/add/", ledger_views.volunteer_form, name="volunteer_add"),
    path("volunteers/<int:pk>/", ledger_views.volunteer_detail, name="volunteer"),
    path("volunteers/<int:pk>/edit/", ledger_views.volunteer_form, name="volunteer_edit"),
    path("volunteers/<int:pk>/exchange/", ledger_views.exchange_add, name="exchange"),
    path("volunteers/<int:pk>/commend/", ledger_views.commend, name="commend"),
    path("volunteers/<int:pk>/certificate/", ledger_views.certificate_issue, name="certify"),
    path("certificates/<int:pk>/", ledger_views.certificate_print, name="certificate"),
    path("records/", ledger_views.record_index, name="records"),
    path("records/add/", ledger_views.record_bulk_add, name="record_add"),
    path("records/import/", ledger_views.record_import, name="import"),
    path("records/<int:pk>/correct/", ledger_views.record_correct, name="correct"),
    path("records/<int:pk>/void/", ledger_views.record_void, name="void"),
    path("corrections/", ledger_views.correction_index, name="corrections"),
    path("export/", ledger_views.ledger_export, name="export"),
    path("dashboard/", dashboard_views.dashboard, name="dashboard"),
    path("dashboard/export/", dashboard_views.ranking_export, name="ranking_export"),
    path("inspections/", dashboard_views.inspection_index, name="inspections"),
    path("inspections/add/", dashboard_views.inspection_form, name="inspection_add"),
    path("inspections/<int:pk>/", dashboard_views.inspection_form, name="inspection_edit"),
]


@hooks.register("register_admin_urls")
def register_ledger_urls():
    return [path("ledger/", include((ledger_urls, "goodpeople_ledger")))]


class LedgerMenuItem(MenuItem):
    def is_shown(self, request):
        return access.has_ledger_access(request.user)


class OfficeMenuItem(MenuItem):
    def is_shown(self, request):
        return access.is_office(request.user)


class LedgerSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return access.has_ledger_access(request.user)


def ledger_menu() -> Menu:
    def url(name: str) -> str:
        return reverse(f"goodpeople_ledger:{name}")

    return Menu(
        items=[
            LedgerMenuItem("志愿者名册", url("volunteers"), icon_name="user", order=1),
            LedgerMenuItem("服务记录", url("records"), icon_name="list-ul", order=2),
            LedgerMenuItem("更正记录", url("corrections"), icon_name="history", order=3),
            OfficeMenuItem("全市概览与排名", url("dashboard"), icon_name="table", order=4),
            OfficeMenuItem("督查记录", url("inspections"), icon_name="clipboard-list", order=5),
        ]
    )


@hooks.register("register_admin_menu_item")
def ledger_menu_item():
    return LedgerSubmenu("志愿服务台账", ledger_menu(), icon_name="group", order=313)
