from django.http import Http404
from django.template.response import TemplateResponse
from wagtail.models import Site

from home import site_map as site_map_sections


def site_map(request):
    """网站地图: channels, districts and their communities, and the site's other pages."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("没有网站")
    home = site.root_page
    section = site_map_sections.community_section(home)
    context = {
        "channels": site_map_sections.channel_tree(home),
        "section": section,
        "districts": site_map_sections.districts(section),
        "showcases": site_map_sections.showcases(section),
    }
    return TemplateResponse(request, "home/site_map.html", context)
