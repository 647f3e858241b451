"""The repository's documents name files the way every clone can open them."""

import re
import subprocess

from assistant.config import REPO_ROOT

# A path that exists on one machine only: the shared corpus is ../shared/..., never /work/shared/...
_MACHINE_PATH = re.compile(r"(?<![\w.~])/(?:work|home|root|Users)/[\w.-]+")


def test_docs_use_paths_relative_to_the_repository() -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "*.md"], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert "eval/README.md" in tracked
    offenders = [
        f"{name}:{number}: {match.group(0)}"
        for name in tracked
        for number, line in enumerate((REPO_ROOT / name).read_text(encoding="utf-8").splitlines(), start=1)
        for match in _MACHINE_PATH.finditer(line)
    ]
    assert not offenders, (
        "absolute paths of one machine in the docs (write ../shared/... instead):\n" + "\n".join(offenders)
    )
