"""The office's moderation task: group approval in which nobody approves their own submission."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, WorkflowState


def submitter_of(obj):
    """Who submitted obj's current workflow (None when none is in progress)."""
    state = WorkflowState.objects.active().for_instance(obj).select_related("requested_by").first()
    return state.requested_by if state else None


class ChangesRequestedForm(forms.Form):
    """请求修改 needs its reason: the station sees it as its to-do."""

    comment = forms.CharField(
        label="修改意见",
        widget=forms.Textarea({"rows": 3}),
        error_messages={"required": "请写明需要修改什么，工作站会看到这段意见。"},
    )


class OfficeApprovalTask(AbstractGroupApprovalTask):
    """Like Wagtail's group approval, but the submitter cannot approve or reject their own work.

    Wagtail's built-in task lets a reviewer who submitted a page approve it too; the office
    requires a second pair of eyes.
    """

    def is_submitter(self, obj, user) -> bool:
        submitter = submitter_of(obj)
        return submitter is not None and submitter.pk == user.pk

    def get_actions(self, obj, user):
        if self.is_submitter(obj, user):
            return []
        return super().get_actions(obj, user)

    def get_form_for_action(self, action):
        return ChangesRequestedForm if action == "reject" else super().get_form_for_action(action)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return (
            super()
            .get_task_states_user_can_moderate(user, **kwargs)
            .exclude(workflow_state__requested_by=user)
        )

    @classmethod
    def get_description(cls):
        return "所选用户组的成员审核；提交人不能审核自己提交的内容"

    class Meta:
        verbose_name = _("市文明办审核（提交人不能自审）")
        verbose_name_plural = _("市文明办审核（提交人不能自审）")
