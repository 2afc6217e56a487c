"""extract_many: input order, thread counts, the GIL released."""

from __future__ import annotations

import threading
import time

import pytest

import byline


def test_extract_many_keeps_input_order(articles):
    texts = [a["text"] for a in articles]
    one_by_one = [byline.extract(t) for t in texts]
    for threads in (None, 1, 2, 7):
        docs = byline.extract_many(texts, threads=threads)
        assert len(docs) == len(texts)
        assert all(d.text is t for d, t in zip(docs, texts))
        assert docs == one_by_one


def test_extract_many_takes_any_iterable(articles):
    texts = [a["text"] for a in articles[:20]]
    from_generator = byline.Extractor().extract_many(t for t in texts)
    assert from_generator == byline.extract_many(tuple(texts))
    assert byline.extract_many([]) == []


def test_more_threads_than_texts():
    docs = byline.extract_many(["Lavrov said so.", "", "Blinken said no."], threads=16)
    assert [d.text for d in docs] == ["Lavrov said so.", "", "Blinken said no."]


def test_gil_is_released(articles):
    """A Python thread keeps running while extract_many works."""
    texts = [a["text"] for a in articles] * 3
    ticks = 0
    stop = threading.Event()

    def count():
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            time.sleep(0.0005)

    byline.extract("warm up the default extractor")
    counter = threading.Thread(target=count)
    counter.start()
    try:
        started = time.perf_counter()
        byline.extract_many(texts, threads=1)
        elapsed = time.perf_counter() - started
    finally:
        stop.set()
        counter.join()
    if elapsed < 0.05:
        pytest.skip("too fast to observe")
    # Holding the GIL for the whole call would leave the counter at a handful
    # of ticks (one per switch interval at best).
    assert ticks > 10


def test_python_threads_share_an_extractor(articles):
    extractor = byline.Extractor()
    texts = [a["text"] for a in articles[:60]]
    expected = [extractor.extract(t) for t in texts]
    results = {}

    def work(k):
        results[k] = [extractor.extract(t) for t in texts[k::4]]

    workers = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    for k in range(4):
        assert results[k] == expected[k::4]
