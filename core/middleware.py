"""What no request of the site may carry, refused before any view reads it."""

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, QueryDict

NUL = "\x00"


def carries_nul(data: QueryDict) -> bool:
    return any(NUL in key or any(NUL in value for value in values) for key, values in data.lists())


class RejectNulMiddleware:
    """A NUL character in the path, the query string or a form is a 400.

    It has no use in a URL or a form field, and PostgreSQL refuses it in text: a tag, a
    certificate number or a note with one would otherwise fail in the query as a 500, in every
    view that passes what it reads to the database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        query = request.META.get("QUERY_STRING", "")
        if (
            NUL in request.path_info
            # Parsed only when it may hold one: most requests carry no query, and a page from
            # the page cache should not pay for parsing one.
            or ((NUL in query or "%00" in query) and carries_nul(request.GET))
            or (request.method == "POST" and carries_nul(request.POST))
        ):
            return HttpResponseBadRequest(
                "请求中含有空字符（NUL），无法处理。".encode(),
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
