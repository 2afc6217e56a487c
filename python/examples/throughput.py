"""Measures byline's throughput through Python against the Rust example, and
the Dask job on a two-worker LocalCluster, on one generated corpus.

    python throughput.py [--megabytes 5] [--repo ..]

Prints MB of text (10^6 bytes of UTF-8) per second of wall time for:

* the Rust example, ``extract --jsonl`` (JSON lines out), one thread;
* ``Extractor.extract_many(texts, threads=1)`` (Documents in Python);
* ``byline.extract(text)`` called per article;
* the Dask job's work in one process (JSONL in, quote and mention rows out
  to Parquet);
* the same job on ``LocalCluster(n_workers=2, threads_per_worker=1)``, with
  workers warmed up by a first run (and the cold first run).

Each line gives wall-clock MB/s and MB per CPU-second (CPU time of the
process, its threads and children; for the cluster, of the tasks), which
stays meaningful on a machine shared with other work.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dask_corpus
import news_corpus

import byline


def cpu_now() -> float:
    """CPU seconds of this process (all threads) and its finished children."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def best_of(runs: int, work: Callable[[], object]) -> tuple[float, float]:
    """The shortest wall time of `runs` runs of `work`, and that run's CPU
    time (or, when `work` returns a number, that number as CPU time)."""
    best = (float("inf"), 0.0)
    for _ in range(runs):
        started, cpu = time.perf_counter(), cpu_now()
        result = work()
        wall = time.perf_counter() - started
        used = result if isinstance(result, float) else cpu_now() - cpu
        best = min(best, (wall, used))
    return best


def rust_example(repo: Path) -> Path | None:
    """The built `extract` example (release), or None without cargo."""
    if shutil.which("cargo") is None or not (repo / "examples" / "extract.rs").is_file():
        return None
    build = subprocess.run(
        ["cargo", "build", "--release", "--example", "extract", "--message-format=json"],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    )
    for line in build.stdout.splitlines():
        message = json.loads(line)
        if (
            message.get("reason") == "compiler-artifact"
            and message.get("executable")
            and message["target"]["name"] == "extract"
        ):
            return Path(message["executable"])
    return None


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parents[2])
    parser.add_argument("--runs", type=int, default=3, help="best of this many runs")
    parser.add_argument(
        "--blocksize", default="256KiB", help="Dask partition size (20 partitions for 5 MB)"
    )
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="byline-throughput-"))
    corpus = work / "corpus.jsonl"
    count = news_corpus.write(corpus, args.megabytes)
    lines = corpus.read_text(encoding="utf-8").splitlines()
    records = dask_corpus.read_records(lines)
    texts = [r["text"] for r in records]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(
        f"corpus: {count} articles, {megabytes:.2f} MB of text, {corpus.stat().st_size / 1e6:.2f} MB of JSONL"
    )

    results = []
    extractor = byline.Extractor()
    extractor.extract("Warm up: builds the bundled gazetteer once.")

    example = rust_example(args.repo)
    if example is not None:
        one = work / "one.jsonl"
        one.write_text(lines[0] + "\n", encoding="utf-8")

        def run_example(path: Path) -> Callable[[], object]:
            return lambda: subprocess.run(
                [str(example), "--jsonl", str(path)], check=True, stdout=subprocess.DEVNULL
            )

        whole = best_of(args.runs, run_example(corpus))
        startup = best_of(args.runs, run_example(one))
        results.append(("Rust example `extract --jsonl`, whole run (1 thread)", whole))
        results.append(
            (
                "Rust example, less its start-up (gazetteer build, one article)",
                (whole[0] - startup[0], whole[1] - startup[1]),
            )
        )

    results.append(
        (
            "Python `extract_many(texts, threads=1)`",
            best_of(args.runs, lambda: extractor.extract_many(texts, threads=1)),
        )
    )
    results.append(
        (
            "Python `[byline.extract(t) for t in texts]`",
            best_of(args.runs, lambda: [byline.extract(t) for t in texts]),
        )
    )
    results.append(
        (
            "Python `extract_many(texts)` (all cores)",
            best_of(args.runs, lambda: extractor.extract_many(texts)),
        )
    )

    def single_process_job() -> None:
        dask_corpus.run_partition(lines, 0, str(work / "single"))

    results.append(
        ("Dask job's work in one process (rows to Parquet)", best_of(args.runs, single_process_job))
    )

    from dask.distributed import Client, LocalCluster

    def cluster_job(client) -> Callable[[], float]:
        def job() -> float:
            summaries = dask_corpus.run(
                str(corpus), str(work / "cluster"), client, blocksize=args.blocksize
            )
            return float(sum(s["cpu_seconds"] for s in summaries))

        return job

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        cold = best_of(1, cluster_job(client))
        warm = best_of(args.runs, cluster_job(client))
    results.append(("Dask job, LocalCluster 2 workers × 1 thread, first run (cold workers)", cold))
    results.append(("Dask job, LocalCluster 2 workers × 1 thread, warm", warm))

    print()
    print("| run | wall s | MB/s | CPU s | MB per CPU-s |")
    print("|---|---:|---:|---:|---:|")
    for name, (wall, cpu) in results:
        print(
            f"| {name} | {wall:.2f} | {megabytes / wall:.1f} | {cpu:.2f} | {megabytes / cpu:.1f} |"
        )
    shutil.rmtree(work)


if __name__ == "__main__":
    main(sys.argv[1:])
