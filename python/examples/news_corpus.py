"""Generates a synthetic news corpus as JSONL (``{"id", "text"}`` lines).

The articles are made from templates: datelines, officials known to the
bundled gazetteer ("Antony Blinken", "the Kremlin"), people no list holds
("Maria Lopez, a nurse"), direct quotations in straight and curly marks,
split quotations, reported speech with "said" and "according to", and
some non-ASCII text (names with diacritics, dashes, an emoji, CJK). The
output depends only on the seed, so benchmarks and tests are repeatable.

    python news_corpus.py --megabytes 5 --out corpus.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

OFFICIALS = [
    ("Secretary of State", "Antony Blinken", "he"),
    ("Foreign Minister", "Sergey Lavrov", "he"),
    ("President", "Volodymyr Zelenskyy", "he"),
    ("President", "Recep Tayyip Erdoğan", "he"),
    ("President", "Emmanuel Macron", "he"),
    ("President", "Ilham Aliyev", "he"),
    ("Prime Minister", "Nikol Pashinyan", "he"),
    ("Foreign Minister", "Jeyhun Bayramov", "he"),
    ("President", "Xi Jinping", "he"),
    ("Prime Minister", "Narendra Modi", "he"),
    ("European Commission President", "Ursula von der Leyen", "she"),
    ("Secretary-General", "António Guterres", "he"),
    ("President", "Luiz Inácio Lula da Silva", "he"),
    ("Chancellor", "Olaf Scholz", "he"),
]

PEOPLE = [
    ("Maria Lopez", "a nurse at the city hospital", "she"),
    ("Tomasz Nowak", "a farmer from the border district", "he"),
    ("Aylin Demir", "a shopkeeper", "she"),
    ("Daniel Okafor", "an economist at a Lagos research institute", "he"),
    ("Chloé Martin", "a teacher", "she"),
    ("Rustam Karimov", "a taxi driver", "he"),
    ("Hannah Weiss", "a spokeswoman for the aid group", "she"),
    ("José Ramírez", "a port worker", "he"),
    ("Leila Haddad", "a lawyer representing the families", "she"),
    ("Sven Lindqvist", "a retired diplomat", "he"),
]

ORGS = [
    "the Kremlin",
    "the State Department",
    "the United Nations",
    "NATO",
    "the European Union",
    "the World Health Organization",
    "the International Monetary Fund",
    "the Pentagon",
    "the Foreign Ministry",
    "the White House",
]

PLACES = [
    "Washington",
    "Moscow",
    "Kyiv",
    "Brussels",
    "Geneva",
    "Baku",
    "Yerevan",
    "Ankara",
    "Beijing",
    "New Delhi",
    "São Paulo",
    "Zürich",
    "Kraków",
    "Paris",
    "Berlin",
    "Istanbul",
]

TOPICS = [
    "the ceasefire talks",
    "the grain corridor",
    "the border agreement",
    "energy prices",
    "the prisoner exchange",
    "sanctions",
    "the reconstruction fund",
    "the climate summit",
    "the trade dispute",
    "the peace plan",
]

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

STATEMENTS = [
    "We are not there yet, but we are closer than we were a week ago",
    "This is a moment for restraint and for serious diplomacy",
    "Nobody in this room expects a breakthrough tomorrow",
    "The people who lost their homes cannot wait another winter",
    "We will not accept any deal that is decided over our heads",
    "The numbers speak for themselves",
    "Our position has not changed and it will not change",
    "There is still time, but not much time",
    "I have asked my team to stay in the city until the work is done",
    "We owe it to the families to tell the truth about what happened",
    "Prices have doubled since the spring, and wages have not",
    "Everyone wants peace — the question is on whose terms",
]

CLAUSES = [
    "the talks would resume after the holiday",
    "the agreement was within reach",
    "it had received no formal proposal",
    "the convoy had been stopped at the border for three days",
    "more than 40 people were still missing",
    "the sanctions had cost the economy billions of dollars",
    "no decision had been made on the second phase",
    "the delegation would travel to the region next week",
    "the figures were unreliable",
    "a new round of inspections would begin in March",
]

FRAGMENTS = ["reckless", "a historic step", "deeply worrying", "a red line", "unacceptable"]

COLOUR = [
    "Traffic on the main bridge was light in the morning, and most shops opened as usual.",
    "The talks took place behind closed doors in a hotel near the lake.",
    "Analysts said the outcome would depend on what happens on the ground in the coming weeks.",
    "Earlier this year the two sides held three rounds of negotiations without a result.",
    "Fuel prices rose by 12% in the first quarter, according to official figures.",
    "The meeting lasted more than four hours, longer than scheduled.",
    "Residents queued for bread in the cold, some of them for two hours.",
    "A post shared thousands of times online showed the square at dusk 🌆 with candles on the steps.",
    "Protesters carried banners reading 共同富裕 and “No more war” outside the embassy.",
    "The U.S. delegation arrived at 9 a.m. on a military aircraft.",
]


def _quote_paragraph(rng: random.Random, speaker: str, pronoun: str) -> str:
    statement = rng.choice(STATEMENTS)
    second = rng.choice(STATEMENTS)
    form = rng.randrange(8)
    if form == 0:
        return f'"{statement}," {speaker} said.'
    if form == 1:
        return f"{speaker} said: “{statement}.”"
    if form == 2:
        return f'"{statement}," said {speaker}. "{second}."'
    if form == 3:
        return f"“{statement},” {pronoun} told reporters. “{second}.”"
    if form == 4:
        return f"{speaker} said {rng.choice(CLAUSES)}."
    if form == 5:
        return f'{speaker} called the proposal "{rng.choice(FRAGMENTS)}" and said {rng.choice(CLAUSES)}.'
    if form == 6:
        return f'"{statement}," {speaker} said, adding that {rng.choice(CLAUSES)}.'
    return f'{speaker} warned that {rng.choice(CLAUSES)}. "{second}," {pronoun} added.'


def article(rng: random.Random, index: int) -> str:
    """One article: a dateline lead, quotations, reported speech, colour."""
    place = rng.choice(PLACES)
    day = rng.choice(DAYS)
    title, name, _pronoun = rng.choice(OFFICIALS)
    org = rng.choice(ORGS)
    topic = rng.choice(TOPICS)
    surname = name.split()[-1]
    paragraphs: list[str] = [
        (
            f"{place.upper()} (Byline Wire) — {title} {name} met officials in {place} on {day} "
            f"to discuss {topic}, as {org} said {rng.choice(CLAUSES)}."
        )
    ]
    for _ in range(rng.randint(4, 9)):
        roll = rng.random()
        if roll < 0.35:
            t, other, p = rng.choice(OFFICIALS)
            speaker = rng.choice([f"{t} {other}", other.split()[-1], surname])
            paragraphs.append(_quote_paragraph(rng, speaker, p))
        elif roll < 0.55:
            person, role, p = rng.choice(PEOPLE)
            statement = rng.choice(STATEMENTS)
            if rng.random() < 0.5:
                paragraphs.append(f'"{statement}," said {person}, {role}.')
            else:
                paragraphs.append(f"{person}, {role}, said {rng.choice(CLAUSES)}.")
        elif roll < 0.7:
            other_org = rng.choice(ORGS)
            lead = other_org[0].upper() + other_org[1:]
            if rng.random() < 0.5:
                paragraphs.append(f"According to {other_org}, {rng.choice(CLAUSES)}.")
            else:
                paragraphs.append(f"{lead} said in a statement that {rng.choice(CLAUSES)}.")
        else:
            paragraphs.append(" ".join(rng.sample(COLOUR, rng.randint(1, 3))))
    paragraphs.append(
        f"{surname} is expected in {rng.choice(PLACES)} on {rng.choice(DAYS)}, "
        f"officials said. (Reporting by the Byline Wire desk; article {index})"
    )
    return "\n\n".join(paragraphs)


def records(count: int, seed: int = 14) -> Iterator[dict[str, str]]:
    """`count` articles as ``{"id", "text"}`` records."""
    rng = random.Random(seed)
    for i in range(count):
        yield {"id": f"a{i:06d}", "text": article(rng, i)}


def write(path: Path, megabytes: float, seed: int = 14) -> int:
    """Writes articles to `path` until their text totals `megabytes` MB;
    returns the number of articles."""
    target = int(megabytes * 1_000_000)
    rng = random.Random(seed)
    size = count = 0
    with path.open("w", encoding="utf-8") as out:
        while size < target:
            text = article(rng, count)
            out.write(json.dumps({"id": f"a{count:06d}", "text": text}, ensure_ascii=False) + "\n")
            size += len(text.encode("utf-8"))
            count += 1
    return count


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5.0, help="text size (default 5)")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--out", type=Path, required=True, help="JSONL file to write")
    args = parser.parse_args(argv)
    count = write(args.out, args.megabytes, args.seed)
    print(f"{count} articles, {args.megabytes} MB of text -> {args.out}")


if __name__ == "__main__":
    main(sys.argv[1:])
