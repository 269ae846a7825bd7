"""Forms of the good-people board: residents' nominations, and the board's admin form."""

import datetime
import re

from django import forms
from django.conf import settings
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from core.admin_forms import StationPageForm
from core.uploads import ImageRefused, clean_image
from goodpeople.models.nominations import Nomination

DEFAULT_PHOTO_MAX_BYTES = 5 * 1024 * 1024


def photo_max_bytes() -> int:
    return getattr(settings, "GOODPEOPLE_NOMINATION_PHOTO_MAX_BYTES", DEFAULT_PHOTO_MAX_BYTES)


class NominationForm(forms.ModelForm):
    """A resident's nomination: name and deed required; the photo, if any, a real small image."""

    # A plain file field: core.uploads reads the file, with only the accepted formats' parsers.
    photo = forms.FileField(
        label="照片",
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    # A honeypot: hidden from people (and from screen readers and the tab order), filled in by
    # scripts that fill in every field. Nothing outside is asked, unlike a captcha service.
    homepage = forms.CharField(
        label="主页（请留空）",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = Nomination
        fields = ["name", "category", "deed", "photo", "nominator", "contact"]
        error_messages = {
            "name": {"required": "请填写被推荐人的姓名。"},
            "deed": {"required": "请写下他（她）的事迹。"},
        }
        widgets = {"deed": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, board=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.board = board

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("homepage"):
            raise forms.ValidationError("推荐没有提交：“主页”一栏请留空。")
        name, deed = cleaned_data.get("name"), cleaned_data.get("deed")
        if self.board is not None and name and deed and self.repeats(name, deed):
            raise forms.ValidationError("这条推荐今天已经收到了，工作站会尽快核实，无需重复提交。")
        return cleaned_data

    def repeats(self, name: str, deed: str) -> bool:
        """The same name and deed on this board within the last day (a resubmit, or a flood)."""
        key = entry_key(name, deed)
        recent = Nomination.objects.filter(
            board=self.board,
            submitted_at__gte=timezone.now() - datetime.timedelta(days=1),
        ).values_list("name", "deed")
        return any(entry_key(n, d) == key for n, d in recent)

    def clean_photo(self):
        """The photo as it will be stored: re-encoded, its metadata (GPS positions) gone."""
        photo = self.cleaned_data.get("photo")
        if not photo:
            return photo
        if photo.size > photo_max_bytes():
            raise forms.ValidationError(
                "照片太大（%(size)s），请上传不超过 %(limit)s 的图片。",
                params={
                    "size": filesizeformat(photo.size),
                    "limit": filesizeformat(photo_max_bytes()),
                },
            )
        try:
            return clean_image(photo, photo.name)
        except ImageRefused as refusal:
            raise forms.ValidationError(str(refusal), code=refusal.code) from None

    @transaction.atomic
    def save_for(self, board):
        nomination = self.save(commit=False)
        nomination.board = board
        nomination.save()
        return nomination


def entry_key(name: str, deed: str) -> tuple[str, str]:
    """Name and deed with spacing and punctuation ignored: what makes two entries the same."""
    return re.sub(r"\s+", "", name), re.sub(r"[\s\W_]+", "", deed)


class BoardPageForm(StationPageForm):
    """The board's admin form: the same person with the same deed may be listed only once."""

    def clean(self):
        cleaned_data = super().clean()
        seen: dict[tuple[str, str], int] = {}
        formset = self.formsets["entries"]
        for number, form in enumerate(formset.forms, start=1):
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("name"):
                continue
            key = entry_key(data["name"], data.get("deed") or "")
            if key in seen:
                form.add_error(
                    "name",
                    f"{data['name']}已在榜上（第{seen[key]}位），事迹相同，请勿重复添加。",
                )
            else:
                seen[key] = number
        return cleaned_data
