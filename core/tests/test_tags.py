from django.test import SimpleTestCase
from taggit.utils import parse_tags


class ChineseTagSeparatorTests(SimpleTestCase):
    def test_chinese_punctuation_separates_tags_like_the_ascii_comma(self):
        self.assertEqual(
            parse_tags("志愿服务，文明创建、垃圾分类；学雷锋;好人榜,道德讲堂"),
            sorted(["志愿服务", "文明创建", "垃圾分类", "学雷锋", "好人榜", "道德讲堂"]),
        )

    def test_quotes_and_spaces_keep_taggits_meaning(self):
        self.assertEqual(parse_tags('"新时代 文明实践"，志愿服务'), ["志愿服务", "新时代 文明实践"])
        self.assertEqual(parse_tags("，、；"), [])
        self.assertEqual(parse_tags(""), [])
