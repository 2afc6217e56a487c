#!/usr/bin/env python3
"""Build the synthetic news corpus used by byline's throughput benchmarks.

Reads the hand-written articles in ``articles/*.txt`` and writes:

* ``news-1mb.txt``   -- about 1,000,000 bytes of news text: documents drawn
  at random from the articles (the short wire stories less often), each
  copy lightly varied (names, dateline city and date, some numbers) and cut
  to a document length drawn from the spread of real news articles,
  separated by two blank lines (``"\n\n\n"``, where
  ``benches/pipeline.rs`` splits documents);
* ``news-short.txt`` -- a single article of about 2 KB, copied verbatim.

The mix is meant to cost what real political and world news costs to
process: ``stats.py`` compares it with a real corpus (see README.md).

The output is fully deterministic: a fixed seed, sorted inputs and no
dependence on hash ordering. Standard library only (Python 3.8+).

Usage:
    python3 build_corpus.py          # (re)write the output files
    python3 build_corpus.py --check  # exit 1 if the files on disk are stale
"""

import math
import random
import re
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES_DIR = HERE / "articles"
OUT_LARGE = HERE / "news-1mb.txt"
OUT_SHORT = HERE / "news-short.txt"

SEED = 20240603
TARGET_BYTES = 1_000_000
SHORT_TARGET_BYTES = 2_048
# Document lengths. Real news articles are mostly short with a long tail: in
# the reference corpus of US political news the median is about 3.6 KB, the
# mean about 4.8 KB and one in ten is longer than 8.9 KB, close to a
# log-normal distribution. Each document's length is drawn first (see
# document_lengths); then the least used article at least that long is
# drawn (one of the LONG_POOL longest if none is) and cut after the last whole paragraph that
# fits (keeping at least MIN_PARAGRAPHS paragraphs, the headline counting as
# one). The median drawn is a little above the real one because the cut
# falls short of the drawn length and the longest documents are capped at
# the longest articles.
DOC_MEDIAN_BYTES = 3_900
DOC_SIGMA = 0.75
MIN_PARAGRAPHS = 3
LONG_POOL = 3
LENGTH_BLOCK = 50
# The short international wire stories (dense in figures, scores and
# quotations, with short sentences) are drawn less often than the longer
# political and world news stories: among the articles long enough for a
# document, the one with the fewest uses divided by its weight is drawn.
WIRE_WEIGHT = 0.5
WIRE_MARK = "(Byline Wire)"
# Probability that a given (non-protected) number in a copy is altered.
NUMBER_CHANGE_PROBABILITY = 0.35
# Range of the factor applied to a number that is altered.
MIN_FACTOR, MAX_FACTOR = 0.8, 1.25

# Name pools. Each copy of an article gets a random permutation of each pool,
# applied to whole words, so distinct names stay distinct and every mention
# of a person within one copy stays consistent. First names are split by the
# pronouns the articles use for them.
FEMALE_FIRST = [
    "Amara", "Claire", "Helen", "Ines", "Leila", "Marta", "Nadia", "Priya",
    "Yuki", "Agnes", "Bianca", "Elif", "Freya", "Ingrid", "Lucia", "Mei",
    "Olga", "Rosa", "Sofia", "Zara", "Amy", "Deborah", "Donna", "Ellen",
    "Jennifer", "Jessica", "Karen", "Katherine", "Laura", "Linda", "Rebecca",
]
MALE_FIRST = [
    "Daniel", "Jonas", "Kofi", "Rafael", "Samuel", "Tomas", "Viktor",
    "Anton", "Bruno", "Emeka", "Felix", "Hugo", "Ivan", "Karim", "Luca",
    "Mateo", "Oscar", "Pavel", "Stefan", "Tariq", "Gary", "Greg", "Kevin",
    "Marcus",
]
SURNAMES = [
    "Albescu", "Brennan", "Castillo", "Duarte", "Fischer", "Haddad",
    "Kowalski", "Lindqvist", "Mensah", "Moreau", "Nakamura", "Novak",
    "Okafor", "Osei", "Petrov", "Rahman", "Sorensen", "Tanaka", "Varga",
    "Whitfield", "Abara", "Bergstrom", "Carvalho", "Dimitrov", "Eriksen",
    "Ferreira", "Gallagher", "Horvat", "Ibrahim", "Jansen", "Kaplan",
    "Laurent", "Marsh", "Nilsen", "O'Connell", "Pereira", "Quinn", "Rossi",
    "Schmidt", "Takahashi", "Brandt", "Harlan", "Pruitt", "Whitaker",
]

