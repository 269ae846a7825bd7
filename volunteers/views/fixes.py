"""The station's side of inspections: what the office found in its community, and its fixes."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from volunteers import access, inspections


def fix_index(request):
    """督查整改: the office's findings and required fixes, read-only, and a report per open fix."""
    if not access.managed_stations(request.user).exists():
        raise PermissionDenied
    return TemplateResponse(
        request,
        "volunteers/fix_index.html",
        {
            "inspections": inspections.inspections_of_own_communities(request.user),
            "today": timezone.localdate(),
        },
    )


def fix_report(request, pk: int):
    """报告整改完成 (POST only); another community's inspection is a 404."""
    inspection = get_object_or_404(inspections.inspections_of_own_communities(request.user), pk=pk)
    if request.method == "POST":
        try:
            inspections.report_fix(inspection, request.user, request.POST.get("report", ""))
            messages.success(request, "已报告整改完成，等待市文明办确认。")
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
    return redirect("volunteers:fixes")
