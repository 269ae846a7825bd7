"""API field serializers shared by page types (Wagtail API v2 runs on Django REST framework)."""

from rest_framework import serializers
from wagtail.models import Page


def for_listing(field: serializers.Field, key: str, compute):
    """What compute(pages) gives for every page the response lists, computed once per response.

    A field serializes one page at a time; asked per page, a lookup is one query per page, and
    a listing of 20 pages costs four times one of 5. Here the first page asks for all of them.
    """
    root = field.root
    batches = root.__dict__.setdefault("_wenming_batches", {})
    if key not in batches:
        # A listing's pages were fetched as the listing began: iterating again reads no rows.
        many = isinstance(root, serializers.ListSerializer)
        batches[key] = compute(list(root.instance) if many else [root.instance])
    return batches[key]


class RenderedHTMLField(serializers.Field):
    """A StreamField or rich text as the HTML the site shows, for clients that only render."""

    def to_representation(self, value) -> str:
        return str(value)


class ParentLinkField(serializers.Field):
    """The page's parent as {id, title}, the parents of a whole listing fetched in one query."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page) -> dict:
        parents = for_listing(self, "parents", parents_by_path)
        return parents[page.path[: -Page.steplen]]


def parents_by_path(pages) -> dict[str, dict]:
    paths = {page.path[: -Page.steplen] for page in pages}
    rows = Page.objects.filter(path__in=paths).values("pk", "title", "path")
    return {row["path"]: {"id": row["pk"], "title": row["title"]} for row in rows}


class TagNamesField(serializers.Field):
    """Tag names in order, read from the tags prefetched with the listing."""

    def to_representation(self, tags) -> list[str]:
        return sorted(tag.name for tag in tags.all())
