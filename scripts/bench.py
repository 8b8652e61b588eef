#!/usr/bin/env python3
"""Warta's benchmark suite (see scripts/bench). Every ratio is measured in the same run, on the same input."""
import argparse, datetime, json, os, platform, shutil, statistics, subprocess, sys, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
OUT = os.path.join(ROOT, ".build", "bench")
# Where a reader of the repository finds the last run's figures (tracked, unlike .build/).
PUBLISHED = os.path.join(ROOT, "bench")
# The binary the README's commands build (`swift build -c release`, `swift run -c release warta`): release
# builds link the Swift runtime statically (Package.swift), which starts faster than the shared one.
WARTA = os.path.join(ROOT, ".build", "release", "warta")
FLOOR = os.path.join(OUT, "icu_wordbreak")


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def build():
    sh(["swift", "build", "-c", "release", "--product", "warta"], cwd=ROOT, stdout=subprocess.DEVNULL)
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "icu-uc", "icu-i18n"], capture_output=True, text=True, check=True).stdout.split()
    sh(["cc", "-O2", "-o", FLOOR, os.path.join(ROOT, "Benchmarks", "floor", "icu_wordbreak.c"), *flags])


def make_corpus(texts, megabytes):
    """Copies of the dev texts in r00/, r01/, ... until the corpus holds about `megabytes` MB."""
    corpus = os.path.join(OUT, "corpus")
    names = sorted(f for f in os.listdir(texts) if f.endswith(".txt"))
    one_copy = sum(os.path.getsize(os.path.join(texts, f)) for f in names)
    copies = max(1, round(megabytes * 1_000_000 / one_copy))
    stamp = os.path.join(corpus, f".made-{copies}-{one_copy}")
    if not os.path.exists(stamp):
        shutil.rmtree(corpus, ignore_errors=True)
        for c in range(copies):
            d = os.path.join(corpus, f"r{c:02d}")
            os.makedirs(d)
            for f in names:
                shutil.copyfile(os.path.join(texts, f), os.path.join(d, f))
        open(stamp, "w").close()
    paths = sorted(os.path.join(dp, f) for dp, _, fs in os.walk(corpus) for f in fs if f.endswith(".txt"))
    with open(os.path.join(OUT, "files.txt"), "w") as out:
        out.write("".join(p + "\n" for p in paths))
    jsonl = os.path.join(OUT, "corpus.jsonl")
    if not os.path.exists(jsonl) or os.path.getmtime(jsonl) < os.path.getmtime(stamp):
        with open(jsonl, "w", encoding="utf-8") as out:
            for p in paths:
                out.write(json.dumps({"id": os.path.relpath(p, corpus), "text": open(p, encoding="utf-8").read()}, ensure_ascii=False) + "\n")
    size = sum(os.path.getsize(p) for p in paths)
    return corpus, jsonl, paths, size


