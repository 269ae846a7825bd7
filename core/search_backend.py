"""Wagtail's database search backend, taught Chinese through core.chinese.

Select it with ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "core.search_backend"}}``.
It is Wagtail's own backend for the database in use (SQLite FTS5 or PostgreSQL) with two
additions: every text that enters the index is folded and split into words by
core.chinese.index_text, and every query is split the same way and turned into an AND of its
words. The admin's search, the site's search page and the API all go through it.
"""

from functools import cache

from django.db import connection
from django.db.models import F, Manager, QuerySet, Value
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast
from django.utils.encoding import force_str
from modelsearch.backends import get_search_backend
from modelsearch.backends.base import EmptySearchResults
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.query import (
    MATCH_ALL,
    And,
    Boost,
    Fuzzy,
    MatchAll,
    Not,
    Or,
    Phrase,
    PlainText,
    SearchQuery,
)
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from core import chinese

# PostgreSQL's "simple" configuration neither stems nor drops stop words, like SQLite's FTS5
# tokenizer, so both databases find the same pages.
POSTGRES_CONFIG = "simple"

# In relevance order on SQLite (the admin's search), a word in the title counts this many times
# one in the body.
TITLE_WEIGHT = 10


def _term_query(term: chinese.Term) -> SearchQuery:
    if len(term) == 1:
        return PlainText(term[0], operator="and")
    return Phrase(" ".join(term))


def _all_of(text: str) -> SearchQuery | None:
    terms = chinese.query_terms(text)
    if not terms:
        return None
    return And([_term_query(term) for term in terms])


def segment_query(query, operator: str | None = None):
    """A query (string or Wagtail query object) rewritten in index tokens; "" when nothing is left.

    A run of characters without spaces always means all of its words. Separate words are
    combined with AND too, unless the caller asked for "or".
    """
    if isinstance(query, str):
        query = PlainText(query, operator=operator or "and")
    if isinstance(query, PlainText):
        if query.operator == "or":
            parts = [p for p in (_all_of(part) for part in query.query_string.split()) if p]
            return Or(parts) if parts else ""
        return _all_of(query.query_string) or ""
    if isinstance(query, Phrase):
        return _all_of(query.query_string) or ""
    if isinstance(query, Boost):
        return segment_query(query.subquery)
    if isinstance(query, Not):
        inner = segment_query(query.subquery)
        return Not(inner) if inner != "" else MATCH_ALL
    if isinstance(query, And | Or):
        parts = [p for p in (segment_query(q) for q in query.subqueries) if p != ""]
        return type(query)(parts) if parts else ""
    return query


def _field_texts(obj, fields) -> list[tuple[object, str]]:
    """(search field, text) for every searchable value of obj, following related fields."""
    texts = []
    for field in fields:
        if isinstance(field, RelatedFields):
            related = field.get_value(obj)
            if related is None:
                continue
            related = related.all() if isinstance(related, Manager) else [related]
            for sub_obj in related:
                texts.extend(_field_texts(sub_obj, field.fields))
        elif isinstance(field, SearchField | AutocompleteField):
            value = field.get_value(obj)
            if isinstance(value, list | tuple):
                value = " ".join(force_str(item) for item in value)
            elif isinstance(value, dict):
                value = " ".join(force_str(item) for item in value.values())
            texts.append((field, force_str(value if value is not None else "")))
    return texts


def segmented_texts(obj) -> tuple[str, str, str]:
    """The title, body and autocomplete texts Wagtail indexes for obj, split into words.

    The same split Wagtail's database backends make: SearchField "title" is the title,
    other SearchFields the body, AutocompleteFields the autocomplete column.
    """
    title, body, autocomplete = [], [], []
    for field, text in _field_texts(obj, obj.get_search_fields()):
        if isinstance(field, AutocompleteField):
            autocomplete.append(text)
        elif field.field_name == "title":
            title.append(text)
        else:
            body.append(text)
    return tuple(chinese.index_text(" ".join(part)) for part in (title, body, autocomplete))


def plain_text(obj, relations: tuple[str, ...] = ()) -> str:
    """The object's searchable text apart from its title, with the named related objects'.

    Each relation is a query unless prefetched.
    """
    fields = [
        field
        for field in obj.get_search_fields()
        if (isinstance(field, RelatedFields) and field.field_name in relations)
        or (isinstance(field, SearchField) and field.field_name != "title")
    ]
    return " ".join(text for _, text in _field_texts(obj, fields) if text)


class ChineseSearchMixin:
    """Segments queries; the index classes below segment what gets indexed."""

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        query = segment_query(query, kwargs.get("operator"))
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


def matching(queryset: QuerySet, query, backend=None, operator: str | None = None) -> QuerySet:
    """queryset narrowed to what query finds, still a QuerySet to filter, order and page.

    Wagtail's search results come ordered by relevance or by the queryset's own order; the
    site search ranks by its own rule, so it needs the matches as a plain filter. The database
    backends give them as a subquery; others (Elasticsearch, OpenSearch) as a list of keys.
    """
    backend = backend or get_search_backend()
    # The search runs over the whole model: Wagtail's search accepts only plain filters on
    # indexed fields, and queryset's filters and annotations apply to the matches anyway.
    every = queryset.model._default_manager.all()
    # "and" also for search engines, whose default is "or": 八里湖社区 means all its words.
    results = backend.search(query, every, operator=operator or "and", order_by_relevance=False)
    if isinstance(results, EmptySearchResults):
        return queryset.none()
    if hasattr(results, "get_queryset"):
        return queryset.filter(pk__in=results.get_queryset().order_by().values("pk"))
    return queryset.filter(pk__in=[obj.pk for obj in results])


