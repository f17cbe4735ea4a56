"""Every lockfile format against named scenario fixtures with the exact expected package lists."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from ridgeline.analyzers.deps.extractors.base import extract_packages
from ridgeline.analyzers.deps.extractors.registry import ExtractorRegistry, default_extractors
from ridgeline.analyzers.deps.extractors.requirements_txt import RequirementsTxtExtractor

FIXTURES = Path(__file__).parent / "fixtures"
REGISTRY = default_extractors()

# (fixture, extractor, the path the file would have in a repository, [(name, version, dev)])
CASES = [
    ("pypi/requirements-empty.txt", "requirements.txt", "requirements.txt", []),
    (
        "pypi/requirements-one-package.txt",
        "requirements.txt",
        "requirements.txt",
        [("requests", "2.19.1", False)],
    ),
    (
        "pypi/requirements-mixed.txt",
        "requirements.txt",
        "requirements-mixed.txt",
        [
            ("django", "2.2.0", False),
            ("requests", "2.19.1", False),
            ("jinja2", "2.10", False),
            ("flask", "", False),
            ("click", "", False),
            ("pyyaml", "", False),
            ("zope-interface", "4.0.0", False),
        ],
    ),
    (
        "pypi/Pipfile.lock",
        "Pipfile.lock",
        "Pipfile.lock",
        [
            ("django", "2.2.0", False),
            ("requests", "2.19.1", False),
            ("pytest", "6.0.0", True),
            ("mypkg", "", True),
        ],
    ),
    (
        "pypi/poetry-v1-dev-deps.lock",
        "poetry.lock",
        "poetry.lock",
        [("django", "2.2.0", False), ("pytest", "6.0.0", True)],
    ),
    (
        "pypi/poetry-v2-groups.lock",
        "poetry.lock",
        "poetry.lock",
        [("jinja2", "2.10", False), ("ruff", "0.6.0", True), ("urllib3", "1.24.1", False)],
    ),
    (
        "pypi/uv-workspaces.lock",
        "uv.lock",
        "uv.lock",
        [
            ("requests", "2.19.1", False),
            ("urllib3", "1.24.1", False),
            ("pyyaml", "5.1", False),
            ("pytest", "6.0.0", True),
            ("pluggy", "0.13.1", True),
        ],
    ),
    (
        "pypi/pdm-dev-deps.lock",
        "pdm.lock",
        "pdm.lock",
        [("django", "2.2.0", False), ("pytest", "6.0.0", True)],
    ),
    (
        "pypi/pylock-one-package.toml",
        "pylock.toml",
        "pylock.toml",
        [("requests", "2.19.1", False), ("pytest", "6.0.0", True)],
    ),
    (
        "npm/package-lock-v1-nested.json",
        "package-lock.json",
        "package-lock.json",
        [
            ("lodash", "4.17.15", False),
            ("lodash", "4.17.4", False),
            ("mocha", "5.0.0", True),
            ("minimist", "0.0.8", True),
        ],
    ),
    (
        "npm/package-lock-v3-workspaces.json",
        "package-lock.json",
        "package-lock.json",
        [
            ("lodash", "4.17.21", False),
            ("minimist", "1.2.0", False),
            ("jest", "29.0.0", True),
            ("lodash", "4.17.15", False),
        ],
    ),
    ("npm/package-lock-v2-empty.json", "package-lock.json", "npm-shrinkwrap.json", []),
    (
        "npm/yarn-classic.lock",
        "yarn.lock",
        "yarn.lock",
        [("@babel/code-frame", "7.12.13", False), ("lodash", "4.17.11", False), ("minimist", "0.0.8", False)],
    ),
    (
        "npm/yarn-berry.lock",
        "yarn.lock",
        "yarn.lock",
        [("lodash", "4.17.15", False), ("minimist", "1.2.5", False)],
    ),
    (
        "npm/pnpm-v5.yaml",
        "pnpm-lock.yaml",
        "pnpm-lock.yaml",
        [("lodash", "4.17.15", False), ("@babel/core", "7.12.3", False), ("mocha", "5.0.0", True)],
    ),
    (
        "npm/pnpm-v6.yaml",
        "pnpm-lock.yaml",
        "pnpm-lock.yaml",
        [("lodash", "4.17.15", False), ("@babel/core", "7.12.3", True)],
    ),
    (
        "npm/pnpm-v9-workspaces.yaml",
        "pnpm-lock.yaml",
        "pnpm-lock.yaml",
        [("lodash", "4.17.15", False), ("mocha", "5.0.0", True), ("react-dom", "18.2.0", False)],
    ),
    (
        "npm/bun-workspaces.lock",
        "bun.lock",
        "bun.lock",
        [("lodash", "4.17.15", False), ("minimist", "1.2.0", False), ("mocha", "5.0.0", True)],
    ),
    (
        "go/go-mod-replace.mod",
        "go.mod",
        "go.mod",
        [
            ("github.com/gin-gonic/gin", "1.6.0", False),
            ("golang.org/x/net", "0.0.0-20190108225652-1e06a53dbb7e", False),
            ("github.com/new/module", "1.4.0", False),
            ("gopkg.in/yaml.v2", "2.2.2+incompatible", False),
        ],
    ),
    ("go/go-mod-empty.mod", "go.mod", "go.mod", []),
    (
        "cargo/Cargo-workspaces.lock",
        "Cargo.lock",
        "Cargo.lock",
        [("smallvec", "1.6.0", False), ("time", "0.1.43", False)],
    ),
    (
        "rubygems/Gemfile-one-package.lock",
        "Gemfile.lock",
        "Gemfile.lock",
        [
            ("actionpack", "5.2.0", False),
            ("nokogiri", "1.10.3", False),
            ("rack", "2.0.6", False),
            ("gitgem", "0.3.0", False),
        ],
    ),
    (
        "packagist/composer-dev-deps.lock",
        "composer.lock",
        "composer.lock",
        [
            ("symfony/http-kernel", "4.4.0", False),
            ("guzzlehttp/guzzle", "6.5.0", False),
            ("phpunit/phpunit", "8.5.0", True),
        ],
    ),
    (
        "maven/pom-properties.xml",
        "pom.xml",
        "pom.xml",
        [
            ("org.apache.logging.log4j:log4j-core", "2.14.1", False),
            ("com.fasterxml.jackson.core:jackson-databind", "2.9.8", False),
            ("junit:junit", "4.12", True),
            ("com.example:sibling", "1.0.0", False),
            ("org.managed:by-parent", "", False),
            ("org.ranged:ranged", "", False),
        ],
    ),
    (
        "maven/gradle-dev-deps.lockfile",
        "gradle.lockfile",
        "gradle.lockfile",
        [("com.fasterxml.jackson.core:jackson-databind", "2.9.8", False), ("junit:junit", "4.12", True)],
    ),
    (
        "nuget/packages-lock-one-package.json",
        "packages.lock.json",
        "packages.lock.json",
        [("newtonsoft.json", "12.0.1", False), ("system.text.json", "6.0.0", False)],
    ),
    (
        "nuget/packages-dev-deps.config",
        "packages.config",
        "packages.config",
        [("newtonsoft.json", "12.0.1", False), ("stylecop.analyzers", "1.1.118", True)],
    ),
    (
        "pub/pubspec-dev-deps.lock",
        "pubspec.lock",
        "pubspec.lock",
        [("http", "0.13.0", False), ("test", "1.21.0", True), ("meta", "1.8.0", False)],
    ),
    (
        "hex/mix-one-package.lock",
        "mix.lock",
        "mix.lock",
        [("plug", "1.11.0", False), ("phoenix", "1.4.0", False)],
    ),
    (
        "swift/Package-v2.resolved",
        "Package.resolved",
        "Package.resolved",
        [("github.com/apple/swift-nio", "2.29.0", False), ("github.com/vapor/vapor", "", False)],
    ),
    (
        "swift/Package-v1.resolved",
        "Package.resolved",
        "Package.resolved",
        [("github.com/apple/swift-nio", "2.29.0", False)],
    ),
    ("pypi/poetry-empty.lock", "poetry.lock", "poetry.lock", []),
    ("pypi/uv-empty.lock", "uv.lock", "uv.lock", []),
    ("npm/yarn-empty.lock", "yarn.lock", "yarn.lock", []),
    ("npm/pnpm-v9-empty.yaml", "pnpm-lock.yaml", "pnpm-lock.yaml", []),
    ("npm/bun-empty.lock", "bun.lock", "bun.lock", []),
    ("cargo/Cargo-empty.lock", "Cargo.lock", "Cargo.lock", []),
    ("rubygems/Gemfile-empty.lock", "Gemfile.lock", "Gemfile.lock", []),
    ("packagist/composer-empty.lock", "composer.lock", "composer.lock", []),
    ("maven/pom-empty.xml", "pom.xml", "pom.xml", []),
    ("maven/gradle-empty.lockfile", "gradle.lockfile", "gradle.lockfile", []),
    ("nuget/packages-lock-empty.json", "packages.lock.json", "packages.lock.json", []),
    ("pub/pubspec-empty.lock", "pubspec.lock", "pubspec.lock", []),
    ("hex/mix-empty.lock", "mix.lock", "mix.lock", []),
    (
        "swift/Package-v3-one-package.resolved",
        "Package.resolved",
        "Package.resolved",
        [("github.com/vapor/vapor", "4.50.0", False)],
    ),
]

MALFORMED = [
    ("pypi/pdm-malformed.lock", "pdm.lock", "pdm.lock"),
    ("pypi/pylock-malformed.toml", "pylock.toml", "pylock.toml"),
    ("npm/pnpm-malformed.yaml", "pnpm-lock.yaml", "pnpm-lock.yaml"),
    ("npm/bun-malformed.lock", "bun.lock", "bun.lock"),
    ("nuget/packages-lock-malformed.json", "packages.lock.json", "packages.lock.json"),
    ("pypi/Pipfile-malformed.lock", "Pipfile.lock", "Pipfile.lock"),
    ("pypi/poetry-malformed.lock", "poetry.lock", "poetry.lock"),
    ("npm/package-lock-malformed.json", "package-lock.json", "package-lock.json"),
    ("npm/yarn-malformed.lock", "yarn.lock", "yarn.lock"),
    ("npm/pnpm-billion-laughs.yaml", "pnpm-lock.yaml", "pnpm-lock.yaml"),
    ("go/go-mod-malformed.mod", "go.mod", "go.mod"),
    ("cargo/Cargo-malformed.lock", "Cargo.lock", "Cargo.lock"),
    ("rubygems/Gemfile-malformed.lock", "Gemfile.lock", "Gemfile.lock"),
    ("packagist/composer-malformed.lock", "composer.lock", "composer.lock"),
    ("maven/pom-xxe.xml", "pom.xml", "pom.xml"),
    ("maven/gradle-malformed.lockfile", "gradle.lockfile", "gradle.lockfile"),
    ("nuget/packages-malformed.config", "packages.config", "packages.config"),
    ("pub/pubspec-malformed.lock", "pubspec.lock", "pubspec.lock"),
    ("hex/mix-malformed.lock", "mix.lock", "mix.lock"),
    ("swift/Package-malformed.resolved", "Package.resolved", "Package.resolved"),
]


@pytest.mark.parametrize(("fixture", "extractor", "path", "expected"), CASES, ids=[c[0] for c in CASES])
def test_extracts_exact_packages(fixture: str, extractor: str, path: str, expected: list) -> None:
    chosen = REGISTRY.get(extractor)
    assert chosen.matches(f"some/dir/{path}")
    assert REGISTRY.for_path(f"some/dir/{path}") is chosen
    result = extract_packages(chosen, (FIXTURES / fixture).read_text(encoding="utf-8"), path)
    assert result.error == ""
    assert [(p.name, p.version, p.dev) for p in result.packages] == expected
    assert all(p.ecosystem == chosen.ecosystem and p.file == path for p in result.packages)


@pytest.mark.parametrize(("fixture", "extractor", "path"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_is_an_error_value(fixture: str, extractor: str, path: str) -> None:
    result = extract_packages(REGISTRY.get(extractor), (FIXTURES / fixture).read_text(encoding="utf-8"), path)
    assert result.packages == ()
    assert result.error.startswith(extractor)


def test_every_format_is_covered_by_a_fixture() -> None:
    covered = {c[1] for c in CASES}
    assert covered == set(REGISTRY.names())
    assert len(REGISTRY.names()) == 21


def test_duplicate_extractor_names_are_an_error() -> None:
    with pytest.raises(ValueError, match="duplicate"):
        ExtractorRegistry([RequirementsTxtExtractor(), RequirementsTxtExtractor()])


def test_lines_point_at_the_package() -> None:
    text = (FIXTURES / "npm/package-lock-v3-workspaces.json").read_text()
    result = extract_packages(REGISTRY.get("package-lock.json"), text, "package-lock.json")
    lines = text.splitlines()
    for package in result.packages:
        assert package.name in lines[package.line - 1] or "node_modules/" in lines[package.line - 1]
    go = extract_packages(REGISTRY.get("go.mod"), (FIXTURES / "go/go-mod-replace.mod").read_text(), "go.mod")
    assert [p.line for p in go.packages] == [7, 10, 11, 13]


def test_billion_laughs_costs_nothing() -> None:
    text = (FIXTURES / "npm/pnpm-billion-laughs.yaml").read_text()
    assert len(text.encode()) == 342
    started = time.perf_counter()
    for name in ("pnpm-lock.yaml", "pubspec.lock"):
        result = extract_packages(REGISTRY.get(name), text, name)
        assert "aliases are not allowed" in result.error
    assert time.perf_counter() - started < 0.5


def test_deeply_nested_json_is_refused() -> None:
    text = '{"dependencies": ' + '{"a": ' * 5000 + "1" + "}" * 5001
    result = extract_packages(REGISTRY.get("package-lock.json"), text, "package-lock.json")
    assert "nested deeper" in result.error


def test_requirements_includes_stay_inside_the_repository(tmp_path: Path) -> None:
    (tmp_path / "outside.txt").write_text("evil==1.0\n")
    repo = tmp_path / "repo"
    (repo / "sub").mkdir(parents=True)
    mixed = (FIXTURES / "pypi/requirements-mixed.txt").read_text()
    (repo / "sub/requirements-mixed.txt").write_text(mixed)
    (repo / "sub/base-reqs.in").write_text((FIXTURES / "pypi/base-reqs.in").read_text())
    from ridgeline.analyzers.deps.analyzer import repository_reader

    result = extract_packages(
        REGISTRY.get("requirements.txt"), mixed, "sub/requirements-mixed.txt", repository_reader(repo)
    )
    names = [(p.name, p.version, p.file) for p in result.packages]
    assert ("urllib3", "1.24.1", "sub/base-reqs.in") in names
    assert all(name != "evil" for name, _, _ in names)
    # the include cycle back to requirements-mixed.txt is not followed twice
    assert sum(1 for name, _, _ in names if name == "django") == 1


def test_unrelated_files_are_not_wanted() -> None:
    for path in ("README.md", "src/app.py", "package.json", "node_modules/x/package-lock.json", "Cargo.toml"):
        assert REGISTRY.for_path(path) is None


# the line holds the name as written, which differs from the reported one for these
_RENAMED = {("zope-interface", "Zope.Interface"), ("minimist", "aliased")}


@pytest.mark.parametrize(("fixture", "extractor", "path", "expected"), CASES, ids=[c[0] for c in CASES])
def test_every_package_points_at_its_line(fixture: str, extractor: str, path: str, expected: list) -> None:
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    lines = text.splitlines()
    for package in extract_packages(REGISTRY.get(extractor), text, path).packages:
        assert package.line >= 1
        shown = lines[package.line - 1]
        short = package.name.split(":")[-1].split("/")[-1]
        assert short.lower() in shown.lower() or any(
            package.name == name and written in shown for name, written in _RENAMED
        ), (package, shown)


def test_includes_never_follow_symlinks_out(tmp_path: Path) -> None:
    from ridgeline.analyzers.deps.analyzer import repository_reader

    (tmp_path / "secret.txt").write_text("evil==1.0\n")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "linked.in").symlink_to(tmp_path / "secret.txt")
    read = repository_reader(repo)
    assert read("requirements.txt", "linked.in") is None
    assert read("requirements.txt", "/etc/passwd") is None
    assert read("requirements.txt", "https://example.invalid/r.txt") is None


def test_wants_is_cheap_for_ordinary_files() -> None:
    paths = [f"src/pkg{i}/module{i}.py" for i in range(5000)] + [f"data/d{i}.json" for i in range(5000)]
    started = time.perf_counter()
    assert not any(REGISTRY.for_path(p) for p in paths)
    assert time.perf_counter() - started < 1.0
    assert REGISTRY.get("requirements.txt").matches("dev-requirements.txt")
    assert REGISTRY.get("requirements.txt").matches("requirements/base.txt")


def test_jsonc_cleanup_keeps_strings_intact() -> None:
    from ridgeline.analyzers.deps.extractors.parsing import strip_json_extras

    cleaned = strip_json_extras('{"a": "x, ] // not a comment", /* c */ "b": [1, 2, // c\n ], }')
    assert json.loads(cleaned) == {"a": "x, ] // not a comment", "b": [1, 2]}
