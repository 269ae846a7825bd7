from django.http import Http404, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.documents.views.serve import serve

from core.converters import valid_id


@require_GET
def robots_txt(request):
    """Keep crawlers out of the admin and the counters; point them at the sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /stats/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def serve_document(request, document_id: str, document_filename: str):
    """Wagtail's document download, for ids an id column can hold: its URL takes any digits,
    and int() refuses more than 4,300 of them."""
    if not valid_id(document_id):
        raise Http404("没有这个文件")
    return serve(request, document_id, document_filename)
