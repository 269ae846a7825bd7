from django.test import TestCase
from wagtail.rich_text import expand_db_html

from core.converters import MAX_ID
from core.tests.utils import make_site_root


class BrokenLinkTests(TestCase):
    def test_links_with_ids_no_database_holds_render_as_text(self):
        root = make_site_root()
        html = expand_db_html(
            f'<p><a linktype="page" id="{root.pk}">根</a> '
            '<a linktype="page" id="abc">坏</a> '
            f'<a linktype="page" id="{MAX_ID + 1}">大</a> '
            '<a linktype="document" id="1;DROP">文档</a> '
            '<a linktype="page" id="999999">不存在</a></p>'
        )
        self.assertIn('<a href="/">根</a>', html)
        for text in ("坏", "大", "文档", "不存在"):
            self.assertIn(f"<a>{text}</a>", html)
