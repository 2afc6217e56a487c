#!/usr/bin/env python3
"""Whole-process throughput of ``extract --jsonl`` on a JSONL corpus.

Repeats the texts of a JSONL file (one ``{"text": ...}`` record per line) in
order until they reach a target size, writes them as ``{"id", "text"}``
lines to a temporary file, and runs the release build of the ``extract``
example on it with standard input from that file and standard output to
/dev/null. The start-up time (loading the bundled gazetteers and lexicons),
measured by running the binary on a one-line input, is subtracted from each
run's wall time. Standard library only (Python 3.8+; Linux or macOS).

Reported per measurement, on one line:

* MB/s: bytes of text (the ``text`` fields, UTF-8, decimal MB = 1e6 bytes)
  per second of wall time less the start-up time; the median of the runs
  and their range;
* peak RSS of the process (the largest over the runs), from the kernel's
  resource usage of each child (``os.wait4``); the inputs are prepared in a
  separate process so that this one stays small and the figure is the
  binary's own;
* the start-up time that was subtracted.

Usage:
    cargo build --release --example extract
    python3 benches/throughput.py ../shared/eval/quotes/polnear_dev.jsonl
    python3 benches/throughput.py CORPUS.jsonl --size-mb 50 --runs 5
    python3 benches/throughput.py CORPUS.jsonl --single-document

``--single-document`` joins the repeated texts, separated by blank lines,
into one document (one input line), to show how the cost grows with the
length of a document.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MB = 1_000_000


def default_binary():
    target = os.environ.get("CARGO_TARGET_DIR") or str(REPO / "target")
    return str(Path(target) / "release" / "examples" / "extract")


def read_texts(path):
    texts = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                texts.append(json.loads(line)["text"])
            except (ValueError, KeyError, TypeError) as err:
                sys.exit("%s:%d: not a {\"text\": ...} record (%s)" % (path, number, err))
    if not texts:
        sys.exit("%s: no texts" % path)
    return texts


def repeat_to_size(texts, target_bytes):
    """The texts in order, as often as needed to reach target_bytes."""
    out, size = [], 0
    while size < target_bytes:
        for text in texts:
            out.append(text)
            size += len(text.encode("utf-8"))
            if size >= target_bytes:
                break
    return out, size


def write_jsonl(path, texts):
    with open(path, "w", encoding="utf-8") as f:
        for i, text in enumerate(texts):
            f.write(json.dumps({"id": str(i), "text": text}, ensure_ascii=False))
            f.write("\n")


def prepare(args, tiny, big, summary):
    """Writes the inputs in a child process and returns (documents, bytes).

    Linux counts the memory a child inherits at fork in its peak RSS, so
    this process never holds the corpus: the peak RSS reported for the
    binary is then its own."""
    pid = os.fork()
    if pid == 0:
        try:
            texts = read_texts(args.corpus)
            repeated, text_bytes = repeat_to_size(texts, int(args.size_mb * MB))
            if args.single_document:
                repeated = ["\n\n".join(repeated)]
                text_bytes = len(repeated[0].encode("utf-8"))
            write_jsonl(tiny, ["Senator Jane Doe said on Tuesday that the bill would pass."])
            write_jsonl(big, repeated)
            with open(summary, "w") as f:
                json.dump([len(repeated), text_bytes], f)
            code = 0
        except (SystemExit, OSError) as err:
            print(err, file=sys.stderr)
            code = 1
        except BaseException:
            import traceback
            traceback.print_exc()
            code = 1
        sys.stderr.flush()
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    if status != 0:
        sys.exit(1)
    with open(summary) as f:
        documents, text_bytes = json.load(f)
    return documents, text_bytes


def run_once(binary, input_path):
    """Wall time in seconds and peak RSS in bytes of one run."""
    with open(input_path, "rb") as stdin, open(os.devnull, "wb") as stdout:
        start = time.perf_counter()
        proc = subprocess.Popen([binary, "--jsonl"], stdin=stdin, stdout=stdout)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") else status
    if proc.returncode != 0:
        sys.exit("%s --jsonl < %s: exit status %d" % (binary, input_path, proc.returncode))
    # ru_maxrss is in KiB on Linux and in bytes on macOS.
    rss = usage.ru_maxrss if sys.platform == "darwin" else usage.ru_maxrss * 1024
    return elapsed, rss


def measure(binary, input_path, runs):
    results = [run_once(binary, input_path) for _ in range(runs)]
    return [t for t, _ in results], max(r for _, r in results)


def main(argv):
    parser = argparse.ArgumentParser(
        description="Whole-process throughput of extract --jsonl on a JSONL corpus.")
    parser.add_argument("corpus", help="JSONL file, one {\"text\": ...} record per line")
    parser.add_argument("--size-mb", type=float, default=20.0,
                        help="repeat the texts to this many MB of text (default 20)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (default 3)")
    parser.add_argument("--binary", default=default_binary(),
                        help="the extract binary (default: target/release/examples/extract)")
    parser.add_argument("--single-document", action="store_true",
                        help="join the texts into one document instead of one per line")
    args = parser.parse_args(argv[1:])

    if not os.access(args.binary, os.X_OK):
        sys.exit("%s: not found; build it with `cargo build --release --example extract`"
                 % args.binary)
    with tempfile.TemporaryDirectory(prefix="byline-throughput-") as tmp:
        tiny = os.path.join(tmp, "one-line.jsonl")
        big = os.path.join(tmp, "corpus.jsonl")
        documents, text_bytes = prepare(args, tiny, big, os.path.join(tmp, "summary.json"))

        startup_times, startup_rss = measure(args.binary, tiny, args.runs)
        startup = statistics.median(startup_times)
        print("start-up: %.3f s (median of %d), peak RSS %.1f MB"
              % (startup, args.runs, startup_rss / MB))

        times, rss = measure(args.binary, big, args.runs)
        rates = sorted(text_bytes / MB / max(t - startup, 1e-9) for t in times)
        mode = "one document" if args.single_document else "%d documents" % documents
        print("%s: %.1f MB of text (%s): %.2f MB/s median of %d (%.2f-%.2f), "
              "wall %.2f s, start-up %.3f s subtracted, peak RSS %.1f MB"
              % (Path(args.corpus).name, text_bytes / MB, mode, statistics.median(rates),
                 args.runs, rates[0], rates[-1], statistics.median(times), startup, rss / MB))
        sys.stdout.flush()
        if statistics.median(times) < 2 * startup:
            print("warning: the runs take less than twice the start-up time; "
                  "raise --size-mb for a figure that means something", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
