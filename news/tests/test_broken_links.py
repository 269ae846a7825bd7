"""A rich-text link with an id no database holds (a hand-made post) breaks nothing."""

from django.contrib.auth.models import User
from django.test import TestCase
from django.urls import reverse

from core.tests.utils import make_site_root
from news.factories import ArticlePageFactory, ChannelPageFactory


class BrokenLinkPageTests(TestCase):
    def test_a_page_with_a_bad_link_id_opens_to_readers_and_in_the_editor(self):
        channel = ChannelPageFactory(parent=make_site_root(), slug="notices")
        article = ArticlePageFactory(
            parent=channel,
            body=[("paragraph", '<p><a linktype="page" id="abc">坏链接</a>正文</p>')],
        )
        self.assertContains(self.client.get(article.url), "<a>坏链接</a>", html=True)
        self.client.force_login(User.objects.create_superuser("boss", "b@example.com", "pw"))
        edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
        self.assertEqual(edit.status_code, 200)
