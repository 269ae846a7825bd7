"""Masking of personal data wherever it appears outside the volunteer's own record."""


def mask_id_number(value: str) -> str:
    """Keeps the first 3 and last 4 characters: 360402********1234."""
    if not value:
        return ""
    if len(value) <= 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_phone(value: str) -> str:
    """Keeps the first 3 and last 4 digits of a mobile number: 138****5678."""
    if not value:
        return ""
    if len(value) <= 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_name(value: str) -> str:
    """Keeps the surname only: 王秀兰 → 王**; compound surnames are rare enough to ignore."""
    if not value:
        return ""
    return value[0] + "*" * max(len(value) - 1, 1)