# Dateline cities (upper case, as they appear in datelines).
CITIES = [
    "ATHENS", "BERLIN", "BRUSSELS", "BUDAPEST", "CAPE TOWN", "COPENHAGEN",
    "DUBLIN", "EDINBURGH", "FRANKFURT", "GENEVA", "GRAZ", "HELSINKI",
    "LEEDS", "LISBON", "LONDON", "LYON", "MADRID", "MANCHESTER", "MELBOURNE",
    "MONTREAL", "NAIROBI", "NEW YORK", "OSLO", "PORTO", "PRAGUE",
    "SAN FRANCISCO", "SEOUL", "SINGAPORE", "STOCKHOLM", "SYDNEY",
    "TARRAGONA", "TORONTO", "VIENNA", "WARSAW", "WASHINGTON", "YORK",
    "ZURICH",
]

# Month names in wire style, with the number of days used for random dates.
MONTHS = [
    ("Jan.", 31), ("Feb.", 28), ("March", 31), ("April", 30), ("May", 31),
    ("June", 30), ("July", 31), ("Aug.", 31), ("Sept.", 30), ("Oct.", 31),
    ("Nov.", 30), ("Dec.", 31),
]
MONTH_PATTERN = "|".join(re.escape(m) for m, _ in MONTHS)

DATELINE_RE = re.compile(
    r"^(?P<city>[A-Z][A-Z .'-]*[A-Z]), (?:" + MONTH_PATTERN + r") \d{1,2} \(",
    re.MULTILINE,
)
NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")


def word_pattern(words):
    # Longest first so that no name is shadowed by a prefix of another.
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"\b(?:" + alternatives + r")\b")


FEMALE_RE = word_pattern(FEMALE_FIRST)
MALE_RE = word_pattern(MALE_FIRST)
SURNAME_RE = word_pattern(SURNAMES)


def permutation(rng, pool):
    shuffled = pool[:]
    rng.shuffle(shuffled)
    return dict(zip(pool, shuffled))


def vary_names(text, rng):
    for regex, pool in ((FEMALE_RE, FEMALE_FIRST), (MALE_RE, MALE_FIRST), (SURNAME_RE, SURNAMES)):
        mapping = permutation(rng, pool)
        text = regex.sub(lambda m: mapping[m.group(0)], text)
    return text


def vary_dateline(text, rng):
    def replace(match):
        city = rng.choice(CITIES)
        month, days = rng.choice(MONTHS)
        day = rng.randint(1, days)
        return "%s, %s %d (" % (city, month, day)

    return DATELINE_RE.sub(replace, text, count=1)


def is_protected_number(text, start, end):
    """Numbers that must keep their value for the text to stay plausible."""
    token = text[start:end]
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    # Clock and race times (9:30, 2:19:47), scores and codes (2-1, HT-207),
    # ordinals and units glued to letters (3rd, 4th), 5-sigma.
    if before in ":-" or after in ":-" or after.isalpha():
        return True
    # Years.
    if re.fullmatch(r"(?:19|20)\d\d", token):
        return True
    # Numbered list items at the start of a line ("1. ").
    if before == "\n" and after == ".":
        return True
    # Single digits are often written-out quantities, set numbers and so on.
    if len(token) == 1:
        return True
    return False


def perturb_number(token, rng, percent=False):
    """Scale a number by a modest random factor, keeping its written form
    (decimal places, thousands separators) so that it still reads naturally."""
    grouped = "," in token
    plain = token.replace(",", "")
    decimals = len(plain.split(".", 1)[1]) if "." in plain else 0
    value = float(plain) * rng.uniform(MIN_FACTOR, MAX_FACTOR)
    if percent and float(plain) < 100:
        value = min(value, 99.0)
    if decimals == 0:
        # Keep round numbers round: 6,000 stays a multiple of 1,000.
        trailing = len(plain) - len(plain.rstrip("0"))
        step = 10 ** trailing if trailing < len(plain) else 1
        value = max(int(round(value / step)) * step, 2)
    text = "%.*f" % (decimals, value)
    if grouped:
        whole, _, frac = text.partition(".")
        text = "{:,}".format(int(whole)) + ("." + frac if frac else "")
    return text


