"""Rich-text links that survive a bad id: rendered as plain text, never a 500.

A rich-text link names its page or document by id; a hand-made post can put any text there
("abc", a number beyond the id column), which Wagtail's handlers pass to the database.
"""

from wagtail.admin.rich_text.converters.html_to_contentstate import PageLinkElementHandler
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.rich_text.pages import PageLinkHandler

from core.converters import valid_id


class _KnownIdsOnly:
    @classmethod
    def get_many(cls, attrs_list: list[dict]) -> list:
        valid = [attrs for attrs in attrs_list if valid_id(attrs.get("id"))]
        found = iter(super().get_many(valid)) if valid else iter(())
        return [next(found) if valid_id(attrs.get("id")) else None for attrs in attrs_list]


class SafePageLinkHandler(_KnownIdsOnly, PageLinkHandler):
    pass


class SafeDocumentLinkHandler(_KnownIdsOnly, DocumentLinkHandler):
    pass


class SafePageLinkElementHandler(PageLinkElementHandler):
    """The editor's reading of a page link: a bad id opens as a broken link, not a 500."""

    def get_attribute_data(self, attrs):
        if not valid_id(attrs.get("id")):
            return {"id": None, "url": None, "parentId": None}
        return super().get_attribute_data(attrs)
