"""Form posts to the page editor, as a browser would send them."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from goodpeople.models import GoodPeopleBoardPage
from goodpeople.tests.site import today


def board_form(board: GoodPeopleBoardPage, new_entries=(), **fields) -> dict:
    """The board's editor form with its current entries plus new ones, and any field changes."""
    saved = [e for e in board.entries.all() if e.pk]
    # A draft's entries that were never published have no id yet: they post as new forms.
    unsaved = [e for e in board.entries.all() if not e.pk]
    entries = [
        {
            "id": e.pk or "",
            "name": e.name,
            "category": e.category,
            "deed": e.deed,
            "listed_on": e.listed_on.isoformat(),
            "photo": e.photo_id or "",
        }
        for e in saved + unsaved
    ]
    entries += [{"id": "", "photo": "", **e} for e in new_entries]
    data = {
        "title": board.title,
        "slug": board.slug,
        "intro": board.intro,
        "entries": inline_formset(entries, initial=len(saved)),
        **fields,
    }
    return nested_form_data(data)


def entry(name: str, **fields) -> dict:
    return {
        "name": name,
        "category": "helping",
        "deed": "每天清晨打扫楼道，坚持了十年。",
        "listed_on": today().isoformat(),
        **fields,
    }
