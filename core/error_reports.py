"""网站纠错: what a reader sends the office about a wrong page, the brakes on it, and who in
the admin sees the reports."""

import datetime
from urllib.parse import urlsplit

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.encoding import uri_to_iri
from django.utils.http import url_has_allowed_host_and_scheme

from core.models import ErrorReport


def on_this_site(url: str, host: str) -> bool:
    """True for an http(s) URL of this site (host as the request named it) or a local path."""
    return bool(url) and url_has_allowed_host_and_scheme(url, allowed_hosts={host})


def reported_url(request) -> str:
    """The page a report is about, to prefill the form: the footer's ?url=, else the page the
    reader came from; a URL of another site is left out, not echoed."""
    for url in (request.GET.get("url", ""), request.META.get("HTTP_REFERER", "")):
        url = url.strip()[: ErrorReport._meta.get_field("page_url").max_length]
        # Not the form itself (the reader reloading it, or back from a refused report).
        if on_this_site(url, request.get_host()) and urlsplit(url).path != request.path:
            # Readable: /shequ/甘棠社区/, not /shequ/%E7%94%98.../
            return uri_to_iri(request.build_absolute_uri(url))
    return ""


class ErrorReportForm(forms.ModelForm):
    """A reader's report: the page and what is wrong required, a way to reply optional."""

    page_url = forms.CharField(
        label="出错页面网址",
        max_length=500,
        error_messages={"required": "请填写出错页面的网址。"},
        widget=forms.URLInput(attrs={"inputmode": "url", "autocomplete": "url"}),
    )
    # A honeypot, as on the nomination form: hidden from people, filled in by scripts.
    homepage = forms.CharField(
        label="主页（请留空）",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = ErrorReport
        fields = ["page_url", "description", "contact"]
        error_messages = {
            "description": {
                "required": "请写下页面上哪里有错、应当是什么。",
                "max_length": "错误描述最多 %(limit_value)d 字（现有 %(show_value)d 字），请精简。",
            },
            "contact": {"max_length": "联系方式最多 %(limit_value)d 字。"},
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_page_url(self) -> str:
        """An address on this site, made absolute (a path such as /shequ/ is accepted)."""
        url = self.cleaned_data["page_url"].strip()
        if not on_this_site(url, self.request.get_host()):
            raise forms.ValidationError(
                "请填写本网站页面的网址，如 %(example)s",
                params={"example": self.request.build_absolute_uri("/")},
            )
        return self.request.build_absolute_uri(url)

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("homepage"):
            raise forms.ValidationError("纠错没有提交：“主页”一栏请留空。")
        url, description = cleaned_data.get("page_url"), cleaned_data.get("description")
        if url and description and self.repeats(url, description):
            raise forms.ValidationError("这条纠错今天已经收到了，我们会尽快核实，无需重复提交。")
        return cleaned_data

    @staticmethod
    def repeats(url: str, description: str) -> bool:
        """The same page and text within the last day (a resubmit, or a flood)."""
        return ErrorReport.objects.filter(
            page_url=url,
            description=description.strip(),
            submitted_at__gte=timezone.now() - datetime.timedelta(days=1),
        ).exists()


def reports_for(user) -> QuerySet:
    """Every report for the office (any permission on reports), none for anyone else.

    Wagtail checks the model's permissions on the reports' own screens, but its snippet chooser
    and bulk-action confirm pages would list them to any admin user, stations included.
    """
    perms = ("core.view_errorreport", "core.change_errorreport", "core.delete_errorreport")
    if user.is_active and any(user.has_perm(perm) for perm in perms):
        return ErrorReport.objects.all()
    return ErrorReport.objects.none()
