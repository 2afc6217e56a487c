#!/usr/bin/env python3
"""Per-KB text statistics of a news corpus, to compare a benchmark corpus
with real news.

Reads a plain text file (documents separated by a double blank line,
"\\n\\n\\n", as ``benches/pipeline.rs`` splits them) or a JSONL file with one
``{"text": ...}`` record per line (each record one document), and prints one
Markdown table row per statistic. With several files, one column per file,
and with exactly two, a last column with the second's value relative to the
first. Standard library only (Python 3.8+).

Usage:
    python3 stats.py FILE [FILE ...]
    python3 stats.py --json FILE     # machine-readable

All rates are per KB = 1,000 bytes of UTF-8 text (the text fields only, for
JSONL). What is counted:

* capitalised words: words whose first letter is upper case (``Senate``,
  ``FBI``, ``McConnell``);
* name-like runs: maximal runs of two or more capitalised words separated by
  one space (``Chuck Schumer``, ``House Armed Services Committee``); a title
  abbreviation or an initial with its full stop (``Sen. Ted Cruz``,
  ``John F. Kennedy``) continues a run;
* quote marks: ``"``, curly ``“ ” ‘ ’``, guillemets ``« »``, and ``'`` used
  as a quotation mark. An apostrophe (``’`` or ``'`` inside a word, after
  the ``s`` of a plural possessive, or before a decade such as ``'90s``) is
  not a quote mark. A doubled mark (two apostrophes or two backticks, as
  some papers write a double quotation mark) counts once;
* sentences: sentence-final punctuation (``.``, ``!``, ``?``, ``…`` or a run
  of them, possibly followed by closing quotes or brackets, then white space
  or the end of the paragraph), not counting a full stop after a common
  abbreviation or a single initial; a paragraph that does not end in such
  punctuation (a headline, a dateline, a byline) counts as one more sentence;
* paragraphs: non-empty lines (blank-line and single-newline separated
  blocks alike);
* mean sentence and paragraph length: bytes of paragraph text (without the
  newlines between them) per sentence and per paragraph;
* digits: the characters 0-9;
* bytes per document: mean and median length of a document.
"""

import json
import re
import statistics
import sys
from pathlib import Path

KB = 1000

WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
QUOTE_CHARS = set('"“”‘’«»\'')
TERMINAL_RE = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s|$)")
# Abbreviations whose full stop does not end a sentence, mostly titles and
# the usual suspects of news copy.
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col",
    "sgt", "capt", "maj", "adm", "cmdr", "rev", "st", "jr", "sr", "hon",
    "pres", "atty", "supt", "insp", "det", "cpl", "pvt", "no", "vs", "v",
    "inc", "ltd", "co", "corp", "bros", "dept", "univ", "assn", "est",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "mt", "ft", "ave", "blvd", "rd", "e.g", "i.e", "etc",
    "u.s", "u.k", "u.n", "d.c", "a.m", "p.m",
}
TITLE_ABBREVIATIONS = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col",
    "Sgt", "Capt", "Maj", "Adm", "Rev", "St", "Jr", "Sr", "Lt", "Cmdr",
    "Atty", "Supt", "Det",
}


