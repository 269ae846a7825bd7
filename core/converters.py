"""Ids from outside (URLs, rich-text links): digits that fit the id columns, or not an id."""

import re

from django import forms

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
    # ASCII digits only and no more than an id has: str.isdigit() takes "²", which int() refuses,
    # and int() refuses strings of more than 4,300 digits.
    text = str(value or "")
    return re.fullmatch(IdConverter.regex, text) is not None and int(text) <= MAX_ID


class IdModelChoiceField(forms.ModelChoiceField):
    """A choice by id where an id no column can hold is an invalid choice, not an overflow in
    SQL (a page's id is a foreign key to Page, which Django does not range-check)."""

    def to_python(self, value):
        if value not in self.empty_values and not valid_id(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


LINK_IDS = re.compile(r'<a\b[^>]*\blinktype="(page|document)"[^>]*\bid="([^"]*)"')


def bad_link_ids(html: str) -> list[str]:
    """The ids of page and document links in stored rich text that no id column can hold."""
    found = []
    for match in LINK_IDS.finditer(html or ""):
        if not valid_id(match.group(2)):
            found.append(match.group(2))
    return found
