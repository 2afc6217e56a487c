#!/usr/bin/env python3
"""Checks a page written by `byline html`, as a browser parsed it.

    check_html.py DOM.html ANALYSIS.json ARTICLE.txt

DOM.html is the DOM dumped by headless Chromium (`--dump-dom`), ANALYSIS.json
the `byline --format json` output for ARTICLE.txt. The check fails unless
every quotation is in the page with its text and its speaker beside it
(linked to an element of the page), every mention is highlighted with its
kind and entity, the side panel links every quotation, and the page loads
nothing from outside. Standard library only.
"""

import json
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.children = []  # Nodes and strings

    def classes(self):
        return set((self.attrs.get("class") or "").split())

    def text(self, skip=lambda node: False):
        parts = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif not skip(child):
                parts.append(child.text(skip))
        return "".join(parts)

    def walk(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()


class Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", [], None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def flat(text):
    return " ".join(text.split())


def bare(text):
    """The text without whitespace: pieces of a span split at a paragraph
    break lose the break."""
    return "".join(text.split())


def main(dom_path, json_path, text_path):
    tree = Tree()
    with open(dom_path, encoding="utf-8") as f:
        tree.feed(f.read())
    with open(json_path, encoding="utf-8") as f:
        doc = json.load(f)
    with open(text_path, "rb") as f:
        raw = f.read()

    def span_text(span):
        return raw[span["start"]:span["end"]].decode("utf-8")

    nodes = list(tree.root.walk())
    ids = {n.attrs["id"] for n in nodes if "id" in n.attrs}
    entities = {e["id"]: e for e in doc["entities"]}
    failures = []

    def is_label(node):
        return "said" in node.classes()

    # Nothing loaded from elsewhere.
    for node in nodes:
        for attr in ("src", "href", "action", "srcset"):
            value = node.attrs.get(attr) or ""
            if value and not value.startswith("#") and (
                    ":" in value.split("/")[0] or value.startswith("//")):
                failures.append(f"external reference <{node.tag} {attr}={value!r}>")
        if node.tag == "link" or (node.tag == "script" and "src" in node.attrs):
            failures.append(f"external asset <{node.tag}>")

    # Every quotation, with its speaker beside it.
    panel_links = {n.attrs.get("href") for n in nodes
                   if n.tag == "a" and any("panel" in a.classes() for a in ancestors(n))}
    for number, quote in enumerate(doc["quotes"], 1):
        pieces = [n for n in nodes if n.attrs.get("data-quote") == str(number)]
        expected = span_text(quote)
        if not pieces:
            failures.append(f"quotation {number} not marked: {expected!r}")
            continue
        if pieces[0].attrs.get("id") != f"q-{number}":
            failures.append(f"quotation {number}: first piece has no id q-{number}")
        found = "".join(p.text(is_label) for p in pieces)
        if bare(found) != bare(expected):
            failures.append(f"quotation {number}: {found!r} != {expected!r}")
        speaker = quote.get("speaker")
        if speaker is None:
            name = "unknown speaker"
        elif speaker.get("entity") in entities:
            name = entities[speaker["entity"]]["name"]
        else:
            name = flat(span_text(speaker))
        labels = [n for n in nodes if is_label(n) and n.attrs.get("data-for") == str(number)]
        if len(labels) != 1:
            failures.append(f"quotation {number}: {len(labels)} speaker labels")
            continue
        label = labels[0]
        if flat(label.text()) != flat(name):
            failures.append(f"quotation {number}: speaker {label.text()!r} != {name!r}")
        if speaker is not None:
            href = label.attrs.get("href", "")
            if label.tag != "a" or not href.startswith("#") or href[1:] not in ids:
                failures.append(f"quotation {number}: speaker label links to {href!r}")
        if f"#q-{number}" not in panel_links:
            failures.append(f"quotation {number}: not listed in the side panel")

    # Every mention, highlighted by kind.
    for number, mention in enumerate(doc["mentions"], 1):
        pieces = [n for n in nodes if n.attrs.get("data-mention") == str(number)]
        expected = span_text(mention)
        if not pieces:
            failures.append(f"mention {number} not highlighted: {expected!r}")
            continue
        if pieces[0].attrs.get("id") != f"m-{number}":
            failures.append(f"mention {number}: first piece has no id m-{number}")
        for piece in pieces:
            if not {"ent", mention["kind"]} <= piece.classes():
                failures.append(f"mention {number}: classes {piece.classes()}")
            if piece.attrs.get("data-entity") != mention["entity"]:
                failures.append(f"mention {number}: entity {piece.attrs.get('data-entity')}")
        found = "".join(p.text(is_label) for p in pieces)
        if bare(found) != bare(expected):
            failures.append(f"mention {number}: {found!r} != {expected!r}")

    marked_quotes = {n.attrs["data-quote"] for n in nodes if "data-quote" in n.attrs}
    marked_mentions = {n.attrs["data-mention"] for n in nodes if "data-mention" in n.attrs}
    if len(marked_quotes) != len(doc["quotes"]):
        failures.append(f"{len(marked_quotes)} quotations marked, {len(doc['quotes'])} found")
    if len(marked_mentions) != len(doc["mentions"]):
        failures.append(f"{len(marked_mentions)} mentions marked, {len(doc['mentions'])} found")

    for failure in failures:
        print(f"check_html: {failure}", file=sys.stderr)
    if failures:
        return 1
    print(f"check_html: {len(doc['quotes'])} quotations with speakers and "
          f"{len(doc['mentions'])} mentions of {len(doc['entities'])} entities in the page")
    return 0


def ancestors(node):
    node = node.parent
    while node is not None:
        yield node
        node = node.parent


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
