"""Masking of personal data wherever it appears outside the person's own record."""


def mask(value: str, keep_start: int = 3, keep_end: int = 4) -> str:
    """Keeps the first and last few characters of an ID or phone number: 138****5678,
    360402********1234; too short a value is masked whole."""
    if not value:
        return ""
    if len(value) <= keep_start + keep_end:
        return "*" * len(value)
    return value[:keep_start] + "*" * (len(value) - keep_start - keep_end) + value[-keep_end:]


def mask_name(value: str) -> str:
    """Keeps the surname only: 王秀兰 → 王**; compound surnames are rare enough to ignore."""
    if not value:
        return ""
    return value[0] + "*" * max(len(value) - 1, 1)
