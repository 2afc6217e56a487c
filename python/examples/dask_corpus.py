"""Extracts quotes and mentions from a JSONL corpus with Dask distributed.

The input is ``{"id": ..., "text": ...}`` lines. Dask reads it in blocks
(``dask.bag.read_text``, one partition per block), and each worker process
analyses its partitions with one byline ``Extractor``, built the first time
the process needs it and reused for every later partition. Each partition
writes two files:

    OUT/quotes/part-00000.parquet     one row per quote (``byline.TABLES["quotes"]``)
    OUT/mentions/part-00000.parquet   one row per mention (``byline.TABLES["mentions"]``)

each row led by the article's ``id`` (``--format jsonl`` writes JSON lines
instead). Output is a function of the input alone, whatever the partitioning.

    python dask_corpus.py corpus.jsonl --out extracted --workers 2
    python dask_corpus.py corpus.jsonl --out extracted --scheduler tcp://scheduler:8786

Without ``--scheduler`` it starts a ``LocalCluster`` of ``--workers``
processes with one thread each. On a real cluster, every worker needs the
byline wheel installed; this file is shipped to the workers with
``Client.upload_file``. Paths (input, output, gazetteer tables) must be
visible to every worker, e.g. a shared file system or object storage URLs
that Dask and pyarrow understand.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import byline

TABLES = ("quotes", "mentions")
# Integer columns of the output tables; every other column is a string, and
# all of them may be null (a quote without a cue or speaker, or in one piece).
_INT_COLUMNS = {"start", "end", "byte_start", "byte_end", "part_of", "fragment_count"} | {
    f"{prefix}_{edge}"
    for prefix in ("cue", "speaker")
    for edge in ("start", "end", "byte_start", "byte_end")
}

# One Extractor per process and configuration, built on first use. (The
# default configuration is also shared inside byline itself: its bundled
# gazetteer is built once per process.)
_EXTRACTORS: dict[tuple[tuple[str, ...], bool], byline.Extractor] = {}


def process_extractor(gazetteers: Sequence[str] = (), bundled: bool = True) -> byline.Extractor:
    """This process's Extractor for the configuration."""
    key = (tuple(str(p) for p in gazetteers), bundled)
    extractor = _EXTRACTORS.get(key)
    if extractor is None:
        extractor = _EXTRACTORS[key] = byline.Extractor(list(key[0]), bundled=bundled)
    return extractor


def columns(table: str) -> tuple[str, ...]:
    """The output columns of `table`: ``id`` and byline's record columns."""
    return ("id",) + byline.TABLES[table]


def read_records(lines: Iterable[str]) -> list[dict[str, Any]]:
    """The ``{"id", "text"}`` records of JSONL lines (blank lines skipped)."""
    return [json.loads(line) for line in lines if line.strip()]


def extract_tables(
    records: Sequence[dict[str, Any]],
    extractor: byline.Extractor | None = None,
    threads: int = 1,
) -> dict[str, dict[str, list[Any]]]:
    """The quote and mention tables of `records`, column by column
    (``columns(table)``: the article's ``id``, then byline's columns).

    `threads` is 1 by default: a Dask worker runs one task per thread, so
    one thread per task keeps a worker to its share of the cores.
    """
    extractor = extractor or process_extractor()
    docs = extractor.extract_many([r["text"] for r in records], threads=threads)
    tables = {table: {name: [] for name in columns(table)} for table in TABLES}
    for record, doc in zip(records, docs):
        for table in TABLES:
            out = tables[table]
            count = 0
            for name, values in doc.columns(table).items():
                out[name].extend(values)
                count = len(values)
            out["id"].extend([record["id"]] * count)
    return tables


def rows(table: dict[str, list[Any]]) -> list[dict[str, Any]]:
    """A table's columns as one dict per row."""
    names = list(table)
    return [dict(zip(names, values)) for values in zip(*table.values())]


def _arrow_type(pa, name: str):
    """The Arrow type of a column: whole numbers, the confidence, or text."""
    if name in _INT_COLUMNS:
        return pa.int64()
    if name == "confidence":
        return pa.float64()
    return pa.string()


def _arrow_schema(table: str):
    import pyarrow as pa

    return pa.schema(
        [(name, _arrow_type(pa, name)) for name in columns(table)]
    )


