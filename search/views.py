from dataclasses import dataclass

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.forms import BoundField
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

from core.chinese import MAX_QUERY_CHARS, query_terms
from core.converters import IdModelChoiceField
from core.pages import parent_path
from core.ratelimit import rate_limit
from search.results import (
    SEARCHABLE_TYPES,
    WITHIN_FILTERS,
    SearchFilters,
    hits,
    paginate,
    search_pages,
)

# Filters whose options are grouped under their parent page (communities under districts).
GROUPED = {"community"}


@dataclass
class FilterMenu:
    field: BoundField
    groups: dict[str, list[tuple[int, str]]]
    """Options (id, title) by group title; "" for options outside any group."""

    def options(self) -> SafeString:
        """The <option>s, built here: the template language takes milliseconds for a city."""
        chosen = str(self.field.value() or "")
        parts = [f'<option value="">{escape(self.field.field.empty_label)}</option>']
        for group, options in self.groups.items():
            html = "".join(
                f'<option value="{pk}"{" selected" if str(pk) == chosen else ""}>'
                f"{escape(title)}</option>"
                for pk, title in options
            )
            parts.append(f'<optgroup label="{escape(group)}">{html}</optgroup>' if group else html)
        return mark_safe("".join(parts))  # noqa: S308 - titles escaped, ids are integers


class SearchForm(forms.Form):
    """The reader's query and filters; anything malformed is a 400 with the reason shown."""

    q = forms.CharField(label="关键词", required=False, max_length=MAX_QUERY_CHARS)
    type = forms.ChoiceField(
        label="类型",
        required=False,
        choices=[("", "全部类型"), *((t.key, t.label) for t in SEARCHABLE_TYPES)],
    )
    date_from = forms.DateField(label="起始日期", required=False)
    date_to = forms.DateField(label="截止日期", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, model in WITHIN_FILTERS.items():
            label = model._meta.verbose_name
            self.fields[name] = IdModelChoiceField(
                label=label,
                required=False,
                empty_label=f"全部{label}",
                queryset=model.objects.live().public().order_by("path"),
            )

    def has_filters(self) -> bool:
        return any(self.data.get(name) for name in self.fields if name != "q")

    def within_menus(self) -> list[FilterMenu]:
        """The "under this page" selects, communities grouped by district, from one query.

        Django's widgets took about 20 ms to render the 213 communities of a city, more than
        the search itself.
        """
        types = {ContentType.objects.get_for_model(m).pk: n for n, m in WITHIN_FILTERS.items()}
        rows = (
            Page.objects.live()
            .public()
            .filter(content_type__in=types)
            .order_by("path")
            .values_list("pk", "title", "path", "content_type")
        )
        titles = {path: title for _, title, path, _ in rows}
        groups: dict[str, dict[str, list[tuple[int, str]]]] = {name: {} for name in WITHIN_FILTERS}
        for pk, title, path, content_type in rows:
            name = types[content_type]
            group = titles.get(parent_path(path), "") if name in GROUPED else ""
            groups[name].setdefault(group, []).append((pk, title))
        return [FilterMenu(self[name], groups[name]) for name in WITHIN_FILTERS]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError("起始日期不能晚于截止日期。")
        return cleaned

    def filters(self) -> SearchFilters:
        data = self.cleaned_data
        return SearchFilters(
            type=data["type"] or None,
            within=[data[name] for name in WITHIN_FILTERS if data.get(name) is not None],
            date_from=data["date_from"],
            date_to=data["date_to"],
        )


@rate_limit("search")
def search(request):
    """The site search at /search/?q=: every public page type, Chinese words found inside text."""
    form = SearchForm(request.GET)
    context = {"form": form, "query": request.GET.get("q", "")}
    if not form.is_valid():
        return render(request, "search/search.html", context, status=400)
    query = form.cleaned_data["q"]
    if query_terms(query):
        page_obj = paginate(search_pages(query, form.filters()), request.GET.get("page"))
        context.update(results=page_obj, hits=hits(page_obj, query))
    return render(request, "search/search.html", context)
