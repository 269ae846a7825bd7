"""Pinyin slugs for the districts and communities of a site made before they had them."""

from wagtail.contrib.redirects.signal_handlers import create_redirects
from wagtail.models import Page, Site

from core.pages import place_slug
from goodpeople.models import CommunityPage, DistrictPage


def convert_place_slugs() -> int:
    """Give every district and community whose slug is Chinese its pinyin slug, and redirect
    its old addresses (and those of every page below it) to it, so links already pasted into
    chats keep working. Returns how many pages changed; running it again changes nothing.

    Districts go first, so a community's redirect is made from its address under the old
    district slug as well as under the new one.
    """
    changed = 0
    sites = Site.objects.exclude(root_page__in=Page.objects.type(DistrictPage, CommunityPage))
    for model in (DistrictPage, CommunityPage):
        for page in model.objects.order_by("path"):
            if page.slug.isascii():
                continue
            before = model.objects.get(pk=page.pk)
            page.slug = place_slug(page.get_parent(), page.title, exclude=page)
            page.save(clean=False)
            for revision in {page.latest_revision, page.live_revision} - {None}:
                # The next edit starts from the latest revision: keep its slug the new one.
                revision.content["slug"] = page.slug
                revision.save(update_fields=["content"])
            create_redirects(page=page, page_old=before, sites=sites)
            changed += 1
    return changed