def run(cmd, stdin=None, stdout=subprocess.DEVNULL):
    """Wall seconds and peak RSS (MB) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=stdin, stdout=stdout, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed")
    return wall, usage.ru_maxrss / 1024


def timed(cmd, repeat, stdin_path=None):
    """Median wall time and the largest peak RSS over `repeat` runs."""
    walls, peaks = [], []
    for _ in range(repeat):
        with open(stdin_path or os.devnull, "rb") as stdin:
            w, p = run(cmd, stdin=stdin)
        walls.append(w)
        peaks.append(p)
    return statistics.median(walls), max(peaks)


def stream_rss(megabytes, jobs):
    """Peak RSS of `warta extract --jsonl` reading a generated stream of `megabytes` MB from a pipe."""
    record = (json.dumps({"id": "x", "text": open(os.path.join(ROOT, "Corpus", "seed-000.txt"), encoding="utf-8").read()}, ensure_ascii=False) + "\n").encode()
    count = megabytes * 1_000_000 // len(record)
    start = time.perf_counter()
    proc = subprocess.Popen([WARTA, "extract", "--jsonl", "--jobs", str(jobs)], stdin=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    chunk = record * 256
    for _ in range(count // 256):
        proc.stdin.write(chunk)
    proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    return usage.ru_maxrss / 1024, time.perf_counter() - start, count - count % 256


def startup(repeat=20):
    """Median wall seconds over `repeat` runs, timed from outside: `warta extract` of a one-line document on
    stdin (every lexicon and the name model loaded), `warta --version`, and `cat` of the same document."""
    one = os.path.join(OUT, "one.txt")
    with open(one, "w") as f:
        f.write("Jakarta – Rapat digelar pada 19 September 2024.\n")
    warta = [timed([WARTA, "extract"], 1, one)[0] for _ in range(repeat)]
    version = [timed([WARTA, "--version"], 1)[0] for _ in range(repeat)]
    cat = [timed(["cat"], 1, one)[0] for _ in range(repeat)]
    return statistics.median(warta), statistics.median(cat), statistics.median(version)


def machine():
    """What the figures were measured on, and when."""
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), cpu)
    except OSError:
        pass
    def out(cmd):
        try:
            return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True).stdout.strip()
        except OSError:
            return ""
    return {
        "date_utc": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M"),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "kernel": platform.release(),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "swift": out(["swift", "--version"]).splitlines()[0] if out(["swift", "--version"]) else "",
        "commit": out(["git", "rev-parse", "--short", "HEAD"]) + (" (modified)" if out(["git", "status", "--porcelain", "--untracked-files=no"]) else ""),
        "binary": os.path.relpath(WARTA, ROOT) + " (swift build -c release)",
    }


def markdown(r, small, stream_mb):
    """The run as a page a reader can cite (bench/results.md)."""
    m = r["machine"]
    lines = [
        "# Benchmark results",
        "",
        f"Written by `scripts/bench` on {m['date_utc']} UTC: {m['nproc']} cores, {m['cpu']}, Linux {m['kernel']}",
        f"(load average {m['load_average_1min']} at the end), {m['swift']}, commit {m['commit']}, binary `{m['binary']}`.",
        f"Corpus: {r['corpus']['documents']} documents, {r['corpus']['megabytes']} MB (../shared/dev/texts repeated).",
        "",
        "| run | MB/s | docs/s | seconds | peak RSS |",
        "| --- | --- | --- | --- | --- |",
    ]
    names = {"floor_icu_wordbreak": "ICU word break alone (the floor)", "folder_jobs1": "`warta extract --jobs 1` (folder)",
             "folder_jobs2": "`warta extract --jobs 2` (folder)", "jsonl_jobs1": "`warta extract --jsonl --jobs 1`",
             "jsonl_jobs2": "`warta extract --jsonl --jobs 2`"}
    for key, name in names.items():
        v = r[key]
        peak = f"{v['peak_rss_mb']:.0f} MB" if "peak_rss_mb" in v else "-"
        lines.append(f"| {name} | {v['mb_per_s']:.1f} | {v['docs_per_s']:,.0f} | {v['seconds']:.2f} | {peak} |")
    s = r["startup"]
    lines += [
        "",
        f"Start-up (median of {s['runs']} runs, timed from outside): `warta extract` of a one-line document "
        f"{s['warta_ms']:.1f} ms, `warta --version` {s['version_ms']:.1f} ms, `cat` {s['cat_ms']:.1f} ms "
        f"({s['extra_ms']:.1f} ms more than `cat`).",
        "",
    ]
    for megabytes in (small, stream_mb):
        v = r[f"stream_{megabytes}mb"]
        lines.append(f"- `--jsonl` stream of {megabytes} MB ({v['records']:,} records): peak RSS {v['peak_rss_mb']:.1f} MB in {v['seconds']:.1f} s")
    lines += ["", "| ratio | value | target |", "| --- | --- | --- |"]
    for key, value in r["ratios"].items():
        op, target = r["targets"].get(key, ("", None))
        lines.append(f"| {key} | {value:.2f} | {'' if target is None else f'{op} {target}'} |")
    if "stages_markdown" in r:
        lines += ["", "Per stage (package-benchmark):", "", r["stages_markdown"].strip()]
    return "\n".join(lines) + "\n"


def stages(corpus):
    """Per-stage cost from package-benchmark, over the first 400 documents of the corpus."""
    env = dict(os.environ, WARTA_BENCH_TEXTS=os.path.join(corpus, "r00"))
    proc = subprocess.run(["swift", "package", "--package-path", os.path.join(ROOT, "Benchmarks"),
                           "--allow-writing-to-package-directory", "benchmark", "--no-progress",
                           "--format", "markdown"], cwd=ROOT, env=env, capture_output=True, text=True)
    return proc.stdout if proc.returncode == 0 else proc.stdout + proc.stderr


def main():
    ap = argparse.ArgumentParser(description="Warta's benchmark suite")
    ap.add_argument("--quick", action="store_true", help="skip the package-benchmark per-stage run")
    ap.add_argument("--size", type=float, default=20, help="corpus size in MB (default 20)")
    ap.add_argument("--stream-mb", type=int, default=1000, help="size of the --jsonl memory stream in MB (default 1000)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per throughput figure (median)")
    args = ap.parse_args()
    texts = os.path.join(ROOT, "..", "shared", "dev", "texts")
    if not os.path.isdir(texts):
        sys.exit("bench: ../shared/dev/texts is needed to make the corpus")
    os.makedirs(OUT, exist_ok=True)
    build()
    corpus, jsonl, paths, size = make_corpus(texts, args.size)
    mb, docs = size / 1e6, len(paths)
    r = {"corpus": {"documents": docs, "megabytes": round(mb, 2)}}

    floor, _ = timed([FLOOR, os.path.join(OUT, "files.txt")], args.repeat)
    r["floor_icu_wordbreak"] = {"seconds": floor, "mb_per_s": mb / floor, "docs_per_s": docs / floor}
    for mode in ("folder", "jsonl"):
        for jobs in (1, 2):
            cmd = [WARTA, "extract", "--jobs", str(jobs)] + (["--jsonl"] if mode == "jsonl" else [corpus])
            secs, peak = timed(cmd, args.repeat, jsonl if mode == "jsonl" else None)
            r[f"{mode}_jobs{jobs}"] = {"seconds": secs, "mb_per_s": mb / secs, "docs_per_s": docs / secs, "peak_rss_mb": peak}
    w, c, v = startup()
    r["startup"] = {"warta_ms": w * 1000, "version_ms": v * 1000, "cat_ms": c * 1000, "extra_ms": (w - c) * 1000, "runs": 20}
    small = max(50, args.stream_mb // 10)
    for megabytes in (small, args.stream_mb):
        rss, secs, records = stream_rss(megabytes, 2)
        r[f"stream_{megabytes}mb"] = {"peak_rss_mb": rss, "seconds": secs, "records": records}

    r["ratios"] = {
        "jobs1_over_floor": r["folder_jobs1"]["mb_per_s"] / r["floor_icu_wordbreak"]["mb_per_s"],
        "jobs2_over_jobs1": r["folder_jobs2"]["mb_per_s"] / r["folder_jobs1"]["mb_per_s"],
        "jsonl_jobs2_over_jobs1": r["jsonl_jobs2"]["mb_per_s"] / r["jsonl_jobs1"]["mb_per_s"],
        "startup_extra_ms": r["startup"]["extra_ms"],
        "stream_rss_mb": r[f"stream_{args.stream_mb}mb"]["peak_rss_mb"],
        "stream_rss_growth": r[f"stream_{args.stream_mb}mb"]["peak_rss_mb"] / r[f"stream_{small}mb"]["peak_rss_mb"],
    }
    targets = {
        "jobs1_over_floor": (">=", 0.5), "jobs2_over_jobs1": (">=", 1.7), "startup_extra_ms": ("<=", 10),
        "stream_rss_mb": ("<=", 64), "stream_rss_growth": ("<=", 1.25),
    }

    print(f"corpus: {docs} documents, {mb:.1f} MB (../shared/dev/texts repeated)\n")
    print(f"{'run':34s} {'MB/s':>8s} {'docs/s':>9s} {'seconds':>8s} {'peak MB':>8s}")
    for key in ("floor_icu_wordbreak", "folder_jobs1", "folder_jobs2", "jsonl_jobs1", "jsonl_jobs2"):
        v = r[key]
        peak = f"{v['peak_rss_mb']:8.1f}" if "peak_rss_mb" in v else f"{'-':>8s}"
        print(f"{key:34s} {v['mb_per_s']:8.1f} {v['docs_per_s']:9.0f} {v['seconds']:8.2f} {peak}")
    print(f"\nstart-up: warta extract {r['startup']['warta_ms']:.1f} ms, warta --version {r['startup']['version_ms']:.1f} ms, cat {r['startup']['cat_ms']:.1f} ms")
    for megabytes in (small, args.stream_mb):
        v = r[f"stream_{megabytes}mb"]
        print(f"--jsonl stream of {megabytes} MB ({v['records']} records): peak RSS {v['peak_rss_mb']:.1f} MB in {v['seconds']:.1f} s")
    print("\nratios (target):")
    for key, value in r["ratios"].items():
        op, target = targets.get(key, ("", None))
        ok = "" if target is None else ("ok" if (value >= target if op == ">=" else value <= target) else "MISSED")
        print(f"  {key:24s} {value:8.2f}   ({op} {target}) {ok}")
    if not args.quick:
        r["stages_markdown"] = stages(corpus)
        print("\nper-stage cost (package-benchmark):\n" + r["stages_markdown"])
    r["targets"] = targets
    r["machine"] = machine()
    os.makedirs(PUBLISHED, exist_ok=True)
    for directory in (OUT, PUBLISHED):
        with open(os.path.join(directory, "results.json"), "w") as f:
            json.dump(r, f, indent=2)
            f.write("\n")
    with open(os.path.join(PUBLISHED, "results.md"), "w") as f:
        f.write(markdown(r, small, args.stream_mb))
    print(f"\nwritten: bench/results.json, bench/results.md (and {os.path.relpath(os.path.join(OUT, 'results.json'), ROOT)})")


if __name__ == "__main__":
    main()
