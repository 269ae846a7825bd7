import re

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from core import pagecache

# Where a reader checks the filings the footer names: the MIIT's ICP register, and the
# Ministry of Public Security's, which finds a site by the digits of its number.
ICP_REGISTER_URL = "https://beian.miit.gov.cn/"
POLICE_REGISTER_URL = "http://www.beian.gov.cn/portal/registerSystemInfo?recordcode={code}"


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting, ClusterableModel):
    """The site chrome editors change without a developer: the footer a Chinese government
    site carries (sponsors, filings, contact) and friend links."""

    site_name = models.CharField("网站名称", max_length=50, default="九江文明网")
    sponsor = models.CharField("主办单位", max_length=100, blank=True)
    organizer = models.CharField("承办单位", max_length=100, blank=True)
    technical_support = models.CharField("技术支持", max_length=100, blank=True)
    icp_number = models.CharField(
        "ICP备案号",
        max_length=50,
        blank=True,
        help_text="如：赣ICP备05004312号；页脚链接到工业和信息化部备案管理系统",
    )
    police_number = models.CharField(
        "公安机关备案号",
        max_length=50,
        blank=True,
        help_text="如：赣公网安备36040202000216号；页脚按其中的数字链接到全国互联网安全管理服务平台",
    )
    site_code = models.CharField(
        "网站标识码", max_length=20, blank=True, help_text="政府网站的网站标识码，如：3604000012"
    )
    government_site = models.BooleanField(
        "显示党政机关标识",
        default=False,
        help_text="党政机关网站经中央编办开办者身份核验后，在页脚显示红色“党政机关”标识",
    )
    conac_url = models.URLField(
        "党政机关标识核验地址",
        max_length=300,
        blank=True,
        help_text="核验通过后取得的链接，如：https://bszs.conac.cn/sitename?method=show&id=…",
    )
    contact_address = models.CharField("联系地址", max_length=100, blank=True)
    contact_phone = models.CharField("联系电话", max_length=50, blank=True)
    contact_email = models.EmailField("电子邮箱", blank=True)
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="“联系我们”页面",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="选填：页脚的“联系我们”链接到此页面",
    )
    copyright_line = models.CharField("版权声明", max_length=100, blank=True)
    share_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="分享默认图片",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="页面没有自己的图片时，分享到微信等应用的链接预览显示此图，建议 1200×630 像素；"
        "留空则用网站自带的红底图",
    )

    panels = [
        FieldPanel("site_name"),
        FieldPanel("share_image"),
        MultiFieldPanel(
            [
                FieldPanel("sponsor"),
                FieldPanel("organizer"),
                FieldPanel("technical_support"),
                FieldPanel("copyright_line"),
            ],
            heading="页脚",
        ),
        MultiFieldPanel(
            [
                FieldPanel("icp_number"),
                FieldPanel("police_number"),
                FieldPanel("site_code"),
                FieldPanel("government_site"),
                FieldPanel("conac_url"),
            ],
            heading="备案与标识",
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_address"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_email"),
                PageChooserPanel("contact_page"),
            ],
            heading="联系我们",
        ),
        InlinePanel("friend_links", label="友情链接"),
    ]

    # Fetched with the settings (and kept with them in the cache): every footer links the
    # contact page, and every page's share preview may show the share image.
    select_related = ["contact_page", "share_image"]

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

    def clean(self):
        super().clean()
        if self.government_site and not self.conac_url:
            raise ValidationError({"conac_url": "显示党政机关标识须填写核验地址。"})

    @property
    def icp_url(self) -> str:
        return ICP_REGISTER_URL

    @property
    def police_url(self) -> str:
        """The public-security register's page for this site, found by the number's digits."""
        code = re.sub(r"\D", "", self.police_number)
        return POLICE_REGISTER_URL.format(code=code) if code else ""

    @property
    def has_contact(self) -> bool:
        return any(
            (self.contact_address, self.contact_phone, self.contact_email, self.contact_page_id)
        )


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


class ErrorReport(models.Model):
    """网站纠错: a reader tells the office what is wrong on a page. Private: only the office
    (who holds the permissions on this model) lists and handles them."""

    # Checked by the form (a page of this site, whatever its host is called), not by Django's
    # URL validator, which refuses a host without a dot.
    page_url = models.CharField("出错页面网址", max_length=500)
    description = models.TextField("错误描述", max_length=2000)
    contact = models.CharField(
        "联系方式", max_length=100, blank=True, help_text="电话或电子邮箱，便于回复"
    )
    submitted_at = models.DateTimeField("提交时间", auto_now_add=True, db_index=True)
    handled = models.BooleanField("已处理", default=False)
    note = models.TextField("处理说明", blank=True)

    class Meta:
        verbose_name = "网站纠错"
        verbose_name_plural = "网站纠错"
        ordering = ["-submitted_at", "-pk"]

    def __str__(self) -> str:
        return self.summary()

    def summary(self) -> str:
        text = " ".join(self.description.split())
        return text if len(text) <= 30 else f"{text[:30]}…"

    summary.short_description = "错误描述"
