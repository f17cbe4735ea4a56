"""Benchmark of the dependency checker (not a test): run with the project venv,
``python bench/deps/run.py [--pip-audit PATH]``.

Measures (1) importing the whole shared OSV bundle into a fresh mirror, (2) extracting and matching
10,000-package lockfiles (target < 1 s), (3) peak memory of each phase, and (4) a comparison with
pip-audit (osv-scanner is not installable from PyPI) on the same requirements file, pip-audit pointed
at a loopback OSV API serving the same records — ridgeline measured both offline (local mirror) and
through that same API.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
ADVISORIES = Path("/work/shared/advisories")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _pypi_pins(limit: int) -> list[tuple[str, str]]:
    """Real PyPI package names from the bundle, each at a version its advisory lists (vulnerable)."""
    from packaging.version import InvalidVersion, Version

    def valid(version: str) -> bool:
        try:
            return str(Version(version)) == version
        except InvalidVersion:
            return False

    pins: dict[str, str] = {}
    for file in sorted((ADVISORIES / "PyPI").glob("*.json")):
        data = json.loads(file.read_text())
        for affected in data.get("affected", []):
            name = affected["package"]["name"]
            versions = [v for v in affected.get("versions") or [] if valid(v)]
            if versions and name not in pins:
                pins[name] = versions[-1]
        if len(pins) >= limit:
            break
    return sorted(pins.items())[:limit]


def _npm_lock(count: int) -> str:
    rng = random.Random(7)
    names = sorted({p.stem for p in (ADVISORIES / "npm").glob("*.json")})
    real = []
    for file in sorted((ADVISORIES / "npm").glob("*.json")):
        for affected in json.loads(file.read_text()).get("affected", []):
            real.append(affected["package"]["name"])
    del names
    packages: dict[str, dict[str, str]] = {"": {"name": "bench", "version": "1.0.0"}}
    for index in range(count):
        name = real[index] if index < len(real) else f"bench-pkg-{index}"
        version = f"{rng.randint(0, 5)}.{rng.randint(0, 20)}.{rng.randint(0, 30)}"
        packages[f"node_modules/{name}" if index < len(real) else f"node_modules/x/node_modules/{name}"] = {
            "version": version,
            "resolved": f"https://registry.npmjs.org/{name}/-/{name}-{version}.tgz",
        }
    return json.dumps({"name": "bench", "lockfileVersion": 3, "packages": packages}, indent=2)


def phase_import(work: Path) -> dict[str, float]:
    from ridgeline.vulndb.local import LocalMirror

    started = time.perf_counter()
    result = LocalMirror(work / "mirror").import_path(ADVISORIES)
    return {"seconds": time.perf_counter() - started, "imported": result.imported, "peak_mb": _peak_mb()}


def phase_match(work: Path) -> dict[str, float]:
    from ridgeline.analyzers.deps.extractors.base import extract_packages
    from ridgeline.analyzers.deps.extractors.registry import default_extractors
    from ridgeline.vulndb.local import LocalMirror

    registry = default_extractors()
    lock = _npm_lock(10_000)
    requirements = "\n".join(f"bench-py-{i}==1.{i % 50}.0" for i in range(9_000))
    requirements += "\n" + "\n".join(f"{n}=={v}" for n, v in _pypi_pins(1_000)) + "\n"
    started = time.perf_counter()
    npm = extract_packages(registry.get("package-lock.json"), lock, "package-lock.json").packages
    pypi = extract_packages(registry.get("requirements.txt"), requirements, "requirements.txt").packages
    extracted = time.perf_counter()
    mirror = LocalMirror(work / "mirror")
    npm_hits = mirror.query(list(npm))
    npm_done = time.perf_counter()
    pypi_hits = LocalMirror(work / "mirror").query(list(pypi))
    done = time.perf_counter()
    return {
        "packages_npm": len(npm),
        "packages_pypi": len(pypi),
        "extract_seconds_both": extracted - started,
        "match_seconds_npm_10k": npm_done - extracted,
        "match_seconds_pypi_10k": done - npm_done,
        "vulnerable_npm": len(npm_hits),
        "vulnerable_pypi": len(pypi_hits),
        "peak_mb": _peak_mb(),
    }


@contextmanager
def _server_process() -> Iterator[str]:
    """The loopback OSV stand-in in its own process, so it does not share a GIL with the client."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    process = context.Process(target=_serve_forever, args=(queue,), daemon=True)
    process.start()
    try:
        yield queue.get(timeout=120)
    finally:
        process.terminate()
        process.join(5)


