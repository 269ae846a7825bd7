import datetime

import wagtail_factories
from taggit.models import Tag
from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from core.tests.utils import count_queries, make_site_root
from news.factories import ArticlePageFactory, ChannelPageFactory, TopicPageFactory
from news.models import RelatedArticle, TopicPick
from news.stats import seed_views


class NewsTreeMixin:
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_root()
        cls.news = ChannelPageFactory(parent=cls.home, title="动态要闻", slug="dongtai")
        cls.sub = ChannelPageFactory(parent=cls.news, title="文明要闻", slug="yaowen")
        cls.other = ChannelPageFactory(parent=cls.home, title="文明实践", slug="shijian")


class ChannelPageTests(NewsTreeMixin, WagtailPageTestCase):
    def test_renders_with_articles_of_sub_channels_newest_first(self):
        ArticlePageFactory(parent=self.sub, title="旧的文章", date=datetime.date(2024, 1, 1))
        ArticlePageFactory(parent=self.news, title="新的文章", date=datetime.date(2025, 1, 1))
        ArticlePageFactory(parent=self.other, title="别的栏目文章")
        response = self.client.get(self.news.url)
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn("新的文章", html)
        self.assertIn("旧的文章", html)
        self.assertNotIn("别的栏目文章", html)
        self.assertLess(html.index("新的文章"), html.index("旧的文章"))
        self.assertContains(response, 'href="/dongtai/yaowen/"')

    def test_drafts_and_private_articles_are_not_listed(self):
        ArticlePageFactory(parent=self.news, title="草稿文章", live=False)
        private = ArticlePageFactory(parent=self.news, title="内部文章")
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
        response = self.client.get(self.news.url)
        self.assertNotContains(response, "草稿文章")
        self.assertNotContains(response, "内部文章")

    def test_paginates_and_tolerates_bad_page_numbers(self):
        for n in range(20):
            ArticlePageFactory(parent=self.news, title=f"分页文章{n:02d}")
        first = self.client.get(self.news.url)
        self.assertContains(first, "第 1 / 2 页")
        second = self.client.get(self.news.url, {"page": 2})
        self.assertContains(second, "第 2 / 2 页")
        self.assertEqual(self.client.get(self.news.url, {"page": "abc"}).status_code, 200)
        self.assertContains(self.client.get(self.news.url, {"page": 99}), "第 2 / 2 页")

    def test_filters_by_tag(self):
        tagged = ArticlePageFactory(parent=self.news, title="垃圾分类进社区")
        tagged.tags.add("垃圾分类")
        tagged.save_revision().publish()
        ArticlePageFactory(parent=self.news, title="无关文章")
        response = self.client.get(self.news.url, {"tag": "垃圾分类"})
        self.assertContains(response, "垃圾分类进社区")
        self.assertNotContains(response, "无关文章")
        self.assertContains(response, "标签：垃圾分类")
        self.assertNotContains(self.client.get(self.news.url, {"tag": "nope"}), "垃圾分类进社区")

    def test_channel_feed_lists_its_articles(self):
        ArticlePageFactory(parent=self.sub, title="订阅里的文章")
        ArticlePageFactory(parent=self.other, title="不在订阅里")
        response = self.client.get(self.news.url + "feed/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/rss+xml; charset=utf-8")
        self.assertContains(response, "订阅里的文章")
        self.assertNotContains(response, "不在订阅里")

    def test_site_feed_lists_every_channel(self):
        ArticlePageFactory(parent=self.sub, title="全站订阅一")
        ArticlePageFactory(parent=self.other, title="全站订阅二")
        ArticlePageFactory(parent=self.other, title="全站草稿", live=False)
        response = self.client.get("/feed/")
        self.assertContains(response, "全站订阅一")
        self.assertContains(response, "全站订阅二")
        self.assertNotContains(response, "全站草稿")

    def test_query_count_does_not_grow_with_articles(self):
        ArticlePageFactory.create_batch(2, parent=self.news)
        self.client.get(self.news.url)  # warm per-process caches (site root, settings)
        queries_few = count_queries(self.client, self.news.url)
        for _ in range(12):
            article = ArticlePageFactory(parent=self.news)
            article.tags.add("文明")
            article.save_revision().publish()
            seed_views(article, 5)
        self.assertEqual(count_queries(self.client, self.news.url), queries_few)


