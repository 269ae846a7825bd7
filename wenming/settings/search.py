"""Which search backend runs, from the environment: the database (default) or a search engine.

The database backend (core.search_backend) segments Chinese itself and needs nothing else.
Where one machine is not enough, Wagtail's Elasticsearch or OpenSearch backend takes over
and a Chinese analyzer plugin on the server does the segmenting: IK (``ik_max_word`` to index,
``ik_smart`` to search) or the official smartcn. See README, "Search".
"""

from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

ENGINES = {
    "elasticsearch": "wagtail.search.backends.elasticsearch8",
    "opensearch": "wagtail.search.backends.opensearch2",
}

# Analysis settings merged into Wagtail's index settings: "default" is what Wagtail's text
# fields are indexed with, "default_search" what queries are analysed with.
ANALYZERS = {
    "ik": {
        "default": {"type": "custom", "tokenizer": "ik_max_word", "filter": ["lowercase"]},
        "default_search": {"type": "custom", "tokenizer": "ik_smart", "filter": ["lowercase"]},
    },
    "smartcn": {
        "default": {"type": "smartcn"},
        "default_search": {"type": "smartcn"},
    },
}

# With the STConvert plugin, traditional characters are folded to simplified on both sides.
TRADITIONAL_TO_SIMPLIFIED = {"t2s": {"type": "stconvert", "convert_type": "t2s"}}


def chinese_index_settings(analyzer: str, fold_traditional: bool) -> dict:
    """INDEX_SETTINGS for Wagtail's search-engine backends with a Chinese analyzer."""
    if analyzer not in ANALYZERS:
        raise ImproperlyConfigured(
            f"SEARCH_ANALYZER must be one of {', '.join(ANALYZERS)}, not {analyzer!r}."
        )
    analyzers = {name: dict(config) for name, config in ANALYZERS[analyzer].items()}
    analysis: dict = {"analyzer": analyzers}
    if fold_traditional:
        analysis["char_filter"] = TRADITIONAL_TO_SIMPLIFIED
        for config in analyzers.values():
            config["char_filter"] = list(TRADITIONAL_TO_SIMPLIFIED)
    return {"settings": {"analysis": analysis}}


def search_backends(environ: Mapping[str, str]) -> dict:
    """WAGTAILSEARCH_BACKENDS from the SEARCH_* environment variables (README, "Search")."""
    engine = environ.get("SEARCH_ENGINE", "database")
    if engine == "database":
        return {"default": {"BACKEND": "core.search_backend"}}
    if engine not in ENGINES:
        raise ImproperlyConfigured(
            f"SEARCH_ENGINE must be database, {', '.join(ENGINES)}; not {engine!r}."
        )
    url = environ.get("SEARCH_URL")
    if not url:
        raise ImproperlyConfigured(f"Set SEARCH_URL to the {engine} server's URL.")
    fold = environ.get("SEARCH_FOLD_TRADITIONAL", "false").lower() == "true"
    return {
        "default": {
            "BACKEND": ENGINES[engine],
            "URLS": [u for u in url.split(",") if u],
            "INDEX_PREFIX": environ.get("SEARCH_INDEX_PREFIX", "wenming_"),
            "TIMEOUT": 5,
            "INDEX_SETTINGS": chinese_index_settings(environ.get("SEARCH_ANALYZER", "ik"), fold),
        }
    }
