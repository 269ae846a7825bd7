"""What readers send the office: 网站纠错."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.error_reports import ErrorReportForm, reported_url
from core.ratelimit import MESSAGE, exceeded, retry_after


# Never cached: the form carries this reader's CSRF token and the page they came from. The
# pages that link here carry neither, so they stay in the page cache.
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def error_report(request):
    """网站纠错: the form, prefilled with the page the reader came from; a thank-you after."""
    if request.method != "POST":
        form = ErrorReportForm(initial={"page_url": reported_url(request)}, request=request)
        return render_form(request, form, sent="sent" in request.GET)
    form = ErrorReportForm(request.POST, request=request)
    if exceeded(request, "correction"):
        # What the reader typed stays on the page, with the reason it was not sent.
        form.add_error(None, MESSAGE)
        response = render_form(request, form, status=429)
        response["Retry-After"] = str(retry_after("correction"))
        return response
    if form.is_valid():
        form.save()
        return redirect(request.path + "?sent=1")
    return render_form(request, form)


def render_form(request, form, sent: bool = False, status: int = 200) -> TemplateResponse:
    return TemplateResponse(
        request, "core/error_report.html", {"form": form, "sent": sent}, status=status
    )
