import datetime
import operator
from collections import defaultdict
from functools import reduce

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber, Substr
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import BodyBlock
from core.images import prefetch_renditions
from core.pages import channel_items, channel_listing, list_in_channels
from core.serializers import ParentLinkField, RenderedHTMLField, TagNamesField
from news.feeds import FEED_SIZE, ArticleFeed

PAGE_SIZE = 15
RELATED_COUNT = 6


def published_articles():
    """Live, public articles with what every listing shows, newest first."""
    return (
        ArticlePage.objects.live()
        .public()
        .select_related("lead_image", "stats")
        .order_by("-date", "-pk")
    )


def newest_in_each(channels: list["ChannelPage"], count: int) -> list[list["ArticlePage"]]:
    """The newest count published articles under each of sibling channels, in one query
    (ranked per channel by the database) rather than one query per channel."""
    if not channels:
        return []
    prefix = Substr("path", 1, len(channels[0].path))
    in_any = reduce(operator.or_, (Q(path__startswith=channel.path) for channel in channels))
    ranked = (
        published_articles()
        .filter(in_any)
        .annotate(
            channel_path=prefix,
            rank=Window(
                RowNumber(), partition_by=prefix, order_by=[F("date").desc(), F("pk").desc()]
            ),
        )
        .filter(rank__lte=count)
    )
    by_channel = defaultdict(list)
    for article in ranked:
        by_channel[article.channel_path].append(article)
    return [by_channel[channel.path] for channel in channels]


def published_in_order(article_ids) -> list["ArticlePage"]:
    """The published ones among hand-picked articles, in the editor's order."""
    article_ids = list(article_ids)
    by_id = published_articles().in_bulk(article_ids)
    return [by_id[pk] for pk in article_ids if pk in by_id]