@cache
def sqlite_backend_class():
    """Imported on demand: Wagtail's SQLite backend module needs SQLite's FTS model."""
    from django.db.models import FloatField, Func
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteFTSIndexEntry,
        SQLiteIndex,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )

    class WeightedBM25(Func):
        """FTS5's bm25 with the title counting TITLE_WEIGHT times the body (lower is better)."""

        output_field = FloatField()

        def as_sql(self, compiler, connection, **extra):
            table = SQLiteFTSIndexEntry._meta.db_table
            # One weight per FTS column, in table order: autocomplete, body, title.
            return f"bm25({table}, 0.0, 1.0, {TITLE_WEIGHT:.1f})", []

    class ChineseSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
        """Ranks by one weighted bm25 over the whole match.

        Wagtail multiplies per-word bm25 scores, which are negative, so a query of several
        words can rank a page with fewer matches first, and it weighs titles no more than
        bodies: in the editors' search a page that only mentions a word outranked the page
        titled with it.
        """

        def _build_rank_expression(self, vectors, config):
            return WeightedBM25()

    class ChineseSQLiteIndex(SQLiteIndex):
        def add_items(self, model, objs):
            """Index as Wagtail does, then replace the stored text with its segmented form."""
            objs = list(objs)
            super().add_items(model, objs)
            entries = self.entries.filter(content_type_id=get_content_type_pk(model))
            for obj in objs:
                title, body, autocomplete = segmented_texts(obj)
                entries.filter(object_id=str(obj.pk)).update(
                    title=title, body=body, autocomplete=autocomplete
                )

    class ChineseSQLiteSearchBackend(ChineseSearchMixin, SQLiteSearchBackend):
        index_class = ChineseSQLiteIndex
        query_compiler_class = ChineseSQLiteSearchQueryCompiler

    return ChineseSQLiteSearchBackend


@cache
def postgres_backend_class():
    """Imported on demand, like the SQLite one."""
    from django.contrib.postgres.search import SearchVector, SearchVectorField
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from modelsearch.conf import get_app_config

    index_entry = get_app_config().get_model("IndexEntry")  # wagtail.search's, under Wagtail
    # Exactly the expression of the index in core/migrations/0002, so PostgreSQL can use it.
    TITLE_BODY = CombinedExpression(  # noqa: N806
        F("title"), "||", F("body"), output_field=SearchVectorField()
    )

    def vector(text: str) -> SearchVector:
        return SearchVector(Value(text), config=POSTGRES_CONFIG)

    class ChinesePostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
        """Finds matches in the index table alone, through a GIN index on ``title || body``.

        Wagtail tests ``title || body`` on the index entry joined to every row of the searched
        model, which no index serves: PostgreSQL computed the vector of every entry (355 ms a
        search at 10,000 articles). Here the whole query is one tsquery against that same
        expression on the index table, where core's migration 0002 indexes it, so PostgreSQL
        intersects the words' posting lists in the index; only the matches join the pages.
        """

        def search(self, config, start, stop, score_field=None, backend=None):
            # Searches in given fields, match-all and fuzzy queries stay Wagtail's own.
            everything = isinstance(self.query, Not) and isinstance(self.query.subquery, MatchAll)
            if self.fields or everything or isinstance(self.query, MatchAll | Fuzzy):
                return super().search(config, start, stop, score_field, backend)
            search_query = self.build_tsquery(self.query, config=config)
            queryset = self.queryset.filter(pk__in=self.matching_pks(search_query))
            rank = None
            if self.order_by_relevance or score_field is not None:
                rank = self._build_rank_expression(self.get_index_vectors(search_query), config)
            return self._apply_ordering_and_scoring(queryset, rank, start, stop, score_field)

        def matching_pks(self, search_query) -> QuerySet:
            model = self.queryset.model
            pk = model._meta.pk
            while pk.is_relation:  # a page type's key is its link to Page
                pk = pk.target_field
            return (
                index_entry.objects.annotate(title_body=TITLE_BODY)
                .filter(
                    title_body=search_query,
                    content_type_id__in=get_descendants_content_types_pks(model),
                )
                .annotate(matched_pk=Cast("object_id", output_field=pk))
                .values("matched_pk")
            )

    class ChinesePostgresIndex(PostgresIndex):
        def add_items(self, model, objs):
            """Index as Wagtail does, then replace the stored vectors with segmented ones."""
            objs = list(objs)
            super().add_items(model, objs)
            entries = self.entries.filter(content_type_id=get_content_type_pk(model))
            for obj in objs:
                title, body, autocomplete = segmented_texts(obj)
                entries.filter(object_id=str(obj.pk)).update(
                    title=vector(title), body=vector(body), autocomplete=vector(autocomplete)
                )

    class ChinesePostgresSearchBackend(ChineseSearchMixin, PostgresSearchBackend):
        index_class = ChinesePostgresIndex
        query_compiler_class = ChinesePostgresSearchQueryCompiler

        def __init__(self, params):
            super().__init__({"SEARCH_CONFIG": POSTGRES_CONFIG, **params})

    return ChinesePostgresSearchBackend


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up by this name)
    """Wagtail's database backend for the default database, segmenting Chinese both ways."""
    if connection.vendor == "postgresql":
        return postgres_backend_class()(params)
    if connection.vendor == "sqlite":
        return sqlite_backend_class()(params)
    return database_backend(params)
