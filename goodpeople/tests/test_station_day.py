"""A station's day in the admin: what the office sent back and why, boards told apart, no
person listed twice."""

import json

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from goodpeople.factories import BoardEntryFactory, NoticePageFactory
from goodpeople.models import GoodPeopleBoardPage, NoticePage
from goodpeople.tests.admin import board_form, entry
from goodpeople.tests.site import build_city


class StationDayTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.city = build_city()
        cls.board = GoodPeopleBoardPage.objects.child_of(cls.city.community_a).get()
        cls.edit_url = reverse("wagtailadmin_pages:edit", args=[cls.board.pk])

    def submit(self, *entries):
        self.client.force_login(self.city.station_a)
        return self.client.post(
            self.edit_url, board_form(self.board, entries, **{"action-submit": "1"})
        )

    def send_back(self, comment: str):
        self.submit(entry("新上榜好人"))
        task_state = GoodPeopleBoardPage.objects.get(pk=self.board.pk).current_workflow_task_state
        self.client.force_login(self.city.reviewer)
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[self.board.pk, "reject", task_state.pk]
        )
        self.client.post(url, {"comment": comment})

    def test_the_station_sees_why_its_board_was_sent_back(self):
        self.send_back("请补充上榜好人的具体事迹和时间")
        self.client.force_login(self.city.station_a)
        edit = self.client.get(self.edit_url)
        self.assertContains(edit, "需修改")
        self.assertContains(edit, "请补充上榜好人的具体事迹和时间")
        listing = self.client.get(reverse("wagtailadmin_explore", args=[self.city.community_a.pk]))
        self.assertContains(listing, "需修改")
        self.assertContains(listing, "意见：请补充上榜好人的具体事迹和时间")
        self.assertNotContains(listing, "审核中")

    def test_changes_are_requested_only_with_a_reason(self):
        self.send_back("   ")
        board = GoodPeopleBoardPage.objects.get(pk=self.board.pk)
        self.assertEqual(board.current_workflow_state.status, "in_progress")
        task_state = board.current_workflow_task_state
        url = reverse(
            "wagtailadmin_pages:collect_workflow_action_data",
            args=[self.board.pk, "reject", task_state.pk],
        )
        modal = self.client.post(
            url, {"comment": ""}, headers={"x-requested-with": "XMLHttpRequest"}
        )
        self.assertIn("请写明需要修改什么", modal.json()["html"])

    def test_once_resubmitted_the_board_is_in_moderation_again(self):
        self.send_back("请补充")
        self.submit(entry("新上榜好人"))
        self.client.force_login(self.city.station_a)
        listing = self.client.get(reverse("wagtailadmin_explore", args=[self.city.community_a.pk]))
        self.assertNotContains(listing, "需修改")
        self.assertNotContains(self.client.get(self.edit_url), "意见：请补充")

    def test_boards_are_told_apart_by_their_community(self):
        self.assertEqual(self.board.get_admin_display_title(), "甘棠社区·身边好人榜")
        self.submit(entry("新上榜好人"))
        self.client.force_login(self.city.reviewer)
        dashboard = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(dashboard, "甘棠社区·身边好人榜")
        chooser = self.client.get(
            reverse("wagtailadmin_choose_page_child", args=[self.city.community_b.pk])
        )
        self.assertIn("十里社区·身边好人榜", chooser.json()["html"])
        breadcrumbs = self.client.get(self.edit_url)
        self.assertContains(breadcrumbs, "甘棠社区·身边好人榜")

    def test_the_same_person_with_the_same_deed_is_refused_before_submission(self):
        deed = "每天清晨打扫楼道，坚持了十年。"
        revisions = self.board.revisions.count()
        response = self.submit(
            entry("李好人", deed=deed), entry(" 李好人", deed="每天清晨打扫楼道 坚持了十年")
        )
        self.assertContains(response, "李好人已在榜上（第2位），事迹相同，请勿重复添加。")
        board = GoodPeopleBoardPage.objects.get(pk=self.board.pk)
        self.assertIsNone(board.current_workflow_state)
        self.assertEqual(board.revisions.count(), revisions)

    def test_the_same_name_with_another_deed_is_a_different_person(self):
        self.submit(
            entry("王芳", deed="照顾邻居老人。"), entry("王芳", deed="见义勇为救落水儿童。")
        )
        board = GoodPeopleBoardPage.objects.get(pk=self.board.pk)
        self.assertIsNotNone(board.current_workflow_state)

    def test_a_rich_text_link_to_a_made_up_id_is_refused_on_save(self):
        body = json.dumps(
            {
                "blocks": [
                    {
                        "key": "a1",
                        "type": "unstyled",
                        "text": "坏链接",
                        "depth": 0,
                        "inlineStyleRanges": [],
                        "entityRanges": [{"offset": 0, "length": 3, "key": 0}],
                    }
                ],
                "entityMap": {
                    "0": {
                        "type": "LINK",
                        "mutability": "MUTABLE",
                        "data": {"id": "abc", "url": "/", "parentId": None},
                    }
                },
            }
        )
        form = {
            "title": "楼道灯具维修公告",
            "slug": "dengju",
            "date": timezone.localdate().isoformat(),
            "body": body,
            "attachments": inline_formset([]),
            "action-submit": "1",
        }
        self.client.force_login(self.city.station_a)
        url = reverse(
            "wagtailadmin_pages:add", args=["goodpeople", "noticepage", self.city.community_a.pk]
        )
        response = self.client.post(url, nested_form_data(form))
        self.assertContains(response, "正文中的链接指向不存在的页面或文件（abc）")
        self.assertFalse(NoticePage.objects.filter(slug="dengju").exists())

    def test_a_station_member_who_also_reviews_cannot_publish_their_own_community(self):
        self.city.station_a.groups.add(*self.city.reviewer.groups.all())
        self.client.force_login(self.city.station_a)
        editor = self.client.get(self.edit_url)
        self.assertNotContains(editor, 'name="action-publish"')
        self.assertContains(editor, 'name="action-submit"')
        self.client.post(
            self.edit_url,
            board_form(self.board, [entry("自己发布的人")], **{"action-publish": "1"}),
        )
        board = GoodPeopleBoardPage.objects.get(pk=self.board.pk)
        self.assertNotContains(self.client.get(board.url), "自己发布的人")
        state = board.current_workflow_state
        self.assertEqual(state.requested_by, self.city.station_a)
        # And the task refuses them its approval: a second reviewer must look.
        self.assertEqual(
            state.current_task_state.task.specific.get_actions(board, self.city.station_a), []
        )
        self.assertNotEqual(
            state.current_task_state.task.specific.get_actions(board, self.city.reviewer), []
        )

    def test_the_office_still_publishes_its_own_pages_directly(self):
        self.client.force_login(self.city.reviewer)
        self.assertContains(
            self.client.get(reverse("wagtailadmin_pages:edit", args=[self.board.pk])),
            'name="action-publish"',
        )

    def test_a_station_member_who_also_reviews_cannot_bulk_publish_their_own_community(self):
        draft = self.board.get_latest_revision_as_object()
        draft.entries.add(BoardEntryFactory.build(name="列表里发布的人"))
        draft.save_revision(user=self.city.station_a)
        notice = NoticePageFactory(parent=self.city.community_a, title="甘棠社区草稿", live=False)
        self.city.station_a.groups.add(*self.city.reviewer.groups.all())

        def bulk_publish(user, page, **form):
            self.client.force_login(user)
            url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
            explorer = reverse("wagtailadmin_explore", args=[page.get_parent().pk])
            return self.client.post(f"{url}?id={page.pk}&next={explorer}", form, follow=True)

        response = bulk_publish(self.city.station_a, self.board)
        self.assertContains(response, "不能直接发布本社区的内容（身边好人榜）")
        self.assertNotContains(self.client.get(self.board.url), "列表里发布的人")
        # Publishing the section with its descendants would publish the community's drafts.
        response = bulk_publish(self.city.station_a, self.city.section, include_descendants="on")
        self.assertContains(response, "不能直接发布本社区的内容")
        self.assertFalse(NoticePage.objects.get(pk=notice.pk).live)
        # Another reviewer may.
        bulk_publish(self.city.reviewer, self.board)
        self.assertContains(self.client.get(self.board.url), "列表里发布的人")

    def test_a_station_member_who_also_reviews_cannot_publish_through_the_admin_api(self):
        draft = self.board.get_latest_revision_as_object()
        draft.entries.add(BoardEntryFactory.build(name="接口发布的人"))
        draft.save_revision(user=self.city.station_a)
        self.city.station_a.groups.add(*self.city.reviewer.groups.all())
        self.client.force_login(self.city.station_a)
        url = reverse("wagtailadmin_api:pages:action", args=[self.board.pk, "publish"])
        self.assertEqual(self.client.post(url, {}).status_code, 403)
        self.assertNotContains(self.client.get(self.board.url), "接口发布的人")
        self.client.force_login(self.city.reviewer)
        self.assertEqual(self.client.post(url, {}).status_code, 200)
        self.assertContains(self.client.get(self.board.url), "接口发布的人")
