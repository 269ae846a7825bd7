from django.http import HttpRequest

from core import care


def care_mode(request: HttpRequest) -> dict:
    """`care_mode` for base.html: the <html> class, the stylesheet and which switch to show."""
    return {"care_mode": care.is_on(request)}
