from django import template

from goodpeople.moderation import sent_back, sent_back_message

register = template.Library()


@register.simple_tag
def sent_back_review(page):
    """The office's review that sent page back for changes, or None."""
    return sent_back(page)


@register.filter
def review_message(task_state) -> str:
    return sent_back_message(task_state)
