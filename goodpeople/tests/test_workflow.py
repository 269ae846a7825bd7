"""The 市文明办审核 workflow in the admin: submit, e-mail, approve, reject, no self-approval,
and a page in moderation kept out of search and the API."""

import smtplib

from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import TestCase, override_settings
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from goodpeople.models import GoodPeopleBoardPage, NoticePage
from goodpeople.tests.admin import board_form, entry
from goodpeople.tests.site import build_city, today


class SMTPDownBackend(BaseEmailBackend):
    """The mail server is unreachable."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPConnectError(421, "mail server down")


class WorkflowTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.city = build_city()
        cls.board = GoodPeopleBoardPage.objects.child_of(cls.city.community_a).get()

    def fresh_board(self) -> GoodPeopleBoardPage:
        # current_workflow_state is cached on the instance, so read the page again.
        return GoodPeopleBoardPage.objects.get(pk=self.board.pk)

    def edit_url(self) -> str:
        return reverse("wagtailadmin_pages:edit", args=[self.board.pk])

    def submit(self, user, name="新上榜好人"):
        self.client.force_login(user)
        post = board_form(self.board, [entry(name)], **{"action-submit": "1"})
        self.client.post(self.edit_url(), post)
        return self.fresh_board().current_workflow_state

    def act(self, user, action: str, comment: str = ""):
        self.client.force_login(user)
        task_state = self.fresh_board().current_workflow_state.current_task_state
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[self.board.pk, action, task_state.pk]
        )
        return self.client.post(url, {"comment": comment})

    def test_submission_e_mails_the_reviewers(self):
        mail.outbox.clear()
        state = self.submit(self.city.station_a)
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        recipients = {address for message in mail.outbox for address in message.to}
        self.assertIn("reviewer@example.com", recipients)
        self.assertIn("reviewer2@example.com", recipients)
        self.assertNotIn("station_b@example.com", recipients)

    @override_settings(EMAIL_BACKEND="goodpeople.tests.test_workflow.SMTPDownBackend")
    def test_a_submission_is_kept_when_the_mail_server_is_down(self):
        with self.assertLogs("wagtail.admin", level="ERROR") as logged:
            state = self.submit(self.city.station_a)
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        self.assertTrue(any("mail" in line.lower() for line in logged.output), logged.output)
        self.client.force_login(self.city.reviewer)
        self.assertContains(self.client.get(reverse("wagtailadmin_home")), "甘棠社区·身边好人榜")

    def test_approval_puts_the_entry_live(self):
        self.submit(self.city.station_a)
        self.assertNotContains(self.client.get(self.board.url), "新上榜好人")
        self.act(self.city.reviewer, "approve")
        self.assertIsNone(self.fresh_board().current_workflow_state)
        self.client.logout()
        self.assertContains(self.client.get(self.board.url), "新上榜好人")

    def test_rejection_sends_it_back_with_the_comment(self):
        self.submit(self.city.station_a)
        self.act(self.city.reviewer, "reject", "请补充事迹的时间和地点")
        self.assertEqual(
            self.fresh_board().current_workflow_state.status, WorkflowState.STATUS_NEEDS_CHANGES
        )
        self.client.force_login(self.city.station_a)
        self.assertContains(self.client.get(self.edit_url()), "请补充事迹的时间和地点")
        self.assertNotContains(self.client.get(self.board.url), "新上榜好人")

    def test_nobody_approves_their_own_submission(self):
        self.submit(self.city.reviewer, name="审核员自己加的好人")
        response = self.act(self.city.reviewer, "approve")
        # Wagtail turns the refusal into its "no permission" redirect to the dashboard.
        self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
        self.assertEqual(
            TaskState.objects.get(workflow_state__object_id=str(self.board.pk)).status,
            TaskState.STATUS_IN_PROGRESS,
        )
        self.client.force_login(self.city.reviewer)
        self.assertNotContains(self.client.get(self.edit_url()), "workflow-action-name")
        self.act(self.city.reviewer2, "approve")
        self.client.logout()
        self.assertContains(self.client.get(self.board.url), "审核员自己加的好人")

    def test_editing_while_in_moderation(self):
        self.submit(self.city.station_a)
        # The station is locked out of the submitted text...
        self.client.force_login(self.city.station_a)
        before = self.board.revisions.count()
        post = board_form(self.board, [entry("偷偷加的好人")], **{"action-submit": "1"})
        self.client.post(self.edit_url(), post)
        self.assertEqual(self.board.revisions.count(), before)
        # ...while a reviewer may correct it before approving, and the correction goes live.
        self.client.force_login(self.city.reviewer)
        latest = self.fresh_board().get_latest_revision_as_object()
        post = board_form(latest, intro="审核员修改了说明")
        self.client.post(self.edit_url(), post)
        self.act(self.city.reviewer, "approve")
        self.client.logout()
        html = self.client.get(self.board.url).content.decode()
        self.assertIn("审核员修改了说明", html)
        self.assertIn("新上榜好人", html)
        self.assertNotIn("偷偷加的好人", html)

    def test_office_editors_publish_directly(self):
        self.client.force_login(self.city.editor)
        post = board_form(self.board, [entry("编辑直接发布的好人")], **{"action-publish": "1"})
        self.client.post(self.edit_url(), post)
        self.client.logout()
        self.assertContains(self.client.get(self.board.url), "编辑直接发布的好人")


class NewPageInModerationTests(TestCase):
    """A page a station creates and submits is nowhere public until the office approves it."""

    @classmethod
    def setUpTestData(cls):
        cls.city = build_city()

    def found_by_search(self) -> bool:
        response = self.client.get("/search/", {"q": "楼道灯具"})
        return any(hit.page.title == "楼道灯具集中维修公告" for hit in response.context["hits"])

    def found_by_api(self) -> bool:
        listing = self.client.get("/api/v2/pages/", {"search": "楼道灯具"}).json()
        return any(item["title"] == "楼道灯具集中维修公告" for item in listing["items"])

    def test_a_never_published_page_in_moderation_is_not_searchable_until_approved(self):
        self.client.force_login(self.city.station_a)
        form = {
            "title": "楼道灯具集中维修公告",
            "slug": "dengju",
            "date": today().isoformat(),
            "body": rich_text("<p>本周六志愿者集中检修各楼栋楼道灯具。</p>"),
            "attachments": inline_formset([]),
            "action-submit": "1",
        }
        url = reverse(
            "wagtailadmin_pages:add", args=["goodpeople", "noticepage", self.city.community_a.pk]
        )
        self.client.post(url, nested_form_data(form))
        notice = NoticePage.objects.get(slug="dengju")
        self.assertFalse(notice.live)
        self.assertEqual(notice.current_workflow_state.status, WorkflowState.STATUS_IN_PROGRESS)

        self.client.logout()
        self.assertFalse(self.found_by_search())
        self.assertFalse(self.found_by_api())
        self.assertEqual(self.client.get(f"/api/v2/pages/{notice.pk}/").status_code, 404)

        self.client.force_login(self.city.reviewer)
        task_state = notice.current_workflow_state.current_task_state
        self.client.post(
            reverse(
                "wagtailadmin_pages:workflow_action", args=[notice.pk, "approve", task_state.pk]
            ),
            {"comment": ""},
        )
        self.client.logout()
        self.assertTrue(self.found_by_search())
        self.assertTrue(self.found_by_api())
