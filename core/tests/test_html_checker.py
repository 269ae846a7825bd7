from django.test import SimpleTestCase

from core.tests.html import html_problems

VALID = """<!DOCTYPE html><html lang="zh-Hans"><head><title>t</title></head>
<body><h1 id="t">标题</h1><section aria-labelledby="t"><p>段落<br><img src="a.png" alt="">
</p><svg><path d="M0 0"/></svg></section></body></html>"""


class HtmlCheckerTests(SimpleTestCase):
    def test_a_valid_page_has_no_problems(self):
        self.assertEqual(html_problems(VALID), [])

    def test_flags_the_mistakes_templates_make(self):
        page = """<html lang="en"><body><h1 id="x">a</h1><p><div id="x">b</div></p>
        <a href="/"><a href="/b">c</a></a><img src="x.png"><span aria-labelledby="nope"><b></span>
        </body></html>"""
        problems = "\n".join(html_problems(page))
        for expected in [
            "no <!DOCTYPE html>",
            'expected "zh-Hans"',
            "<div> inside <p>",
            "<a> inside <a>",
            "<img> without alt",
            "</span> closes <b>",
            'duplicate id="x"',
            'aria-labelledby="nope" names no element',
        ]:
            with self.subTest(expected=expected):
                self.assertIn(expected, problems)