def vary_numbers(text, rng):
    chosen = {}

    def replace(match):
        token = match.group(0)
        if is_protected_number(text, match.start(), match.end()):
            return token
        if token not in chosen:
            if rng.random() < NUMBER_CHANGE_PROBABILITY:
                after = text[match.end():match.end() + 1]
                chosen[token] = perturb_number(token, rng, percent=(after == "%"))
            else:
                chosen[token] = token
        return chosen[token]

    return NUMBER_RE.sub(replace, text)


def vary(text, rng):
    text = vary_names(text, rng)
    text = vary_dateline(text, rng)
    text = vary_numbers(text, rng)
    return text


def document_lengths(rng):
    """A shuffled block of LENGTH_BLOCK document lengths at evenly spaced
    quantiles of the log-normal distribution, so that even a small corpus
    follows it closely."""
    spread = statistics.NormalDist(math.log(DOC_MEDIAN_BYTES), DOC_SIGMA)
    lengths = [math.exp(spread.inv_cdf((k + 0.5) / LENGTH_BLOCK)) for k in range(LENGTH_BLOCK)]
    rng.shuffle(lengths)
    return lengths


def cut_to_length(text, target):
    """Keep the paragraphs that fit in target bytes (at least MIN_PARAGRAPHS)."""
    paragraphs = text.rstrip("\n").split("\n\n")
    kept, size = [], 0
    for paragraph in paragraphs:
        extra = len(paragraph.encode("utf-8")) + 2
        if len(kept) >= MIN_PARAGRAPHS and size + extra > target:
            break
        kept.append(paragraph)
        size += extra
    return "\n\n".join(kept) + "\n"


def weight(text):
    return WIRE_WEIGHT if WIRE_MARK in text else 1.0


def load_articles():
    paths = sorted(ARTICLES_DIR.glob("*.txt"))
    if not paths:
        sys.exit("no articles found in %s" % ARTICLES_DIR)
    articles = []
    for path in paths:
        text = path.read_text(encoding="utf-8").strip("\n") + "\n"
        articles.append((path.name, text))
    return articles


def build_large(articles):
    rng = random.Random(SEED)
    sizes = [len(text.encode("utf-8")) for _, text in articles]
    weights = [weight(text) for _, text in articles]
    longest = sorted(range(len(articles)), key=lambda i: (-sizes[i], i))[:LONG_POOL]
    uses = [0] * len(articles)
    pieces = []
    size = 0
    separator = "\n\n"  # each article ends in "\n", so this leaves two blank lines
    targets = []
    while True:
        if not targets:
            targets = document_lengths(rng)
        target = targets.pop()
        fits = [i for i in range(len(articles)) if sizes[i] >= target] or longest
        # The least used of them for its weight, so that every article
        # appears about as often as its weight and length allow.
        least = min(uses[i] / weights[i] for i in fits)
        index = rng.choice([i for i in fits if uses[i] / weights[i] == least])
        uses[index] += 1
        copy = cut_to_length(vary(articles[index][1], rng), target)
        extra = len(copy.encode("utf-8")) + (len(separator) if pieces else 0)
        if size + extra > TARGET_BYTES:
            return separator.join(pieces)
        pieces.append(copy)
        size += extra


def build_short(articles):
    name, text = min(
        articles, key=lambda item: (abs(len(item[1].encode("utf-8")) - SHORT_TARGET_BYTES), item[0])
    )
    return name, text


def main(argv):
    check = "--check" in argv[1:]
    articles = load_articles()
    large = build_large(articles)
    short_name, short = build_short(articles)
    outputs = [(OUT_LARGE, large), (OUT_SHORT, short)]

    if check:
        stale = [p.name for p, text in outputs
                 if not p.exists() or p.read_bytes() != text.encode("utf-8")]
        if stale:
            print("stale: %s (run build_corpus.py)" % ", ".join(stale))
            return 1
        print("up to date")
        return 0

    for path, text in outputs:
        path.write_bytes(text.encode("utf-8"))
    print("%s: %d bytes from %d source articles"
          % (OUT_LARGE.name, len(large.encode("utf-8")), len(articles)))
    print("%s: %d bytes (%s)" % (OUT_SHORT.name, len(short.encode("utf-8")), short_name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