class ArticlePageTests(NewsTreeMixin, WagtailPageTestCase):
    def test_renders_like_the_source_page(self):
        image = wagtail_factories.ImageFactory(title="志愿者合影")
        article = ArticlePageFactory(
            parent=self.sub,
            title="强化领导 细化措施",
            subtitle="九江市社区志愿服务制度化落地有声",
            date=datetime.date(2014, 11, 7),
            source="九江文明网",
            author="李明",
            lead_image=image,
            body=[
                ("paragraph", "<p>近日，全市推进社区志愿服务。</p>"),
                ("quote", {"text": "奉献、友爱、互助、进步", "attribution": "志愿精神"}),
                ("image", {"image": image, "caption": "活动现场"}),
            ],
        )
        seed_views(article, 321)
        self.assertPageIsRenderable(article)
        response = self.client.get(article.url)
        self.assertContains(response, '<html lang="zh-Hans">', html=False)
        self.assertContains(response, "<h1>强化领导 细化措施</h1>", html=True)
        self.assertContains(response, "——九江市社区志愿服务制度化落地有声")
        self.assertContains(response, "2014-11-07")
        self.assertContains(response, "来源：九江文明网")
        self.assertContains(response, "作者：李明")
        self.assertContains(response, '访问量：<span class="js-views">321</span>', html=False)
        self.assertContains(response, '已有 <span class="js-likes">0</span> 人赞过', html=False)
        self.assertContains(response, "奉献、友爱、互助、进步")
        self.assertContains(response, "<figcaption>活动现场</figcaption>", html=True)
        self.assertContains(response, 'alt="活动现场"', html=False)
        self.assertContains(response, '<a href="/dongtai/">动态要闻</a>', html=True)
        self.assertContains(response, '<a href="/dongtai/yaowen/">文明要闻</a>', html=True)
        self.assertContains(response, 'property="og:title" content="强化领导 细化措施"', html=False)
        self.assertContains(response, 'property="og:image"', html=False)

    def test_date_is_editable_and_independent_of_publication(self):
        article = ArticlePageFactory(parent=self.news, date=datetime.date(2010, 5, 4))
        article.save_revision().publish()
        article.refresh_from_db()
        self.assertNotEqual(article.first_published_at.date(), article.date)
        self.assertContains(self.client.get(article.url), "2010-05-04")

    def test_draft_article_is_not_served(self):
        draft = ArticlePageFactory(parent=self.news, live=False)
        self.assertEqual(self.client.get(f"/dongtai/{draft.slug}/").status_code, 404)

    def test_related_articles_editor_picks_first_then_shared_tags_then_channel(self):
        article = ArticlePageFactory(parent=self.news, title="主文章")
        article.tags.add("志愿服务", "文明交通")
        picked = ArticlePageFactory(parent=self.other, title="编辑推荐")
        two_tags = ArticlePageFactory(parent=self.other, title="两个相同标签")
        two_tags.tags.add("志愿服务", "文明交通")
        one_tag = ArticlePageFactory(parent=self.other, title="一个相同标签")
        one_tag.tags.add("志愿服务")
        sibling = ArticlePageFactory(parent=self.news, title="同栏目文章")
        draft = ArticlePageFactory(parent=self.news, title="未发布的相关", live=False)
        draft.tags.add("志愿服务")
        unrelated = ArticlePageFactory(parent=self.other, title="无关")
        for page in (two_tags, one_tag, draft):
            page.save()
        RelatedArticle.objects.create(page=article, article=picked, sort_order=0)
        RelatedArticle.objects.create(page=article, article=article, sort_order=1)
        article.save()

        related = article.related_articles()
        self.assertEqual(related[:4], [picked, two_tags, one_tag, sibling])
        self.assertNotIn(article, related)
        self.assertNotIn(draft, related)
        self.assertNotIn(unrelated, related[:4])
        response = self.client.get(article.url)
        html = response.content.decode()
        self.assertLess(html.index("编辑推荐"), html.index("两个相同标签"))
        self.assertNotIn("未发布的相关", html)

    def test_previous_and_next_stay_in_the_channel(self):
        older = ArticlePageFactory(parent=self.news, title="较早", date=datetime.date(2024, 1, 1))
        middle = ArticlePageFactory(parent=self.news, title="中间", date=datetime.date(2024, 2, 1))
        newer = ArticlePageFactory(parent=self.news, title="较新", date=datetime.date(2024, 3, 1))
        ArticlePageFactory(parent=self.other, title="别处", date=datetime.date(2024, 1, 15))
        self.assertEqual(middle.previous_article(), older)
        self.assertEqual(middle.next_article(), newer)
        self.assertIsNone(older.previous_article())
        response = self.client.get(middle.url)
        self.assertContains(response, f'<a href="{older.url}" rel="prev">较早</a>', html=True)
        self.assertContains(response, f'<a href="{newer.url}" rel="next">较新</a>', html=True)

    def test_query_count_does_not_grow_with_related_articles(self):
        article = ArticlePageFactory(parent=self.news)
        article.tags.add("文明")
        article.save_revision().publish()
        self.client.get(article.url)
        few = count_queries(self.client, article.url)
        for n in range(10):
            other = ArticlePageFactory(parent=self.news if n % 2 else self.other)
            other.tags.add("文明")
            other.save_revision().publish()
            RelatedArticle.objects.create(page=article, article=other, sort_order=n)
        self.assertLessEqual(count_queries(self.client, article.url), few)


class TopicPageTests(NewsTreeMixin, WagtailPageTestCase):
    def test_gathers_pinned_and_tagged_articles_across_channels(self):
        tag = Tag.objects.create(name="学雷锋", slug="xueleifeng")
        pinned = ArticlePageFactory(parent=self.other, title="置顶的文章")
        in_news = ArticlePageFactory(parent=self.news, title="要闻里的雷锋")
        in_other = ArticlePageFactory(parent=self.other, title="实践里的雷锋")
        for page in (in_news, in_other):
            page.tags.add(tag)
            page.save_revision().publish()
        hidden = ArticlePageFactory(parent=self.news, title="雷锋草稿", live=False)
        hidden.tags.add(tag)
        hidden.save()
        ArticlePageFactory(parent=self.news, title="没有标签")
        topic = TopicPageFactory(parent=self.home, title="学雷锋专题", tag=tag)
        TopicPick.objects.create(page=topic, article=pinned, sort_order=0)
        self.assertPageIsRenderable(topic)
        html = self.client.get(topic.url).content.decode()
        for title in ("置顶的文章", "要闻里的雷锋", "实践里的雷锋"):
            self.assertIn(title, html)
        self.assertLess(html.index("置顶的文章"), html.index("要闻里的雷锋"))
        self.assertNotIn("雷锋草稿", html)
        self.assertNotIn("没有标签", html)
