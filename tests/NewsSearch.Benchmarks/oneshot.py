#!/usr/bin/env python3
"""One-shot console latency: wall time of a whole `newssearch search '"invisible hand"'` process on a built index.

Publishes the console in the configurations below (once each, into --out), then runs them round-robin, --runs
times each, and prints the median, min and max wall time of each and its ratio to the plain build's median. The
index is built once from Reuters-21578 unless --index names one.

usage: python3 tests/NewsSearch.Benchmarks/oneshot.py [--runs 21] [--index DIR] [--out /tmp/newssearch-oneshot]
Standard library only. The machine is shared: compare configurations within one run.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = os.path.join(ROOT, "src", "NewsSearch.Cli")
REUTERS = os.path.join(ROOT, "..", "shared", "corpora", "reuters21578", "reuters21578.jsonl.gz")

# name -> (dotnet publish properties, environment for the runs)
CONFIGS = {
    "plain (JIT)": ([], {}),
    "ReadyToRun": (["-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true"], {}),
    # The console counts calls towards optimized code from the start (NewsSearch.Cli.csproj); this row restores the
    # runtime's default delay of 100 ms, to show what that setting costs a one-shot search.
    "ReadyToRun, tiering delay 100 ms": (["-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true"], {"DOTNET_TC_CallCountingDelayMs": "100"}),
    "ReadyToRun self-contained composite": (COMPOSITE := ["-r", "linux-x64", "--self-contained", "true", "-p:PublishReadyToRun=true",
                                                          "-p:PublishReadyToRunComposite=true"], {}),
    # In a profile of the composite build, the runtime's background compiler (re-compiling hot methods, optimized)
    # took 45 % of the process's processor time: these rows start the same build with less of it.
    "composite, tiering delay 100 ms": (COMPOSITE, {"DOTNET_TC_CallCountingDelayMs": "100"}),
    "composite, tiered PGO off": (COMPOSITE, {"DOTNET_TieredPGO": "0"}),
    "composite, tiered compilation off": (COMPOSITE, {"DOTNET_TieredCompilation": "0"}),
    # A native program: no runtime to start, nothing to compile; published as the install command publishes it
    # (README, "The console").
    "Native AOT": (["-r", "linux-x64", "-p:PublishAot=true", "-p:IlcInstructionSet=native"], {}),
}


def publish(name, props, out):
    # Configurations that differ only in their environment share the first one's build.
    name = next(other for other, (other_props, _) in CONFIGS.items() if other_props == props)
    folder = os.path.join(out, name.replace(" ", "-").replace(",", "").replace("(", "").replace(")", ""))
    if not os.path.exists(os.path.join(folder, "newssearch")):
        # Each configuration builds in a folder of its own: ReadyToRun images left in the shared obj/ by another
        # configuration (self-contained, composite) were reused and made a binary that aborts at start.
        subprocess.run(["dotnet", "publish", CLI, "-c", "Release", "-o", folder, "--artifacts-path", folder + ".build",
                        "--nologo", "-v", "quiet"] + props, check=True, stdout=subprocess.DEVNULL)
    return os.path.join(folder, "newssearch")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--index")
    parser.add_argument("--out", default="/tmp/newssearch-oneshot")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    programs = {name: (publish(name, props, args.out), env) for name, (props, env) in CONFIGS.items()}
    index = args.index or os.path.join(args.out, "reuters-index")
    first = next(iter(programs.values()))[0]
    if not os.path.exists(index):
        # Exit status 1: one Reuters record has neither body nor title and is rejected; the rest is indexed.
        if subprocess.run([first, "index", REUTERS, "--index", index], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode > 1:
            sys.exit("indexing Reuters failed")
    query = ['search', '"invisible hand"', "--index", index]
    times = {name: [] for name in programs}
    for name, (program, env) in programs.items():  # one untimed run each: page cache, not JIT
        subprocess.run([program] + query, stdout=subprocess.DEVNULL, env={**os.environ, **env})
    for _ in range(args.runs):
        for name, (program, env) in programs.items():
            start = time.perf_counter()
            result = subprocess.run([program] + query, stdout=subprocess.DEVNULL, env={**os.environ, **env})
            times[name].append((time.perf_counter() - start) * 1000)
            if result.returncode not in (0, 1):
                sys.exit(f"{name}: exit status {result.returncode}")
    base = statistics.median(times["plain (JIT)"])
    print(f"one-shot `newssearch search '\"invisible hand\"'` on {index}: {args.runs} runs each, round-robin")
    print("| configuration | median ms | min ms | max ms | ratio to plain |")
    print("|---|---:|---:|---:|---:|")
    for name, values in times.items():
        med = statistics.median(values)
        print(f"| {name} | {med:.0f} | {min(values):.0f} | {max(values):.0f} | {med / base:.2f} |")


if __name__ == "__main__":
    main()
