import wagtail_factories
from wagtail.models import Page, Site

from home.models import HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "九江文明网"
    slug = "wenming"

    class Meta:
        model = HomePage


def make_site_home(**kwargs) -> HomePage:
    """The home page at the root of the default site, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, **kwargs)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "root_page": home, "site_name": "九江文明网"},
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home