def write_table(data: dict[str, list[Any]], path: Path, table: str, fmt: str) -> None:
    """Writes one table of one partition."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pydict(data, schema=_arrow_schema(table)), path)
    else:
        with path.open("w", encoding="utf-8") as out:
            for row in rows(data):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")


def run_partition(
    lines: list[str],
    index: int,
    out: str,
    fmt: str = "parquet",
    gazetteers: Sequence[str] = (),
    bundled: bool = True,
) -> list[dict[str, Any]]:
    """Analyses one partition and writes its quote and mention files; returns
    a one-item list (a Dask bag partition) summarising what it did."""
    started, cpu_started = time.perf_counter(), time.process_time()
    records = read_records(lines)
    tables = extract_tables(records, process_extractor(gazetteers, bundled))
    for table in TABLES:
        write_table(tables[table], Path(out) / table / f"part-{index:05d}.{fmt}", table, fmt)
    return [
        {
            "partition": index,
            "pid": os.getpid(),
            "documents": len(records),
            "bytes": sum(len(r["text"].encode("utf-8")) for r in records),
            "quotes": len(tables["quotes"]["id"]),
            "mentions": len(tables["mentions"]["id"]),
            "seconds": time.perf_counter() - started,
            "cpu_seconds": time.process_time() - cpu_started,
        }
    ]


def _clear(out: Path, fmt: str) -> None:
    for table in TABLES:
        for old in (out / table).glob(f"part-*.{fmt}"):
            old.unlink()


def run(
    source: str,
    out: str,
    client=None,
    blocksize: str = "1MiB",
    fmt: str = "parquet",
    gazetteers: Sequence[str] = (),
    bundled: bool = True,
) -> list[dict[str, Any]]:
    """Runs the job on `client` (Dask's default scheduler when None) and
    returns one summary per partition."""
    import dask
    import dask.bag as db

    if client is not None:
        # Workers import this module by name, so that its per-process
        # Extractor cache lives as long as the worker.
        client.upload_file(__file__)
    _clear(Path(out), fmt)
    partitions = db.read_text(source, blocksize=blocksize).to_delayed()
    task = dask.delayed(run_partition)
    summaries = db.from_delayed(
        [
            task(part, i, out, fmt, [str(g) for g in gazetteers], bundled)
            for i, part in enumerate(partitions)
        ]
    )
    return summaries.compute()


def read_output(out: str, fmt: str = "parquet") -> dict[str, dict[str, list[Any]]]:
    """The job's output tables, column by column, partition after partition."""
    tables: dict[str, dict[str, list[Any]]] = {}
    for table in TABLES:
        data: dict[str, list[Any]] = {name: [] for name in columns(table)}
        for path in sorted((Path(out) / table).glob(f"part-*.{fmt}")):
            if fmt == "parquet":
                import pyarrow.parquet as pq

                part = pq.read_table(path).to_pydict()
            else:
                with path.open(encoding="utf-8") as lines:
                    part_rows = [json.loads(line) for line in lines]
                part = {name: [row[name] for row in part_rows] for name in data}
            for name, values in data.items():
                values.extend(part[name])
        tables[table] = data
    return tables


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(
        description="Quotes and mentions of a JSONL corpus, extracted with Dask distributed."
    )
    parser.add_argument("input", help='JSONL file of {"id", "text"} lines')
    parser.add_argument("--out", required=True, help="output directory")
    parser.add_argument("--scheduler", help="address of a running scheduler (tcp://host:8786)")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    parser.add_argument("--blocksize", default="1MiB", help="input bytes per partition")
    parser.add_argument("--format", choices=["parquet", "jsonl"], default="parquet")
    parser.add_argument("--gazetteer", action="append", default=[], help="extra entity table")
    parser.add_argument("--no-bundled", action="store_true", help="leave out the bundled gazetteer")
    args = parser.parse_args(argv)

    from dask.distributed import Client, LocalCluster

    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True)
        client = Client(cluster)
    with client:
        started = time.perf_counter()
        summaries = run(
            args.input,
            args.out,
            client,
            blocksize=args.blocksize,
            fmt=args.format,
            gazetteers=args.gazetteer,
            bundled=not args.no_bundled,
        )
        elapsed = time.perf_counter() - started
    text_bytes = sum(s["bytes"] for s in summaries)
    print(
        f"{sum(s['documents'] for s in summaries)} documents, {text_bytes / 1e6:.2f} MB of text "
        f"in {len(summaries)} partitions on {len({s['pid'] for s in summaries})} processes: "
        f"{sum(s['quotes'] for s in summaries)} quotes, {sum(s['mentions'] for s in summaries)} "
        f"mentions, {elapsed:.2f} s, {text_bytes / 1e6 / elapsed:.1f} MB/s -> {args.out}"
    )


if __name__ == "__main__":
    # Run the module under its own name, as the workers import it after
    # upload_file, so that tasks refer to `dask_corpus.run_partition` rather
    # than to a copy of `__main__`.
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import dask_corpus

    dask_corpus.main(sys.argv[1:])
