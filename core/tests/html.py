"""A light check of rendered pages for the HTML mistakes templates most often make.

It covers what the W3C validator would flag in our templates (misnested or unclosed
elements, a block inside a paragraph, links inside links, duplicate ids, labels pointing
nowhere, images without alt, the page language) with Python's own HTML parser, so the
suite needs neither the network nor another dependency.
"""

from collections import Counter
from html.parser import HTMLParser

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
# Starting one of these closes an open <p> implicitly, which leaves a stray </p> behind.
CLOSES_P = {
    "address",
    "article",
    "aside",
    "blockquote",
    "div",
    "dl",
    "fieldset",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
}


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.open: list[str] = []
        self.ids: Counter[str] = Counter()
        self.labelled_by: list[str] = []
        self.lang: str | None = None
        self.h1_count = 0
        self.saw_doctype = False

    def handle_decl(self, decl: str) -> None:
        self.saw_doctype = self.saw_doctype or decl.lower() == "doctype html"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check_element(tag, dict(attrs))
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <path/> inside inline SVG and the like: an element that closes itself.
        self._check_element(tag, dict(attrs))

    def _check_element(self, tag: str, attrs: dict[str, str | None]) -> None:
        line = self.getpos()[0]
        if tag in CLOSES_P and "p" in self.open:
            self.problems.append(f"line {line}: <{tag}> inside <p>")
        if tag == "a" and "a" in self.open:
            self.problems.append(f"line {line}: <a> inside <a>")
        if tag == "img" and attrs.get("alt") is None:
            self.problems.append(f"line {line}: <img> without alt")
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "h1":
            self.h1_count += 1
        if attrs.get("id"):
            self.ids[attrs["id"]] += 1
        if attrs.get("aria-labelledby"):
            self.labelled_by.extend(attrs["aria-labelledby"].split())

    def handle_endtag(self, tag: str) -> None:
        line = self.getpos()[0]
        if tag in VOID:
            self.problems.append(f"line {line}: end tag for void element </{tag}>")
        elif not self.open or self.open[-1] != tag:
            expected = self.open[-1] if self.open else "nothing"
            self.problems.append(f"line {line}: </{tag}> closes <{expected}>")
            if tag in self.open:
                del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]
        else:
            self.open.pop()

    def finish(self) -> list[str]:
        self.close()
        if not self.saw_doctype:
            self.problems.append("no <!DOCTYPE html>")
        if self.open:
            self.problems.append(f"left open: {self.open}")
        if self.lang != "zh-Hans":
            self.problems.append(f'<html lang="{self.lang}">, expected "zh-Hans"')
        if self.h1_count != 1:
            self.problems.append(f"{self.h1_count} <h1> elements, expected one")
        self.problems += [f'duplicate id="{i}"' for i, n in self.ids.items() if n > 1]
        self.problems += [
            f'aria-labelledby="{i}" names no element' for i in self.labelled_by if i not in self.ids
        ]
        return self.problems


def html_problems(html: str) -> list[str]:
    """What is wrong with a rendered page's markup; an empty list when nothing is."""
    checker = _Checker()
    checker.feed(html)
    return checker.finish()