def _serve_forever(queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    from tests.vulndb.osv_server import OsvData, serve

    data = OsvData()
    data.add_folder(ADVISORIES / "PyPI", "PyPI")
    with serve(data) as base:
        queue.put(base)
        threading.Event().wait()


def phase_compare(work: Path, pip_audit: str, count: int) -> dict[str, float]:

    from ridgeline.analyzers.base import AnalysisContext
    from ridgeline.analyzers.deps.analyzer import DepsAnalyzer
    from ridgeline.analyzers.deps.extractors.base import extract_packages
    from ridgeline.analyzers.deps.extractors.registry import default_extractors
    from ridgeline.vulndb.local import LocalMirror
    from ridgeline.vulndb.osv_api import OsvApiSource

    pins = _pypi_pins(count)
    requirements = work / "requirements.txt"
    requirements.write_text("".join(f"{n}=={v}\n" for n, v in pins))
    text = requirements.read_text()

    reported: set[tuple[str, str]] = set()

    def ridgeline_with(source: object) -> tuple[float, int]:
        started = time.perf_counter()
        analyzer = DepsAnalyzer(lambda: source)  # type: ignore[arg-type,return-value]
        packages = extract_packages(default_extractors().get("requirements.txt"), text, "requirements.txt")
        analyzer._packages.extend(packages.packages)
        findings = list(analyzer.finish(AnalysisContext(root=work)))
        elapsed = time.perf_counter() - started
        for finding in findings:
            for advisory_id in finding.details.advisory_ids:  # type: ignore[union-attr]
                reported.add((finding.details.package, advisory_id))  # type: ignore[union-attr]
        return elapsed, len({f.details.package for f in findings})  # type: ignore[union-attr]

    local_seconds, local_vulnerable = ridgeline_with(LocalMirror(work / "mirror"))
    with _server_process() as base:
        api_seconds, api_vulnerable = ridgeline_with(OsvApiSource(base))
        cache = work / "pip-audit-cache"
        started = time.perf_counter()
        completed = subprocess.run(
            [
                pip_audit,
                "--disable-pip",
                "--no-deps",
                "-r",
                str(requirements),
                "-s",
                "osv",
                "--osv-url",
                f"{base}/v1/query",
                "--cache-dir",
                str(cache),
                "-f",
                "json",
                "--progress-spinner",
                "off",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        pip_audit_seconds = time.perf_counter() - started
    try:
        report = json.loads(completed.stdout)
        audited = report["dependencies"] if isinstance(report, dict) else report
        pip_audit_vulnerable = sum(1 for d in audited if d.get("vulns"))
        pairs = {(d["name"].lower(), v["id"]) for d in audited for v in d.get("vulns", [])}
        missed = len({(n, i) for n, i in pairs if (n, i) not in {(p.lower(), a) for p, a in reported}})
    except (ValueError, KeyError):
        pip_audit_vulnerable = missed = -1
        pairs = set()
        print(completed.stderr[-2000:], file=sys.stderr)
    return {
        "packages": len(pins),
        "ridgeline_local_seconds": local_seconds,
        "ridgeline_osv_api_seconds": api_seconds,
        "pip_audit_seconds": pip_audit_seconds,
        "vulnerable_ridgeline_local": local_vulnerable,
        "vulnerable_ridgeline_api": api_vulnerable,
        "vulnerable_pip_audit": pip_audit_vulnerable,
        "pip_audit_advisories": len(pairs),
        "pip_audit_advisories_ridgeline_missed": missed,
        "ratio_pip_audit_over_ridgeline_local": pip_audit_seconds / local_seconds,
        "ratio_pip_audit_over_ridgeline_api": pip_audit_seconds / api_seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--phase", choices=["import", "match", "compare"])
    parser.add_argument("--work")
    parser.add_argument("--pip-audit", default=shutil.which("pip-audit") or "pip-audit")
    parser.add_argument("--count", type=int, default=300, help="requirements pins in the comparison")
    args = parser.parse_args()
    if args.phase:
        work = Path(args.work)
        if args.phase == "import":
            result = phase_import(work)
        elif args.phase == "match":
            result = phase_match(work)
        else:
            result = phase_compare(work, args.pip_audit, args.count)
        print(json.dumps(result))
        return
    with tempfile.TemporaryDirectory(prefix="ridgeline-bench-") as temporary:
        for phase in ("import", "match", "compare"):
            completed = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--phase",
                    phase,
                    "--work",
                    temporary,
                    "--pip-audit",
                    args.pip_audit,
                    "--count",
                    str(args.count),
                ],
                capture_output=True,
                text=True,
                check=False,
            )
            if completed.returncode != 0:
                print(f"{phase}: failed\n{completed.stderr[-3000:]}")
                continue
            result = json.loads(completed.stdout.strip().splitlines()[-1])
            print(f"== {phase}")
            for key, value in result.items():
                print(f"  {key:<40} {value:.3f}" if isinstance(value, float) else f"  {key:<40} {value}")


if __name__ == "__main__":
    main()