class ChannelPage(RoutablePageMixin, Page):
    """A channel (栏目) such as 动态要闻; sub-channels nest inside it."""

    intro = models.TextField("栏目简介", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["news.ChannelPage"]  # and the home page: home.models
    subpage_types = [
        "news.ChannelPage",
        "news.ArticlePage",
        "news.TopicPage",
    ]

    class Meta:
        verbose_name = "栏目"
        verbose_name_plural = "栏目"

    def articles(self):
        """Every published article in this channel and its sub-channels."""
        return published_articles().descendant_of(self)

    def listing_page(self, page_number):
        """One page of everything the channel lists (articles, topics, notices), newest first."""
        page_obj = paginate(channel_listing(self), page_number)
        page_obj.object_list = channel_items(page_obj.object_list)
        return page_obj

    def filter_by_tag(self, articles, tag_slug: str | None):
        if not tag_slug:
            return articles, None
        tag = Tag.objects.filter(slug=tag_slug).first()
        if tag is None:
            return articles.none(), None
        return articles.filter(tagged_items__tag=tag), tag

    def sub_channels(self):
        return self.get_children().live().public().type(ChannelPage).specific()

    @path("")
    def index_route(self, request):
        # Tags are the articles': a tag's listing holds articles only.
        articles, tag = self.filter_by_tag(self.articles(), request.GET.get("tag"))
        if tag is None and not request.GET.get("tag"):
            page_obj = self.listing_page(request.GET.get("page"))
        else:
            page_obj = paginate(articles, request.GET.get("page"))
        return self.render(
            request,
            context_overrides={
                "articles": page_obj,
                "tag": tag,
                "sub_channels": self.sub_channels(),
            },
        )

    @path("feed/")
    def feed_route(self, request):
        return ArticleFeed(channel_items(channel_listing(self)[:FEED_SIZE]), channel=self)(request)


def paginate(queryset, page_number):
    """One page of a listing; an out-of-range or non-numeric page number gives the nearest page."""
    return Paginator(queryset, PAGE_SIZE).get_page(page_number)


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(Page):
    """A news article, shown like the source site's article page."""

    # Listings show its views (list items of other types have none).
    has_counters = True

    subtitle = models.CharField("副标题", max_length=255, blank=True)
    date = models.DateField(
        "日期", default=datetime.date.today, help_text="显示在文章上的发布日期，可改为原始日期"
    )
    source = models.CharField("来源", max_length=100, blank=True, default="九江文明网")
    author = models.CharField("作者", max_length=100, blank=True)
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="题图",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField("摘要", blank=True, help_text="列表和分享时显示；留空取正文开头")
    body = StreamField(BodyBlock(), verbose_name="正文", blank=True)
    tags = ClusterTaggableManager("标签", through=ArticleTag, blank=True)
    legacy_key = models.CharField(
        "旧站标识", max_length=64, unique=True, null=True, blank=True, editable=False
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("subtitle"),
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("source"), FieldPanel("author")], heading="文章信息"
        ),
        FieldPanel("lead_image"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("tags"),
        InlinePanel("related_links", label="相关文章（编辑推荐）"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("subtitle", boost=2),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("source"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("date"),
        APIField("source"),
        APIField("author"),
        APIField("subtitle"),
        APIField("summary"),
        APIField("tags", serializer=TagNamesField()),
        APIField("channel", serializer=ParentLinkField()),
        APIField("body"),
        APIField("body_html", serializer=RenderedHTMLField(source="body")),
        APIField("lead_image"),
        APIField(
            "lead_image_thumbnail",
            serializer=ImageRenditionField("fill-400x300", source="lead_image"),
        ),
        APIField(
            "lead_image_large", serializer=ImageRenditionField("width-1200", source="lead_image")
        ),
        APIField("view_count"),
        APIField("like_count"),
    ]

    parent_page_types = ["news.ChannelPage"]
    subpage_types = []
    # Shared links preview as an article (core.sharing).
    share_type = "article"

    @classmethod
    def api_listing(cls, queryset):
        """What the API fields read, fetched with the listing (wenming.api)."""
        queryset = queryset.select_related("lead_image", "stats").prefetch_related("tags")
        return prefetch_renditions(queryset, "lead_image", "fill-400x300", "width-1200")

    class Meta:
        verbose_name = "文章"
        verbose_name_plural = "文章"
        # Listings, related articles and previous/next all read a channel newest first: without
        # this each sorted every article (an article page took 93 ms at 10,000 articles).
        indexes = [models.Index(fields=["date", "page_ptr"], name="news_article_date_idx")]

    @property
    def channel(self):
        return self.get_parent()

    def share_image(self):
        return self.lead_image

    @property
    def view_count(self) -> int:
        stats = getattr(self, "stats", None)
        return stats.views if stats else 0

    @property
    def like_count(self) -> int:
        stats = getattr(self, "stats", None)
        return stats.likes if stats else 0

    @cached_property
    def tag_list(self) -> list[Tag]:
        """The tags, read once for the meta tags, the tag links and the related articles; with
        .all(), not a values query: a preview's tags are in memory (a revision or the form)."""
        return list(self.tags.all())

    def related_articles(self, limit: int = RELATED_COUNT) -> list["ArticlePage"]:
        """Editor picks first, then articles sharing tags, then the newest of the channel."""
        picks = published_in_order(
            pk for pk in self.related_links.values_list("article_id", flat=True) if pk != self.pk
        )
        seen = {self.pk, *(a.pk for a in picks)}
        found = picks[:limit]
        base = published_articles().exclude(pk__in=seen)
        tag_ids = [tag.pk for tag in self.tag_list]
        if len(found) < limit and tag_ids:
            shared = (
                base.filter(tagged_items__tag_id__in=tag_ids)
                .annotate(shared=Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids)))
                .order_by("-shared", "-date", "-pk")[: limit - len(found)]
            )
            found += list(shared)
            seen |= {a.pk for a in found}
        if len(found) < limit:
            parent = self.get_parent()
            found += list(base.exclude(pk__in=seen).child_of(parent)[: limit - len(found)])
        return found

    def siblings_in_channel(self):
        return published_articles().sibling_of(self, inclusive=False)

    def previous_article(self):
        """The next older article in the channel."""
        return (
            self.siblings_in_channel()
            .filter(Q(date__lt=self.date) | Q(date=self.date, pk__lt=self.pk))
            .first()
        )

    def next_article(self):
        """The next newer article in the channel."""
        return (
            self.siblings_in_channel()
            .filter(Q(date__gt=self.date) | Q(date=self.date, pk__gt=self.pk))
            .order_by("date", "pk")
            .first()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_articles"] = self.related_articles()
        context["previous_article"] = self.previous_article()
        context["next_article"] = self.next_article()
        return context


class RelatedArticle(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_links")
    article = models.ForeignKey(
        ArticlePage, verbose_name="文章", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("article", "news.ArticlePage")]

    class Meta(Orderable.Meta):
        verbose_name = "相关文章"
        verbose_name_plural = "相关文章"


class TopicPage(Page):
    """A special topic (专题) that gathers articles from every channel."""

    intro = models.TextField("专题介绍", blank=True)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="专题头图",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tag = models.ForeignKey(
        Tag,
        verbose_name="收录标签",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="带此标签的已发布文章自动收入专题",
    )
    body = StreamField(
        BodyBlock(),
        verbose_name="专题图文",
        blank=True,
        help_text="选填：显示在专题介绍之下、文章列表之上的文字、图集或视频",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
        FieldPanel("tag"),
        InlinePanel("picks", label="置顶文章"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [
        APIField("intro"),
        APIField("body"),
        APIField("body_html", serializer=RenderedHTMLField(source="body")),
        APIField("cover_image"),
        APIField(
            "cover_image_large", serializer=ImageRenditionField("width-1200", source="cover_image")
        ),
        APIField("tag", serializer=serializers.CharField(source="tag.name", allow_null=True)),
    ]

    parent_page_types = ["news.ChannelPage"]  # and the home page: home.models
    subpage_types = []

    class Meta:
        verbose_name = "专题"
        verbose_name_plural = "专题"

    def share_image(self):
        return self.cover_image

    def pinned_articles(self) -> list[ArticlePage]:
        return published_in_order(self.picks.values_list("article_id", flat=True))

    def tagged_articles(self, exclude_ids):
        if self.tag_id is None:
            return ArticlePage.objects.none()
        return (
            published_articles()
            .filter(tagged_items__tag_id=self.tag_id)
            .exclude(pk__in=exclude_ids)
            .distinct()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pinned = self.pinned_articles()
        context["pinned_articles"] = pinned
        context["articles"] = paginate(
            self.tagged_articles([a.pk for a in pinned]), request.GET.get("page")
        )
        return context


class TopicPick(Orderable):
    page = ParentalKey(TopicPage, on_delete=models.CASCADE, related_name="picks")
    article = models.ForeignKey(
        ArticlePage, verbose_name="文章", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("article", "news.ArticlePage")]

    class Meta(Orderable.Meta):
        verbose_name = "置顶文章"
        verbose_name_plural = "置顶文章"


class ArticleStats(models.Model):
    """View and like counts, kept outside the page so publishing or reverting never resets them."""

    article = models.OneToOneField(
        ArticlePage,
        verbose_name="文章",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="stats",
    )
    views = models.PositiveIntegerField("访问量", default=0)
    likes = models.PositiveIntegerField("点赞数", default=0)

    class Meta:
        verbose_name = "文章统计"
        verbose_name_plural = "文章统计"

    def __str__(self) -> str:
        return f"{self.article_id}: {self.views} / {self.likes}"


class ArticleLike(models.Model):
    """One row per visitor who liked an article, so a second like from them adds nothing."""

    article = models.ForeignKey(
        ArticlePage, verbose_name="文章", on_delete=models.CASCADE, related_name="like_records"
    )
    visitor = models.CharField("访客标识", max_length=64)
    created_at = models.DateTimeField("时间", default=timezone.now)

    class Meta:
        verbose_name = "点赞记录"
        verbose_name_plural = "点赞记录"
        constraints = [
            models.UniqueConstraint(fields=["article", "visitor"], name="one_like_per_visitor")
        ]

    def __str__(self) -> str:
        return f"{self.article_id} ← {self.visitor}"


# A channel lists its articles and topics with any other page types apps add (core.pages).
list_in_channels(ArticlePage, published_articles)
list_in_channels(TopicPage, TopicPage.objects.all)
