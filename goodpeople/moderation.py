"""What a station sees of the office's review: a submission sent back, and why."""

from wagtail.models import Page, TaskState, WorkflowState


def sent_back(page: Page) -> TaskState | None:
    """The office's rejected review of page when its submission awaits the station's changes.

    Uses the workflow states a listing prefetched (Wagtail's prefetch_workflow_states), so a
    listing asks nothing more per row.
    """
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    return state.current_task_state


def sent_back_message(task_state: TaskState) -> str:
    """需修改, who asked and when, and the comment: the station's to-do in one line."""
    reviewer = task_state.finished_by
    who = (reviewer.get_full_name() or reviewer.get_username()) if reviewer else "市文明办"
    when = task_state.finished_at.astimezone().strftime("%Y-%m-%d %H:%M")
    comment = task_state.comment.strip() or "（未填写意见）"
    return f"需修改：{who}于{when}退回，意见：{comment}"
