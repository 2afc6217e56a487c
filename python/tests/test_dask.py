"""The Dask example on a two-process LocalCluster gives the single-process result."""

from __future__ import annotations

import json
import os

import pytest

pytest.importorskip("dask.distributed")
pytest.importorskip("pyarrow")

import dask_corpus
from dask.distributed import Client, LocalCluster


@pytest.fixture(scope="module")
def client():
    with (
        LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, articles):
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for record in articles:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_cluster_output_equals_single_process(client, corpus, articles, tmp_path, fmt):
    expected = dask_corpus.extract_tables(articles)
    for table in dask_corpus.TABLES:
        assert len(expected[table]["id"]) > len(articles)

    out = tmp_path / "out"
    summaries = dask_corpus.run(str(corpus), str(out), client, blocksize="64KiB", fmt=fmt)
    assert len(client.scheduler_info()["workers"]) == 2
    assert len(summaries) > 2, "expected the corpus to be split into several partitions"
    assert [s["partition"] for s in summaries] == list(range(len(summaries)))
    assert os.getpid() not in {s["pid"] for s in summaries}
    assert sum(s["documents"] for s in summaries) == len(articles)

    got = dask_corpus.read_output(str(out), fmt)
    for table in dask_corpus.TABLES:
        assert tuple(got[table]) == dask_corpus.columns(table)
        assert got[table] == expected[table], table


def test_rerun_replaces_output(client, corpus, tmp_path):
    out = tmp_path / "out"
    first = dask_corpus.run(str(corpus), str(out), client, blocksize="256KiB")
    again = dask_corpus.run(str(corpus), str(out), client, blocksize="256KiB")
    assert len(first) == len(again)
    files = sorted(p.name for p in (out / "quotes").iterdir())
    assert files == [f"part-{i:05d}.parquet" for i in range(len(first))]
