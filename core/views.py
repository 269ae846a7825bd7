from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.admin.auth import require_admin_access
from wagtail.documents.views.serve import serve
from wagtail.images.views.images import preview

from core import care
from core.converters import valid_id
from core.images import has_zero_size
from core.lockouts import locked_pairs, may_unlock, unlock


@require_GET
def robots_txt(request):
    """Keep crawlers out of the admin, the counters and the forms; point them at the sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /stats/",
        "Disallow: /nominate/",
        "Disallow: /correction/",
        "Disallow: /care/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def care_switch(request, on: bool):
    """关怀版 on or off: a long-lived cookie, then back to the page the reader came from."""
    response = redirect(care.safe_next(request))
    if on:
        response.set_cookie(
            care.COOKIE_NAME,
            "1",
            max_age=care.COOKIE_MAX_AGE,
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )
    else:
        response.delete_cookie(care.COOKIE_NAME, samesite="Lax")
    return response


def login_locked_out(request, response, credentials):
    """django-axes' answer to a locked pair: the same for a user name that does not exist."""
    context = {"hours": settings.AXES_COOLOFF_TIME}
    return render(request, "core/locked_out.html", context, status=429)


@never_cache
def login_lockouts(request):
    """设置 › 登录锁定: the office administrator unlocks a pair before its hour is over."""
    if not may_unlock(request.user):
        raise PermissionDenied
    if request.method == "POST":
        attempt_id = request.POST.get("attempt", "")
        if not valid_id(attempt_id):
            raise Http404("没有这条锁定记录")
        attempt = get_object_or_404(AccessAttempt, pk=attempt_id)
        unlock(attempt)
        messages.success(request, f"已为“{attempt.username}”（{attempt.ip_address}）解锁。")
        return redirect("core_login_lockouts")
    context = {
        "attempts": locked_pairs(),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_hours": settings.AXES_COOLOFF_TIME,
    }
    return render(request, "core/admin/login_lockouts.html", context)


@require_admin_access
def image_preview(request, image_id: int, filter_spec: str):
    """Wagtail's preview of a filter in the admin's URL generator, where a size of 0 or an
    image that cannot be decoded would be a 500."""
    if has_zero_size(filter_spec):
        return HttpResponseBadRequest(
            f"宽度和高度必须大于 0：{filter_spec}", content_type="text/plain; charset=utf-8"
        )
    try:
        return preview(request, image_id, filter_spec)
    except OSError as error:  # Willow's and Wagtail's "cannot read this image" are OSErrors
        raise Http404("图片文件无法读取") from error


def serve_document(request, document_id: str, document_filename: str):
    """Wagtail's document download, for ids an id column can hold: its URL takes any digits,
    and int() refuses more than 4,300 of them."""
    if not valid_id(document_id):
        raise Http404("没有这个文件")
    return serve(request, document_id, document_filename)
