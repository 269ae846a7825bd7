"""Ids from outside (URLs, rich-text links): digits that fit the id columns, or not an id."""

import re

MAX_ID = 2**31 - 1  # PostgreSQL's integer, what Django's AutoField uses


class IdConverter:
    regex = "[0-9]{1,10}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:
            # A ValueError tells Django the path does not match: a 404, not an overflow in SQL.
            raise ValueError(f"id {value} is out of range")
        return number

    def to_url(self, value: int) -> str:
        return str(value)


def valid_id(value) -> bool:
    text = str(value or "")
    return text.isdigit() and int(text) <= MAX_ID


LINK_IDS = re.compile(r'<a\b[^>]*\blinktype="(page|document)"[^>]*\bid="([^"]*)"')


def bad_link_ids(html: str) -> list[str]:
    """The ids of page and document links in stored rich text that no id column can hold."""
    found = []
    for match in LINK_IDS.finditer(html or ""):
        if not valid_id(match.group(2)):
            found.append(match.group(2))
    return found
