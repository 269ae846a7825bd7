from django import template
from django.utils.safestring import mark_safe
from wagtail.models import Site

from core.models import SiteSettings
from core.pages import breadcrumb, description, menu
from core.sharing import qr_svg, share_image_url, shareable_url

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


@register.inclusion_tag("components/share_meta.html", takes_context=True)
def share_meta(context):
    """Open Graph and Twitter card tags of the page, so a link pasted into a chat shows its
    title, summary and a picture (core.sharing.share_image_url)."""
    page, request = context["page"], context["request"]
    site_settings = SiteSettings.for_request(request)
    title = page.share_title() if hasattr(page, "share_title") else page.seo_title or page.title
    return {
        "page": page,
        "title": title,
        "url": page.get_full_url(request),
        "type": getattr(page, "share_type", "website"),
        "image_url": share_image_url(page, request, site_settings.share_image),
        "site_name": site_settings.site_name,
    }


@register.inclusion_tag("components/share_qr.html", takes_context=True)
def share_qr(context):
    """The QR code of the page's address with 微信扫一扫, nothing for a page a reader could
    not open from it (core.sharing.shareable_url)."""
    url = shareable_url(context["page"], context["request"])
    # Markup segno draws from the address, which it encodes in the paths, not as text.
    return {"svg": mark_safe(qr_svg(url)) if url else ""}  # noqa: S308
