"""The explicit list of lockfile extractors. Nothing registers itself at import; a duplicate name
is an error, so two modules can never silently claim the same format."""

from __future__ import annotations

from collections.abc import Iterable

from ridgeline.analyzers.deps.extractors.base import LockfileExtractor

# Every format's file name ends in one of these: a cheap first test for the many files of a
# repository that are not lockfiles (the walk asks about every file). A new format whose name ends
# otherwise must be added here; the fixture tests fail until it is.
LOCKFILE_ENDINGS = (
    ".txt",
    ".lock",
    ".json",
    ".toml",
    ".yaml",
    ".mod",
    ".xml",
    ".lockfile",
    ".config",
    ".resolved",
    ".locked",
)


class ExtractorRegistry:
    def __init__(self, extractors: Iterable[LockfileExtractor]) -> None:
        self._by_name: dict[str, LockfileExtractor] = {}
        for extractor in extractors:
            if extractor.name in self._by_name:
                raise ValueError(f"duplicate lockfile extractor name: {extractor.name}")
            self._by_name[extractor.name] = extractor

    def names(self) -> list[str]:
        return list(self._by_name)

    def get(self, name: str) -> LockfileExtractor:
        return self._by_name[name]

    def for_path(self, path: str) -> LockfileExtractor | None:
        if not path.endswith(LOCKFILE_ENDINGS):
            return None
        for extractor in self._by_name.values():
            if extractor.matches(path):
                return extractor
        return None


def default_extractors() -> ExtractorRegistry:
    from ridgeline.analyzers.deps.extractors import (
        bun_lock,
        cargo_lock,
        composer_lock,
        gemfile_lock,
        go_mod,
        gradle_lockfile,
        mix_lock,
        nuget_packages_lock,
        package_lock,
        package_resolved,
        packages_config,
        pdm_lock,
        pipfile_lock,
        pnpm_lock,
        poetry_lock,
        pom_xml,
        pubspec_lock,
        pylock_toml,
        requirements_txt,
        uv_lock,
        yarn_lock,
    )

    return ExtractorRegistry(
        [
            requirements_txt.RequirementsTxtExtractor(),
            pipfile_lock.PipfileLockExtractor(),
            poetry_lock.PoetryLockExtractor(),
            uv_lock.UvLockExtractor(),
            pdm_lock.PdmLockExtractor(),
            pylock_toml.PylockTomlExtractor(),
            package_lock.PackageLockExtractor(),
            yarn_lock.YarnLockExtractor(),
            pnpm_lock.PnpmLockExtractor(),
            bun_lock.BunLockExtractor(),
            go_mod.GoModExtractor(),
            cargo_lock.CargoLockExtractor(),
            gemfile_lock.GemfileLockExtractor(),
            composer_lock.ComposerLockExtractor(),
            pom_xml.PomXmlExtractor(),
            gradle_lockfile.GradleLockfileExtractor(),
            nuget_packages_lock.NugetPackagesLockExtractor(),
            packages_config.PackagesConfigExtractor(),
            pubspec_lock.PubspecLockExtractor(),
            mix_lock.MixLockExtractor(),
            package_resolved.PackageResolvedExtractor(),
        ]
    )
