"""Tags typed with a Chinese keyboard: ，、； separate tags as the ASCII comma does."""

import re

from taggit.utils import _parse_tags

SEPARATORS = re.compile(r"[，、；;]")


def parse_tags(tagstring: str | None) -> list[str]:
    """taggit's parser (quotes, commas, spaces), after turning Chinese separators into commas."""
    return _parse_tags(SEPARATORS.sub(",", tagstring or ""))
