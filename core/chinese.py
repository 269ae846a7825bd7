"""Chinese text for search: fold it to one form and split unspaced text into words.

Wagtail's database search backends (SQLite FTS5 and PostgreSQL text search) split text on
spaces and punctuation only, so "九江市社区志愿服务制度化落地有声" is a single token and a
search for 志愿服务 cannot find it. Everything that goes into the index, and every query,
passes through here first: both sides are folded the same way (full-width to half-width,
lower case, traditional to simplified) and split into words separated by spaces, which
every backend then tokenises correctly.

Three ways of splitting were measured on the query set in core/tests/queryset.py (see
core/tests/test_chinese.py); ``STRATEGY`` is the one that won.
"""

import logging
import re
import unicodedata
from functools import cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from pypinyin import lazy_pinyin

# CJK unified ideographs, extension A and compatibility ideographs.
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CHUNK = re.compile(rf"[{CJK}]+|[^\W_{CJK}]+")
_IS_CJK = re.compile(rf"[{CJK}]")

# A query is cut to this many characters and this many words: enough for any real question,
# and it bounds the SQL a single request can build.
MAX_QUERY_CHARS = 200
MAX_QUERY_TERMS = 12

STRATEGY = "jieba_chars"
STRATEGIES = ("jieba", "jieba_chars", "bigram", "hybrid")

Term = tuple[str, ...]
"""One query word as index tokens; more than one token means they must appear in a row."""


@cache
def _converter():
    from opencc import OpenCC

    return OpenCC("t2s")


@cache
def _jieba():
    """jieba's tokenizer, loaded once per process (about 1 s and 65 MB for its dictionary)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def fold(text: str) -> str:
    """The one form index and queries share: NFKC (ＷｉＦｉ → wifi), lower case, simplified."""
    return _converter().convert(unicodedata.normalize("NFKC", text).lower())


def chunks(text: str) -> list[str]:
    """Runs of Chinese characters and runs of letters/digits, punctuation and spaces dropped."""
    return _CHUNK.findall(text)


def is_cjk(chunk: str) -> bool:
    return bool(_IS_CJK.match(chunk))


def bigrams(run: str) -> list[str]:
    """Overlapping character pairs of a Chinese run; a single character stays itself."""
    if len(run) < 2:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def _words(run: str) -> list[str]:
    return [word for word in _jieba().cut(run, HMM=True) if word.strip()]


def index_tokens(text: str, strategy: str = STRATEGY) -> list[str]:
    """The tokens a page's text is indexed as, in order."""
    tokens: list[str] = []
    characters: set[str] = set()
    for chunk in chunks(fold(text)):
        if not is_cjk(chunk):
            tokens.append(chunk)
        elif strategy.startswith("jieba"):
            tokens.extend(w for w in _jieba().cut_for_search(chunk, HMM=True) if w.strip())
        else:
            tokens.extend(bigrams(chunk))
        if strategy != "jieba":
            characters.update(chunk if is_cjk(chunk) else "")
    # Single characters go after the other tokens, so phrase positions stay intact while a
    # one-character query word (the 年 of "2014年") still has a token to match.
    tokens.extend(sorted(characters))
    return tokens


def index_text(text: str, strategy: str = STRATEGY) -> str:
    """Text as the index should store it: its tokens separated by spaces."""
    return " ".join(index_tokens(text, strategy))


def query_terms(query: str, strategy: str = STRATEGY) -> list[Term]:
    """What a query asks for: every term must be found (a query without spaces means all its words).

    Duplicates are dropped and the query is cut to MAX_QUERY_CHARS / MAX_QUERY_TERMS so any
    input gives a small, safe query: only letters, digits and Chinese characters survive.
    """
    terms: list[Term] = []
    for chunk in chunks(fold(query[:MAX_QUERY_CHARS])):
        if not is_cjk(chunk):
            terms.append((chunk,))
        elif strategy.startswith("jieba"):
            terms.extend((word,) for word in _words(chunk))
        elif strategy == "bigram":
            terms.append(tuple(bigrams(chunk)))
        else:
            terms.extend(tuple(bigrams(word)) for word in _words(chunk))
    return list(dict.fromkeys(terms))[:MAX_QUERY_TERMS]


def highlight_words(query: str) -> list[str]:
    """The words of a query, longest first, for marking them in a snippet of folded text."""
    words = {term[0] for term in query_terms(query, "jieba")}
    return sorted(words, key=len, reverse=True)


def highlight(text: str, words: list[str], width: int) -> SafeString:
    """About width characters of text around the first query word, every word in <mark>.

    The text is escaped; words match case-insensitively (the index folds case too).
    """
    text = " ".join(text.split())
    # Adjacent words are one mark: jieba cuts the name 张秀英 into 张 and 秀英.
    alternatives = "|".join(re.escape(w) for w in words)
    pattern = re.compile(f"((?:{alternatives})+)", re.I) if words else None
    first = pattern.search(text) if pattern else None
    start = max(0, first.start() - width // 4) if first else 0
    piece = text[start : start + width]
    parts = pattern.split(piece) if pattern else [piece]
    # re.split with one group alternates: plain, matched, plain, matched, ...
    marked = "".join(
        f"<mark>{escape(part)}</mark>" if i % 2 else escape(part) for i, part in enumerate(parts)
    )
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + width < len(text) else ""
    return mark_safe(f"{prefix}{marked}{suffix}")  # noqa: S308 (every part escaped above)


# Administrative suffixes a place's slug leaves out, longest first: /shequ/lianxi/gantang/
# reads better than /shequ/lianxiqu/gantangshequ/, and siblings are told apart by the rest.
PLACE_SUFFIXES = ("社区", "新区", "区", "市", "县")
# Place names pypinyin reads with a character's commoner sound (都 as dou, not du).
PLACE_READINGS = {"都昌": "duchang"}


def pinyin_slug(name: str) -> str:
    """A short URL slug for a Chinese place name: 甘棠社区 → gantang, 濂溪区 → lianxi.

    The administrative suffix is dropped when at least two characters remain (a bare 新区
    keeps it); letters and digits pass through; the result is a plain ASCII slug, empty only
    when the name has nothing to spell. Uniqueness among siblings is the caller's business
    (core.pages.unique_child_slug).
    """
    name = unicodedata.normalize("NFKC", name).strip()
    for suffix in PLACE_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            name = name[: -len(suffix)]
            break
    for word, reading in PLACE_READINGS.items():
        name = name.replace(word, reading)
    spelled = "".join(lazy_pinyin(name))
    return re.sub(r"[^a-z0-9]+", "-", spelled.lower()).strip("-")
