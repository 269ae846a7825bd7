"""What of the shared admin a user may see: pages, images, documents and snippets.

Wagtail checks permissions before it changes anything, but several of its screens show titles
first (confirm pages, reports, choosers, its admin API). Stations edit side by side in one
admin, so those screens ask here what the user may see at all.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Model, QuerySet
from django.db.models.functions import Cast
from wagtail.models import CollectionMember, Page, ReferenceIndex
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

# Any one of these on a collection lets its images or documents be seen: choosing one needs
# its title and thumbnail.
MEDIA_ACTIONS = ["add", "change", "delete", "choose"]


def visible_pages(user) -> QuerySet:
    """Pages user has a permission on, and their ancestors (what Wagtail lets user explore)."""
    return PagePermissionPolicy().explorable_instances(user)


def visible_media(user, model: type[CollectionMember]) -> QuerySet:
    """Images or documents in the collections where user holds a permission."""
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(
        user, MEDIA_ACTIONS
    )


def visible_objects(request, model: type[Model]) -> QuerySet:
    """Objects of model that request's user may see in the admin.

    A snippet's own viewset says which of its objects the user sees (get_queryset); other
    models (users, groups) are guarded by Wagtail's model permissions as a whole.
    """
    if issubclass(model, Page):
        return visible_pages(request.user)
    if issubclass(model, CollectionMember):
        return visible_media(request.user, model)
    viewset = getattr(model, "snippet_viewset", None)
    queryset = viewset.get_queryset(request) if viewset else None
    return model._default_manager.all() if queryset is None else queryset


def used_on_published_pages(media: QuerySet) -> QuerySet:
    """The images or documents that a live, public page uses, by Wagtail's reference index.

    A station's photo for a board entry still in moderation, or a file on a private page, is
    in the media library before anyone may see it; listing the library would publish it.
    """
    pages = Page.objects.live().public().annotate(key=Cast("pk", CharField())).values("key")
    used = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=pages,
        to_content_type=ContentType.objects.get_for_model(media.model),
    ).values("to_object_id")
    return media.annotate(key=Cast("pk", CharField())).filter(key__in=used)


def may_download(user, document) -> bool:
    """Whether user may download document: once a live, public page uses it, anyone; before
    that, only who may see it in the admin (its station, the office)."""
    model = type(document)
    return used_on_published_pages(model.objects.filter(pk=document.pk)).exists() or (
        user.is_authenticated and visible_media(user, model).filter(pk=document.pk).exists()
    )
