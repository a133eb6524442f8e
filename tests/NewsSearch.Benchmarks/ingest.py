#!/usr/bin/env python3
"""Indexing throughput of `newssearch index` on the shared corpora: articles/s, MB/s, peak memory, re-run time.

Builds the console in Release once, then for each corpus indexes it into a fresh index REPEAT times (medians are
reported), and re-runs it once more on the last index (nothing changed: the re-run time). Peak memory is the
largest resident set of the indexing process (wait4's ru_maxrss). MB/s counts article text after decompression.

usage:
  python3 tests/NewsSearch.Benchmarks/ingest.py [--corpora ../shared/corpora] [--repeat 3] [--corpus NAME ...]
  python3 tests/NewsSearch.Benchmarks/ingest.py --sweep threads   # Reuters JSONL with --threads 1..4, runs interleaved
  python3 tests/NewsSearch.Benchmarks/ingest.py --sweep ram       # Reuters JSONL with --ram-buffer 16, 64, 256

The machine is shared: compare figures from one run of this script (same-run ratios), not across runs.
Standard library only.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPORA = {
    "reuters-seed-tar": "reuters21578/seedformat.tar.gz",
    "reuters-jsonl": "reuters21578/reuters21578.jsonl.gz",
    "bbc-jsonl": "bbc/bbc.jsonl.gz",
    "polnear-jsonl": "polnear/polnear.jsonl.gz",
    "time-jsonl": "time/time.jsonl.gz",
}


def build():
    out = os.path.join(tempfile.gettempdir(), "newssearch-bench-build")
    subprocess.run(["dotnet", "build", os.path.join(ROOT, "src", "NewsSearch.Cli"), "-c", "Release", "-o", out,
                    "--nologo", "-v", "q"], check=True, stdout=subprocess.DEVNULL)
    return os.path.join(out, "newssearch")


def run(program, index, inputs, extra=()):
    """One `index` run: (report as parsed JSON, wall seconds, peak RSS in MB)."""
    start = time.perf_counter()
    process = subprocess.Popen([program, "index", "--index", index, "--json", *extra, *inputs],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        sys.exit(f"index failed with exit code {process.returncode} on {inputs}")
    return json.loads(output), wall, usage.ru_maxrss / 1024.0


def fresh(program, inputs, extra=()):
    index = tempfile.mkdtemp(prefix="newssearch-bench-")
    try:
        return run(program, os.path.join(index, "ix"), inputs, extra)
    finally:
        shutil.rmtree(index, ignore_errors=True)


def corpus_table(program, corpora, names, repeat):
    print(f"{'corpus':<18} {'added':>7} {'rejected':>8} {'MB':>6} {'s':>6} {'art/s':>7} {'MB/s':>6} {'peak MB':>8} {'re-run s':>8}")
    for name in names:
        path = os.path.join(corpora, CORPORA[name])
        runs = []
        index = tempfile.mkdtemp(prefix="newssearch-bench-")
        try:
            for _ in range(repeat):
                shutil.rmtree(os.path.join(index, "ix"), ignore_errors=True)
                runs.append(run(program, os.path.join(index, "ix"), [path]))
            again, again_wall, _ = run(program, os.path.join(index, "ix"), [path])
        finally:
            shutil.rmtree(index, ignore_errors=True)
        report = runs[-1][0]
        wall = statistics.median(r[1] for r in runs)
        peak = statistics.median(r[2] for r in runs)
        mb = report["text_bytes"] / 1e6
        added = report["added"]
        assert again["added"] == 0 and again["updated"] == 0, again
        print(f"{name:<18} {added:>7} {len(report['rejected']):>8} {mb:>6.1f} {wall:>6.2f} {added / wall:>7.0f} "
              f"{mb / wall:>6.2f} {peak:>8.0f} {again_wall:>8.2f}")
        stages = report["stages"]
        print(f"{'':<18} stages (s, summed over threads): " + ", ".join(f"{k} {v}" for k, v in stages.items()))


def sweep(program, corpora, what, repeat):
    path = os.path.join(corpora, CORPORA["reuters-jsonl"])
    settings = {"threads": [["--threads", str(n)] for n in (1, 2, 3, 4)],
                "ram": [["--ram-buffer", str(mb)] for mb in (16, 64, 256)]}[what]
    results = {tuple(s): [] for s in settings}
    for _ in range(repeat):
        # Interleaved, so a burst of load from elsewhere on the machine hits every setting alike.
        for setting in settings:
            results[tuple(setting)].append(fresh(program, [path], setting))
    base = statistics.median(r[1] for r in results[tuple(settings[0])])
    print(f"{'setting':<20} {'median s':>8} {'art/s':>7} {'vs first':>8} {'peak MB':>8}  runs (s)")
    for setting, runs in results.items():
        wall = statistics.median(r[1] for r in runs)
        added = runs[-1][0]["added"]
        print(f"{' '.join(setting):<20} {wall:>8.2f} {added / wall:>7.0f} {base / wall:>7.2f}x "
              f"{statistics.median(r[2] for r in runs):>8.0f}  {', '.join(f'{r[1]:.2f}' for r in runs)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", default=os.path.join(ROOT, "..", "shared", "corpora"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", action="append", choices=sorted(CORPORA))
    parser.add_argument("--sweep", choices=["threads", "ram"])
    parser.add_argument("--extra", action="append", default=[], help="another input to index, e.g. a replicated corpus")
    args = parser.parse_args()
    program = build()
    print(f"{os.cpu_count()} cores; median of {args.repeat} runs each; newssearch built in Release")
    if args.sweep:
        sweep(program, args.corpora, args.sweep, args.repeat)
        return
    corpus_table(program, args.corpora, args.corpus or list(CORPORA), args.repeat)
    for extra in args.extra:
        CORPORA[os.path.basename(extra)] = os.path.abspath(extra)
        corpus_table(program, args.corpora, [os.path.basename(extra)], args.repeat)


if __name__ == "__main__":
    main()
