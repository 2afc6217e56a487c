#!/usr/bin/env python3
"""Writes a folder of invented news articles for measuring throughput.

    make_corpus.py FOLDER [COUNT] [SEED]

Each article (article-0001.txt, ...) is 3 to 5 KB of wire-style text: a
headline, a dateline, paragraphs of background, and quotations attributed
with "said", "told", "added" and "according to" to people, officials and
organizations. The text is generated from the templates below with a fixed
seed, so the same arguments give the same folder. Standard library only.
"""

import os
import random
import sys

FIRST = {
    "f": ["Maria", "Ingrid", "Amara", "Sofia", "Leila", "Hannah", "Chen", "Olga",
          "Fatima", "Elena", "Grace", "Nadia", "Zoë", "Priya", "Claire", "Astrid"],
    "m": ["Tomas", "Daniel", "Kwame", "Pieter", "Rashid", "Lukas", "Mateo", "Ivan",
          "Samuel", "Jonas", "Arjun", "Henrik", "Omar", "Felipe", "David", "Marek"],
}
SURNAMES = ["Okafor", "Lindqvist", "Moreau", "Kowalski", "Haddad", "Brennan",
            "Tanaka", "Novak", "Oyelaran", "Castillo", "Verhoeven", "Mensah",
            "Petrov", "Andersen", "Rahman", "Silva", "Dubois", "Keller",
            "Łukasiewicz", "Fitzgerald", "Nakamura", "Ibrahim", "Duarte", "Holm"]
ROLES = [
    ("Finance Minister", "the finance ministry"),
    ("Transport Minister", "the transport ministry"),
    ("Mayor", "the city council"),
    ("Governor", "the regional government"),
    ("union leader", "the dockworkers' union"),
    ("chief executive", "the company"),
    ("police spokeswoman", "the police"),
    ("central bank governor", "the central bank"),
]
CITIES = [("Rotterdam", "Netherlands"), ("Lisbon", "Portugal"), ("Nairobi", "Kenya"),
          ("Gdańsk", "Poland"), ("Valparaíso", "Chile"), ("Osaka", "Japan"),
          ("Hamburg", "Germany"), ("Lagos", "Nigeria"), ("Montreal", "Canada"),
          ("Marseille", "France"), ("Busan", "South Korea"), ("Göteborg", "Sweden")]
ORGS = ["the World Bank", "the International Monetary Fund", "the European Commission",
        "the United Nations", "Reuters", "the Red Cross", "the World Health Organization",
        "Amnesty International", "the African Union", "Greenpeace"]
