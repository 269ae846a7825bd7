from django.core.cache import cache
from django.db import models
from django.db.models import prefetch_related_objects
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from core import pagecache


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting, ClusterableModel):
    """The site chrome editors change without a developer: footer lines and friend links."""

    site_name = models.CharField("网站名称", max_length=50, default="九江文明网")
    sponsor = models.CharField("主办单位", max_length=100, blank=True)
    organizer = models.CharField("承办单位", max_length=100, blank=True)
    technical_support = models.CharField("技术支持", max_length=100, blank=True)
    icp_number = models.CharField("ICP备案号", max_length=50, blank=True)
    copyright_line = models.CharField("版权声明", max_length=100, blank=True)

    panels = [
        FieldPanel("site_name"),
        MultiFieldPanel(
            [
                FieldPanel("sponsor"),
                FieldPanel("organizer"),
                FieldPanel("technical_support"),
                FieldPanel("icp_number"),
                FieldPanel("copyright_line"),
            ],
            heading="页脚",
        ),
        InlinePanel("friend_links", label="友情链接"),
    ]

    class Meta:
        verbose_name = "网站设置"

    @classmethod
    def for_site(cls, site):
        """The settings with their friend links, kept under the page-cache generation: every
        page's header and footer read them, and they change only when an editor saves them."""
        key = f"wenming:site-settings:{pagecache.generation()}:{site.pk}"
        found = cache.get(key)
        if found is None:
            found = super().for_site(site)
            prefetch_related_objects([found], "friend_links")
            cache.set(key, found, timeout=3600)
        return found


class FriendLink(Orderable):
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="friend_links")
    name = models.CharField("名称", max_length=50)
    url = models.URLField("网址")

    panels = [FieldPanel("name"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = "友情链接"
        verbose_name_plural = "友情链接"

    def __str__(self) -> str:
        return self.name
