"""Admin views for the office: the 五个一 standing of every community, the community sheet."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from core.pages import parent_path
from core.sheets import SheetError
from goodpeople.access import imports_communities, views_standing
from goodpeople.models import CommunityPage
from goodpeople.onboarding import import_records, sheet_records, summary
from goodpeople.standing import Standing, standings

SHEET_MAX_BYTES = 5 * 1024 * 1024

SORT_KEYS = {
    "community": lambda s: s.community.path,
    "district": lambda s: s.community.district_title,
    "score": lambda s: s.score,
    "board": lambda s: s.board_updated_on.toordinal() if s.board_updated_on else 0,
}


def sorted_standings(rows: list, order: str) -> tuple[list, str]:
    """Rows sorted by a known column (prefix '-' for descending); unknown orders fall back."""
    key = order.lstrip("-")
    if key not in SORT_KEYS:
        order, key = "community", "community"
    return sorted(rows, key=SORT_KEYS[key], reverse=order.startswith("-")), order


def standing_report(request):
    """五个一达标情况: every community's marks in a sortable table."""
    if not views_standing(request.user):
        raise PermissionDenied
    communities = list(CommunityPage.objects.order_by("path"))
    districts = dict(
        Page.objects.filter(path__in={parent_path(c.path) for c in communities}).values_list(
            "path", "title"
        )
    )
    for community in communities:
        community.district_title = districts.get(parent_path(community.path), "")
    rows, order = sorted_standings(standings(communities), request.GET.get("order", "community"))
    return TemplateResponse(
        request,
        "goodpeople/admin/standing_report.html",
        {"rows": rows, "order": order, "marks": [label for _, label in Standing.MARKS]},
    )


class CommunitySheetForm(forms.Form):
    sheet = forms.FileField(
        label="社区表（.xlsx 或 .csv）",
        help_text="第一行为表头：县市区、社区（必填），街道、站长、地址、电话、开放时间、站长账号、"
        "记录员、记录员账号、帮扶单位、单位类型、单位级别、结对时间。",
    )
    create_accounts = forms.BooleanField(
        label="为站长和记录员创建登录账号", required=False, initial=False
    )

    def clean_sheet(self):
        sheet = self.cleaned_data["sheet"]
        if sheet.size > SHEET_MAX_BYTES:
            raise forms.ValidationError("文件太大：社区表不应超过 5 MB。")
        try:
            return sheet_records(sheet.name, sheet.read())
        except SheetError as error:
            raise forms.ValidationError(str(error)) from error


@never_cache
def community_import(request):
    """导入社区表: the same all-or-nothing import as `manage.py import_communities`.

    The new accounts' one-time passwords are shown in this response only, never stored.
    """
    if not imports_communities(request.user):
        raise PermissionDenied
    form = CommunitySheetForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        report, errors = import_records(
            form.cleaned_data["sheet"], create_accounts=form.cleaned_data["create_accounts"]
        )
        context.update(errors=errors, report=report, summary=summary(report) if report else "")
    return TemplateResponse(request, "goodpeople/admin/community_import.html", context)