TOPICS = [
    ("port strike", "dock workers", "pay offer", "cargo backlog"),
    ("flood defence plan", "residents", "emergency budget", "flood risk"),
    ("rail merger", "shareholders", "takeover bid", "fare increase"),
    ("fuel price rise", "hauliers", "fuel tax cut", "diesel shortage"),
    ("hospital funding row", "nurses", "staffing plan", "waiting list"),
    ("housing shortage", "tenants", "rent freeze", "permit backlog"),
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
QUOTES = [
    "We are not going to accept a deal that leaves {who} worse off",
    "This is the most serious {topic} we have seen in a decade",
    "Nobody wants this to drag on, but the numbers have to add up",
    "We have listened, and we will come back with a better offer next week",
    "The {plan} is a start, not an answer",
    "I have spoken to {who} every day since this began",
    "If the {issue} keeps growing, the whole region will feel it",
    "There is money on the table, and it is time to use it",
    "We will not cut corners on safety, whatever the pressure",
    "People need to know what happens next, and they need to know now",
]
CLAUSES = [
    "the government would publish its proposals before the end of the month",
    "talks with {who} had made progress but no agreement was in sight",
    "the {plan} would cost about {n} million euros over three years",
    "the {issue} could take several weeks to return to normal",
    "inspectors had been sent to {city} to assess the damage",
    "a decision on the {plan} was expected after the summer recess",
]
BACKGROUND = [
    "The dispute began in {month}, when {who} rejected an earlier proposal that "
    "would have tied increases to inflation. Since then, meetings have been held "
    "almost every week, often late into the night.",
    "Figures released on {day} showed the {issue} had grown by {n} percent since "
    "the start of the year, the sharpest rise since records began in 1998.",
    "Opposition lawmakers in {country} have called for a parliamentary inquiry, "
    "saying ministers were warned about the {topic} more than a year ago.",
    "Analysts said the outcome in {city} would be watched closely in other "
    "cities facing similar pressures, from {city2} to {city3}.",
    "The {plan} still needs the approval of the regional assembly, which is "
    "due to vote on it in {month}. Several members have said they will abstain.",
    "Local businesses in {city} said they had already lost orders, and some "
    "warned that smaller firms might not survive a second month of disruption.",
]


def person(rng):
    gender = rng.choice("fm")
    return gender, f"{rng.choice(FIRST[gender])} {rng.choice(SURNAMES)}"


def article(rng):
    city, country = rng.choice(CITIES)
    others = [c for c, _ in CITIES if c != city]
    topic, who, plan, issue = rng.choice(TOPICS)
    month, day = rng.choice(MONTHS), rng.choice(DAYS)
    fill = dict(who=who, topic=topic, plan=plan, issue=issue, city=city,
                country=country, month=month, day=day,
                city2=rng.choice(others), city3=rng.choice(others),
                n=rng.randint(3, 90))

    def f(template):
        fill["n"] = rng.randint(3, 90)
        fill["city2"], fill["city3"] = rng.sample(others, 2)
        return template.format(**fill)

    title = f"{topic.capitalize()} in {city}: {who} weigh {plan}"
    paragraphs = [
        title,
        f"{city.upper()}, {month} {rng.randint(1, 28)} (Byline Wire) — {who.capitalize()} "
        f"in {city} will consider the {plan} on {day}, officials said, after weeks of "
        f"talks over the {topic} that has divided the city and worried "
        f"businesses across {country}.",
    ]
    speakers = []
    background = rng.sample(BACKGROUND, len(BACKGROUND))
    target = rng.randint(3000, 4700)
    while sum(len(p.encode("utf-8")) + 2 for p in paragraphs) < target:
        kind = rng.randrange(7)
        if kind == 0 or not speakers:
            gender, name = person(rng)
            role, body = rng.choice(ROLES)
            speakers.append((gender, name))
            paragraphs.append(
                f"\"{f(rng.choice(QUOTES))},\" said {role} {name}, speaking to "
                f"reporters outside {body} offices in {city}.")
        elif kind == 1:
            gender, name = rng.choice(speakers)
            pronoun = "She" if gender == "f" else "He"
            paragraphs.append(
                f"{pronoun} added: \u201c{f(rng.choice(QUOTES))}.\u201d")
        elif kind == 2:
            gender, name = person(rng)
            speakers.append((gender, name))
            paragraphs.append(
                f"{name}, an economist at the University of {rng.choice(others)}, "
                f"told Byline Wire that {f(rng.choice(CLAUSES))}.")
        elif kind == 3:
            paragraphs.append(
                f"According to {rng.choice(ORGS)}, {f(rng.choice(CLAUSES))}.")
        elif kind == 4:
            gender, name = rng.choice(speakers)
            surname = name.split()[-1]
            title_word = "Ms." if gender == "f" else "Mr."
            paragraphs.append(
                f"\u201c{f(rng.choice(QUOTES))},\u201d {title_word} {surname} said. "
                f"\u201c{f(rng.choice(QUOTES))}.\u201d")
        elif background:
            paragraphs.append(f(background.pop()))
    reporters = [person(rng)[1] for _ in range(2)]
    paragraphs.append(
        f"(Reporting by {reporters[0]} in {city}; Editing by {reporters[1]})")
    return "\n\n".join(paragraphs) + "\n"


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    folder = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 13
    rng = random.Random(seed)
    os.makedirs(folder, exist_ok=True)
    total = 0
    for i in range(1, count + 1):
        text = article(rng)
        path = os.path.join(folder, f"article-{i:04d}.txt")
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)
        total += len(text.encode("utf-8"))
    print(f"{count} articles, {total / 1e6:.2f} MB in {folder}")


if __name__ == "__main__":
    main()
