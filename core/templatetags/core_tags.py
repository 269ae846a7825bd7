from django import template
from wagtail.models import Site

from core.pages import breadcrumb, description, menu

register = template.Library()


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    """The top navigation: the home page and the channels editors mark 'show in menus'."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"home": None, "items": [], "current": context.get("page")}
    home, items = menu(site, request)
    return {"home": home, "items": items, "current": context.get("page")}


@register.simple_tag
def ancestors_of(page) -> list:
    """The breadcrumb's pages above page (core.pages.breadcrumb)."""
    return breadcrumb(page)


@register.filter
def in_section(page, section) -> bool:
    """True when page is the section or below it, for highlighting the current channel."""
    if page is None or section is None:
        return False
    return page.path.startswith(section.path)


@register.filter(name="description")
def page_description(page) -> str:
    """The page's meta description (core.pages.description)."""
    return description(page)


@register.filter
def listing_badge(page) -> str:
    """The badge a list shows beside a page (a notice's 公示中), for the types that have one.
    A filter, not `page.publicity_label` in the template: a failed lookup there costs a dir()
    of the whole page class, a third of a millisecond per article listed."""
    label = getattr(page, "publicity_label", None)
    return label() if label else ""


@register.filter
def listing_date(page):
    """The date a list shows for a page: the date a channel lists it under, else its own."""
    return getattr(page, "listed_on", None) or getattr(page, "date", None)
