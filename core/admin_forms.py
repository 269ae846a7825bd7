"""The admin form of pages that several editors share: media must be theirs to choose."""

from django import forms
from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry
from wagtail.rich_text import extract_references_from_rich_text

from core.converters import bad_link_ids, valid_id
from core.pages import place_slug


def foreign_media(values, user) -> list[str]:
    """Titles of images and documents among values that user may not choose.

    Wagtail hides them from its choosers, but a form post may still name any id; stations
    publish their residents' photos, so one station may not reuse another's.
    """
    Image, Document = get_image_model(), get_document_model()
    image_policy = policy_registry.get_by_type(Image)
    document_policy = policy_registry.get_by_type(Document)
    image_ids = {v.pk for v in values if isinstance(v, Image)}
    document_ids = {v.pk for v in values if isinstance(v, Document)}
    allowed_images = set(
        image_policy.instances_user_has_permission_for(user, "choose")
        .filter(pk__in=image_ids)
        .values_list("pk", flat=True)
    )
    allowed_documents = set(
        document_policy.instances_user_has_permission_for(user, "choose")
        .filter(pk__in=document_ids)
        .values_list("pk", flat=True)
    )
    return [
        v.title
        for v in values
        if (isinstance(v, Image) and v.pk not in allowed_images)
        or (isinstance(v, Document) and v.pk not in allowed_documents)
    ]


def rich_text_media(html) -> set[tuple[type, int]]:
    """(model, id) of the images and documents that stored rich text links to or embeds.

    The editor's choosers offer only what the user may choose, but the posted HTML may name
    any id.
    """
    if not isinstance(html, str) or "<" not in html:
        return set()
    media = (get_image_model(), get_document_model())
    return {
        (model, int(pk))
        for model, pk, _, _ in extract_references_from_rich_text(html)
        if model in media and valid_id(pk)
    }


class StationPageForm(WagtailAdminPageForm):
    """Form for pages stations edit: every image and document must be one the editor may choose."""

    def chosen_media(self) -> list:
        """What this edit newly points at; what the page already used stays allowed (an office
        editor may have placed a picture the station could not choose itself)."""
        values = [self.cleaned_data.get(name) for name in self.changed_data]
        linked: set[tuple[type, int]] = set()
        for name in self.changed_data:
            before = self.get_initial_for_field(self.fields[name], name)
            linked |= rich_text_media(self.cleaned_data.get(name)) - rich_text_media(before)
        for model in {model for model, _ in linked}:
            values.extend(model.objects.filter(pk__in=[pk for m, pk in linked if m is model]))
        for formset in self.formsets.values():
            # Formsets are validated after the form; validate them now to read their choices.
            formset.is_valid()
            for form in formset.forms:
                if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE"):
                    values.extend(form.cleaned_data.get(name) for name in form.changed_data)
        return values

    def clean(self):
        cleaned_data = super().clean()
        texts = [str(value) for value in cleaned_data.values() if value]
        bad = [link for text in texts if "linktype=" in text for link in bad_link_ids(text)]
        if bad:
            raise forms.ValidationError(
                "正文中的链接指向不存在的页面或文件（%(ids)s），请重新选择链接。",
                params={"ids": "、".join(bad)},
            )
        if self.for_user is not None and not self.for_user.is_superuser:
            refused = foreign_media(self.chosen_media(), self.for_user)
            if refused:
                raise forms.ValidationError(
                    "不能使用其他工作站的图片或文件：%(titles)s",
                    params={"titles": "、".join(refused)},
                )
        return cleaned_data


class PlaceSlugForm(WagtailAdminPageForm):
    """A new district or community left with the slug the admin fills in from its title (or
    none) gets a pinyin slug instead; a slug the editor typed is kept."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.fields["slug"].required = False

    def clean_slug(self):
        slug = self.cleaned_data.get("slug", "")
        title = self.cleaned_data.get("title", "")
        automatic = slug in ("", slugify(title, allow_unicode=True))
        if self.instance.pk is None and title and automatic:
            return place_slug(self.parent_page, title)
        return slug


class StationPlaceForm(PlaceSlugForm, StationPageForm):
    """The community page's form: a place's slug, and a station's media rules."""
