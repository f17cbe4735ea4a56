"""Secret-detection benchmark: speed and memory vs gitleaks and Kingfisher, accuracy vs gitleaks.

Why a script and not a test: timings depend on the machine; this prints numbers from one run for
the issue note. Three parts:

1. Speed and peak memory (RSS of the process, from ``wait4``) of Ridgeline's secret pass (walk +
   read + secrets analyzer, in a fresh interpreter, so rule loading and Hyperscan compilation are
   included), ``gitleaks dir`` and ``kingfisher scan --no-validate`` on the same trees: this
   virtualenv's ``site-packages`` (a large real tree available offline) and a generated corpus.
2. Precision and recall per rule family on the labelled corpus (``bench/secrets/corpus``), for
   Ridgeline and gitleaks. A finding counts as a true positive when it lies on the lines of a
   planted secret (each secret counted once); any other finding is a false positive, attributed
   to the family of the decoy on that line, or to ``unlabelled``.

Run ``python bench/secrets/run.py`` from the repository root with the venv's interpreter, after
``pip install -r bench/requirements.txt``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import string
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CORPUS = HERE / "corpus"
BIN = Path(sys.executable).parent


def ridgeline_scan(path: Path) -> list[dict]:
    """The secret pass as the pipeline runs it; findings as plain dicts (redacted only)."""
    from ridgeline.analyzers.base import AnalysisContext
    from ridgeline.analyzers.secrets.analyzer import SecretsAnalyzer
    from ridgeline.pipeline.runner import run_pipeline

    analyzer = SecretsAnalyzer.from_packaged_rules()
    report = run_pipeline(path, [analyzer], AnalysisContext(root=path), max_file_bytes=64 << 20)
    return [
        {"file": f.file, "line": f.line, "end_line": f.end_line, "rule": f.rule_id}
        for f in report.findings
        if f.suppressed_reason is None
    ]


def measure(argv: list[str], stdout_path: Path | None = None) -> tuple[float, float, int]:
    """(wall seconds, peak RSS MiB, exit code) of one command."""
    out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL  # noqa: SIM115
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=out, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if stdout_path:
        out.close()  # type: ignore[union-attr]
    return elapsed, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def tool_commands(tree: Path, work: Path) -> dict[str, tuple[list[str], Path | None]]:
    return {
        "ridgeline": ([sys.executable, str(Path(__file__)), "--ridgeline-scan", str(tree), str(work / "rl.json")], None),
        "gitleaks": (
            [str(BIN / "gitleaks"), "dir", str(tree), "--no-banner", "--exit-code", "0", "--report-format", "json",
             "--report-path", str(work / "gl.json"), "--log-level", "error"],
            None,
        ),
        "kingfisher": (
            [str(BIN / "kingfisher"), "scan", str(tree), "--no-validate", "--git-history", "none", "--format", "json",
             "--no-update-check"],
            work / "kf.json",
        ),
    }  # fmt: skip


def generate_tree(target: Path, files: int = 3000) -> None:
    """Source-like files (~20 KiB each) with a few planted tokens, seeded."""
    rng = random.Random(99)
    words = ["def", "return", "self", "value", "import", "class", "config", "token", "password", "key", "for", "in"]
    for index in range(files):
        lines = []
        for _ in range(400):
            lines.append("    " + " ".join(rng.choice(words) for _ in range(rng.randint(3, 9))))
        if index % 50 == 0:
            lines.append(f'GITHUB_TOKEN = "ghp_{"".join(rng.choice(string.ascii_letters) for _ in range(36))}"')
        path = target / f"pkg{index % 40}" / f"module_{index}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n")


def perf(trees: dict[str, Path], tools: list[str]) -> None:
    print("\n== speed and peak memory (one run each) ==")
    for name, tree in trees.items():
        size = sum(f.stat().st_size for f in tree.rglob("*") if f.is_file() and not f.is_symlink())
        print(f"\n-- {name}: {tree} ({size / 2**20:.0f} MiB)")
        results: dict[str, tuple[float, float]] = {}
        with tempfile.TemporaryDirectory() as tmp:
            commands = tool_commands(tree, Path(tmp))
            for tool in tools:
                argv, out = commands[tool]
                wall, rss, code = measure(argv, out)
                results[tool] = (wall, rss)
                count = _count_findings(tool, Path(tmp))
                print(f"{tool:>11}: {wall:7.2f} s  peak RSS {rss:7.1f} MiB  findings {count:5}  (exit {code})")
        rl = results["ridgeline"]
        for tool in tools:
            if tool != "ridgeline":
                wall, rss = results[tool]
                print(f"  ridgeline / {tool}: wall {rl[0] / wall:.2f}x, memory {rl[1] / rss:.2f}x")


def _count_findings(tool: str, work: Path) -> int:
    try:
        if tool == "ridgeline":
            return len(json.loads((work / "rl.json").read_text()))
        if tool == "gitleaks":
            return len(json.loads((work / "gl.json").read_text() or "[]"))
        return (work / "kf.json").read_text().count('"rule":{')
    except (OSError, ValueError):
        return -1


def _score(findings: list[tuple[str, int, int]], labels: dict) -> dict[str, list[int]]:
    """Per family: [true positives, false positives, false negatives]."""
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    found_secret: set[int] = set()
    for file, line, end in findings:
        hit = next(
            (i for i, s in enumerate(labels["secrets"]) if s["file"] == file and s["start"] <= line <= s["end"]),
            None,
        )
        if hit is None:
            hit = next(
                (i for i, s in enumerate(labels["secrets"]) if s["file"] == file and line <= s["start"] <= end),
                None,
            )
        if hit is not None:
            if hit not in found_secret:
                found_secret.add(hit)
                table[labels["secrets"][hit]["family"]][0] += 1
            continue
        decoy = next(
            (d for d in labels["decoys"] if d["file"] == file and d["start"] <= line <= d["end"]), None
        )
        table[decoy["family"] if decoy else "unlabelled"][1] += 1
    for index, secret in enumerate(labels["secrets"]):
        if index not in found_secret:
            table[secret["family"]][2] += 1
    return table


def accuracy() -> None:
    labels = json.loads((CORPUS / "labels.json").read_text())
    tree = CORPUS / "tree"
    ours = [(f["file"], f["line"], f["end_line"]) for f in ridgeline_scan(tree)]
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "gl.json"
        subprocess.run(
            [str(BIN / "gitleaks"), "dir", str(tree), "--no-banner", "--exit-code", "0", "--report-format", "json",
             "--report-path", str(report), "--log-level", "error"],
            check=True,
        )  # fmt: skip
        raw = json.loads(report.read_text() or "[]")
    theirs = [(Path(f["File"]).resolve().relative_to(tree.resolve()).as_posix(), f["StartLine"], f["EndLine"]) for f in raw]
    print(f"\n== accuracy on the labelled corpus: {len(labels['secrets'])} secrets, {len(labels['decoys'])} decoys ==")
    tables = {"ridgeline": _score(ours, labels), "gitleaks": _score(theirs, labels)}
    families = sorted(set(tables["ridgeline"]) | set(tables["gitleaks"]))
    print(f"{'family':>16} | {'ridgeline P':>11} {'R':>6} {'TP/FP/FN':>10} | {'gitleaks P':>10} {'R':>6} {'TP/FP/FN':>10}")
    totals = {tool: [0, 0, 0] for tool in tables}
    for family in families:
        row = [f"{family:>16}"]
        for tool, table in tables.items():
            tp, fp, fn = table.get(family, [0, 0, 0])
            totals[tool] = [a + b for a, b in zip(totals[tool], (tp, fp, fn), strict=True)]
            precision = f"{tp / (tp + fp):.2f}" if tp + fp else "  - "
            recall = f"{tp / (tp + fn):.2f}" if tp + fn else "  - "
            row.append(f"{precision:>11} {recall:>6} {f'{tp}/{fp}/{fn}':>10}")
        print(" | ".join(row))
    row = [f"{'all':>16}"]
    for tool in tables:
        tp, fp, fn = totals[tool]
        row.append(f"{tp / max(1, tp + fp):>11.2f} {tp / max(1, tp + fn):>6.2f} {f'{tp}/{fp}/{fn}':>10}")
    print(" | ".join(row))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ridgeline-scan", nargs=2, metavar=("TREE", "OUT"))
    parser.add_argument("--skip-perf", action="store_true")
    parser.add_argument("--files", type=int, default=3000)
    args = parser.parse_args()
    if args.ridgeline_scan:
        tree, out = args.ridgeline_scan
        Path(out).write_text(json.dumps(ridgeline_scan(Path(tree))))
        return
    accuracy()
    if args.skip_perf:
        return
    tools = [t for t in ("ridgeline", "gitleaks", "kingfisher") if t == "ridgeline" or shutil.which(t, path=str(BIN))]
    site = Path(next(p for p in sys.path if p.endswith("site-packages")))
    with tempfile.TemporaryDirectory(prefix="ridgeline-bench-") as tmp:
        # gitleaks's default allow-list skips any path containing ``site-packages``: scan a copy.
        libs = Path(tmp) / "python-libs"
        shutil.copytree(site, libs, symlinks=True)
        generated = Path(tmp) / "generated"
        generate_tree(generated, args.files)
        perf({"site-packages (copy)": libs, "generated corpus": generated}, tools)


if __name__ == "__main__":
    main()
