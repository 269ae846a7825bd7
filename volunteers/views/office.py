"""The office's admin views: the city dashboard and ranking, its export, inspections."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from core.converters import valid_id
from volunteers import access, charts, exports, inspections, stars
from volunteers import dashboard as figures
from volunteers.forms import InspectionForm
from volunteers.models import Inspection


def require_office(request) -> None:
    if not access.oversees_stations(request.user):
        raise PermissionDenied


def chosen_district(request) -> int | None:
    value = request.GET.get("district", "")
    return int(value) if valid_id(value) else None


def city_charts(rows: list, districts: list, today) -> list[charts.Chart]:
    """Hours over the last 12 months, the star distribution, and the districts compared."""
    months = figures.month_starts(today)
    monthly = [sum((row.monthly[i] for row in rows), figures.ZERO) for i in range(len(months))]
    star_counts = [sum(counts) for counts in zip(*(row.star_counts for row in rows), strict=True)]
    return [
        charts.column_chart(
            "近12个月已证明服务时长（小时）",
            [(f"{month:%y.%m}", hours) for month, hours in zip(months, monthly, strict=True)],
        ),
        charts.column_chart(
            "志愿者星级分布（人）",
            [(stars.star_label(level), count) for level, count in enumerate(star_counts)],
        ),
        charts.bar_chart(
            "各县（市、区）近12个月人均服务时长（小时）",
            [(district.title, district.hours_per_volunteer) for district in districts],
        ),
    ]


RANKING_COLUMNS = [
    ("district", "县（市、区）"),
    ("community", "社区"),
    ("score", "得分"),
    ("marks", "达标项"),
    ("board", "好人榜最近更新"),
    ("volunteers", "志愿者"),
    ("hours_month", "本月时长"),
    ("hours_total", "累计时长"),
    ("per_volunteer", "人均（近12个月）"),
]


def dashboard_context(request) -> dict:
    today = timezone.localdate()
    district_id = chosen_district(request)
    all_rows = figures.community_rows(today)
    rows = [row for row in all_rows if district_id is None or row.district_id == district_id]
    ranked, order = figures.ranked(rows, request.GET.get("order", "-score"))
    districts = figures.district_rows(all_rows)
    return {
        "rows": ranked,
        "order": order,
        "districts": districts,
        "district_id": district_id,
        "charts": city_charts(rows, districts, today) if rows else [],
        "overdue": Inspection.objects.filter(fixed_on__isnull=True, deadline__lt=today)
        .select_related("community")
        .order_by("deadline"),
        "star_levels": [
            stars.star_label(level) for level in range(len(stars.star_thresholds()) + 1)
        ],
        "columns": RANKING_COLUMNS,
    }


def dashboard(request):
    """全市概览与排名: every community's marks, ledger figures and pending work, ranked."""
    require_office(request)
    return TemplateResponse(
        request, "volunteers/dashboard/dashboard.html", dashboard_context(request)
    )


RANKING_HEADER = [
    "名次",
    "县（市、区）",
    "社区",
    "得分",
    "五个一达标项",
    "好人榜最近更新",
    "志愿者人数",
    "本月时长",
    "累计时长",
    "近12个月人均时长",
    "星级志愿者人数",
    "品牌项目近3个月时长",
    "待处理事项",
    "逾期整改",
]


def ranking_export(request):
    """The ranking as shown (same district filter and order) as an Excel sheet."""
    require_office(request)
    context = dashboard_context(request)
    workbook = exports.Workbook()
    workbook.remove(workbook.active)
    exports.add_sheet(
        workbook,
        "社区排名",
        RANKING_HEADER,
        (
            [
                rank,
                row.district,
                row.community.title,
                float(row.score),
                row.standing.score,
                row.standing.board_updated_on,
                row.volunteers,
                float(row.hours_month),
                float(row.hours_total),
                float(row.hours_per_volunteer),
                row.starred,
                float(row.brand_hours),
                row.pending_total,
                row.overdue_fixes,
            ]
            for rank, row in enumerate(context["rows"], start=1)
        ),
    )
    filename = f"ranking-{timezone.localdate():%Y%m%d}.xlsx"
    return exports.workbook_response(workbook, filename)


def inspection_index(request):
    """督查记录: every visit, overdue fixes first."""
    require_office(request)
    today = timezone.localdate()
    visits = list(Inspection.objects.select_related("community"))
    # What needs the office first: reports to confirm, then overdue fixes.
    visits.sort(
        key=lambda i: (
            not (i.fix_reported_on and not i.fixed_on),
            not i.is_overdue(today),
            -i.visited_on.toordinal(),
        )
    )
    return TemplateResponse(
        request,
        "volunteers/dashboard/inspection_index.html",
        {"inspections": visits, "today": today},
    )


def inspection_review(request, pk: int):
    """确认整改 or 退回 a station's report of its fix (POST only)."""
    require_office(request)
    inspection = get_object_or_404(Inspection.objects.select_related("community"), pk=pk)
    if request.method == "POST":
        try:
            if request.POST.get("decision") == "confirm":
                inspections.confirm_fix(inspection, request.user)
                messages.success(request, f"已确认 {inspection.community} 整改完成。")
            else:
                inspections.return_fix(inspection, request.POST.get("note", ""))
                messages.warning(request, f"已将 {inspection.community} 的整改报告退回。")
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
    return redirect("volunteers:inspections")


def inspection_form(request, pk: int | None = None):
    require_office(request)
    inspection = get_object_or_404(Inspection, pk=pk) if pk else None
    form = InspectionForm(request.POST or None, instance=inspection)
    if request.method == "POST" and form.is_valid():
        inspection = form.save(commit=False)
        if inspection.created_by_id is None:
            inspection.created_by = request.user
        inspection.save()
        messages.success(request, f"已保存 {inspection.community} 的督查记录。")
        return redirect("volunteers:inspections")
    title = f"督查记录：{inspection}" if inspection else "登记督查"
    return TemplateResponse(request, "volunteers/form.html", {"form": form, "title": title})
