"""API field serializers shared by page types (Wagtail API v2 runs on Django REST framework)."""

from rest_framework import serializers


class RenderedHTMLField(serializers.Field):
    """A StreamField or rich text as the HTML the site shows, for clients that only render."""

    def to_representation(self, value) -> str:
        return str(value)


class PageLinkField(serializers.Field):
    """A related page as {id, title}: enough to show and to fetch it from /api/v2/pages/<id>/."""

    def to_representation(self, page) -> dict:
        return {"id": page.pk, "title": page.title}