def is_apostrophe(text, i):
    """Whether the ' or ’ at text[i] is an apostrophe rather than a quote."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalpha():
        return True  # don't, O'Connell, Trump’s
    if before in "sS" and i > 1 and text[i - 2].isalpha() and not after.isalnum():
        return True  # the Joneses' house, voters’ concerns
    if (before.isspace() or before in "(-—") and after.isdigit():
        return True  # the '90s
    return False


def count_quotes(text):
    # A doubled mark ('' or ``, as some papers write a double quotation
    # mark) is one mark.
    text = text.replace("''", '"').replace("``", '"')
    n = 0
    for i, ch in enumerate(text):
        if ch in QUOTE_CHARS and not (ch in "'’" and is_apostrophe(text, i)):
            n += 1
    return n


def count_sentences(paragraph):
    n = 0
    ends_terminated = False
    for m in TERMINAL_RE.finditer(paragraph):
        ends_terminated = m.end() == len(paragraph)
        if paragraph[m.start()] == ".":
            word = re.search(r"([A-Za-z](?:[A-Za-z.]*[A-Za-z])?)$", paragraph[: m.start()])
            if word and m.end() - m.start() == 1 and m.end() < len(paragraph):
                token = word.group(1)
                if token.lower() in ABBREVIATIONS or (len(token) == 1 and token.isupper()):
                    continue
        n += 1
    if not ends_terminated:
        n += 1
    return n


def name_runs(text):
    """Runs of >= 2 capitalised words."""
    runs = 0
    length = 0
    last_end = -1
    last_word = ""
    for m in WORD_RE.finditer(text):
        word = m.group(0)
        capital = word[0].isupper()
        gap = text[last_end:m.start()] if last_end >= 0 else None
        joined = gap == " " or (
            gap == ". " and (last_word in TITLE_ABBREVIATIONS or (len(last_word) == 1 and last_word.isupper()))
        )
        if capital and length and joined:
            length += 1
        else:
            if length >= 2:
                runs += 1
            length = 1 if capital else 0
        last_end = m.end()
        last_word = word
    if length >= 2:
        runs += 1
    return runs


def document_stats(text):
    paragraphs = [p.strip() for p in text.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    words = WORD_RE.findall(text)
    return {
        "bytes": len(text.encode("utf-8")),
        "paragraph_bytes": sum(len(p.encode("utf-8")) for p in paragraphs),
        "capitalised": sum(1 for w in words if w[0].isupper()),
        "words": len(words),
        "name_like": name_runs(text),
        "quotes": count_quotes(text),
        "sentences": sum(count_sentences(p) for p in paragraphs),
        "paragraphs": len(paragraphs),
        "digits": sum(1 for ch in text if "0" <= ch <= "9"),
    }


def read_documents(path):
    raw = Path(path).read_text(encoding="utf-8")
    stripped = raw.lstrip()
    if path.endswith(".jsonl") or stripped.startswith("{"):
        docs = []
        for number, line in enumerate(raw.splitlines(), 1):
            if not line.strip():
                continue
            try:
                docs.append(json.loads(line)["text"])
            except (ValueError, KeyError, TypeError) as err:
                sys.exit("%s:%d: not a {\"text\": ...} record (%s)" % (path, number, err))
        return docs
    return [d for d in raw.split("\n\n\n") if d.strip()]


def corpus_stats(path):
    docs = read_documents(path)
    per_doc = [document_stats(d) for d in docs]
    total = {k: sum(s[k] for s in per_doc) for k in per_doc[0]}
    kb = total["bytes"] / KB
    sizes = [s["bytes"] for s in per_doc]
    return {
        "documents": len(docs),
        "bytes": total["bytes"],
        "capitalised words / KB": total["capitalised"] / kb,
        "name-like runs / KB": total["name_like"] / kb,
        "quote marks / KB": total["quotes"] / kb,
        "sentences / KB": total["sentences"] / kb,
        "paragraphs / KB": total["paragraphs"] / kb,
        "digits / KB": total["digits"] / kb,
        "words / KB": total["words"] / kb,
        "mean sentence bytes": total["paragraph_bytes"] / total["sentences"],
        "mean paragraph bytes": total["paragraph_bytes"] / total["paragraphs"],
        "mean bytes / document": total["bytes"] / len(docs),
        "median bytes / document": statistics.median(sizes),
    }


def fmt(value):
    if isinstance(value, int):
        return "{:,}".format(value)
    return "{:,.1f}".format(value) if value >= 100 else "%.2f" % value


def main(argv):
    args = [a for a in argv[1:] if a != "--json"]
    if not args or any(a in ("-h", "--help") for a in args):
        print(__doc__.split("\n\n")[3].strip() if len(argv) > 1 else __doc__)
        return 0 if args else 2
    results = [(path, corpus_stats(path)) for path in args]
    if "--json" in argv[1:]:
        json.dump({path: stats for path, stats in results}, sys.stdout, indent=2)
        print()
        return 0
    header = ["statistic"] + [Path(p).name for p, _ in results]
    if len(results) == 2:
        header.append("ratio")
    print("| " + " | ".join(header) + " |")
    print("| --- |" + " ---: |" * (len(header) - 1))
    for key in results[0][1]:
        row = [key] + [fmt(stats[key]) for _, stats in results]
        if len(results) == 2:
            a, b = results[0][1][key], results[1][1][key]
            row.append("%.2f" % (b / a) if a else "-")
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
