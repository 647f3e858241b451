"""scripts/system-deps.sh, the one installer of Debian system packages behind `make test`, `make run`
and .ci/run: run with a PATH that hides the tools, and fake id, sudo and apt-get that record calls."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from assistant.config import REPO_ROOT

SCRIPT = REPO_ROOT / "scripts" / "system-deps.sh"
# What apt-get "installs" in the sandbox: package → the command it provides.
PROVIDES = {
    "chromium": ("chromium", ""),
    "chromium-driver": ("chromedriver", ""),
    "nodejs": ("node", ""),
    "postgresql": ("initdb", ""),
    "fonts-wqy-zenhei": ("fc-list", "echo 'WenQuanYi Zen Hei'"),
}
TEST_PACKAGES = ["chromium", "chromium-driver", "fonts-wqy-zenhei", "nodejs"]
# Debian keeps initdb off the PATH; where this machine has it there, it cannot be hidden.
if not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
    TEST_PACKAGES.append("postgresql")


def _stub(bin_dir: Path, name: str, body: str) -> None:
    path = bin_dir / name
    path.write_text(f"#!/bin/bash\n{body}\n", encoding="utf-8")
    path.chmod(0o755)


def sandbox(tmp_path: Path, *, uid: int, sudo: bool = False, apt_fails: bool = False) -> Path:
    """A bin directory with only the basics; nothing the tests need is installed."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "grep", "env", "chmod"):
        real = shutil.which(tool)
        assert real, tool
        (bin_dir / tool).symlink_to(real)
    (bin_dir / "python3").symlink_to(Path(sys.executable).resolve())
    _stub(bin_dir, "id", f'[ "$1" = -u ] && echo {uid}')
    log = tmp_path / "calls.log"
    install = "\n".join(
        f"  [ \"$p\" = {package} ] && printf '#!/bin/bash\\n{body}\\n' > {bin_dir}/{command} "
        f"&& chmod 755 {bin_dir}/{command}"
        for package, (command, body) in PROVIDES.items()
    )
    _stub(
        bin_dir,
        "apt-get",
        f'echo "apt-get uid=$(id -u) $*" >> {log}\n'
        + ("exit 100\n" if apt_fails else "")
        + f'[ "$1" = install ] || exit 0\nfor p in "$@"; do\n{install}\ndone\nexit 0',
    )
    if sudo:
        _stub(bin_dir, "sudo", f'echo "sudo $*" >> {log}\nexec "$@"')
    return bin_dir


def run(bin_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": str(bin_dir), "HOME": os.environ.get("HOME", "/tmp")}
    return subprocess.run(
        [str(bin_dir / "bash"), str(SCRIPT), *args], capture_output=True, text=True, env=env, timeout=60
    )


def calls(tmp_path: Path) -> list[str]:
    log = tmp_path / "calls.log"
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def test_without_root_or_sudo_it_says_what_is_missing_in_one_line_and_fails(tmp_path: Path) -> None:
    bin_dir = sandbox(tmp_path, uid=1000)
    out = run(bin_dir, "test")
    assert out.returncode == 1 and out.stdout == ""
    (line,) = out.stderr.splitlines()
    assert line.startswith("ERROR:") and "root" in line and "sudo" in line
    for package in TEST_PACKAGES:
        assert package in line, package
    assert calls(tmp_path) == []  # nothing was attempted
    check = run(bin_dir, "test", "--check")
    assert check.returncode == 1 and all(p in check.stdout for p in TEST_PACKAGES)


def test_as_root_it_installs_what_is_missing_with_apt_get(tmp_path: Path) -> None:
    bin_dir = sandbox(tmp_path, uid=0)
    out = run(bin_dir, "test")
    assert out.returncode == 0, out.stderr
    assert "installing system packages" in out.stdout
    update, install = calls(tmp_path)
    assert update.startswith("apt-get uid=0 update")
    assert install.startswith("apt-get uid=0 install -y")
    assert sorted(install.split()[5:]) == sorted(TEST_PACKAGES)
    # Installed now: a second run says nothing and calls nothing.
    again = run(bin_dir, "test")
    assert again.returncode == 0 and again.stdout == again.stderr == "" and len(calls(tmp_path)) == 2


def test_otherwise_through_sudo(tmp_path: Path) -> None:
    bin_dir = sandbox(tmp_path, uid=1000, sudo=True)
    out = run(bin_dir, "test")
    assert out.returncode == 0, out.stderr
    logged = calls(tmp_path)
    assert logged[0].startswith("sudo apt-get update") and any(c.startswith("sudo env") for c in logged)
    assert run(bin_dir, "test", "--check").returncode == 0


def test_a_failed_install_fails_clearly(tmp_path: Path) -> None:
    bin_dir = sandbox(tmp_path, uid=0, apt_fails=True)
    out = run(bin_dir, "test")
    assert out.returncode == 1
    assert out.stderr.splitlines()[-1].startswith("ERROR: could not install system packages")


def test_serving_needs_only_python_with_venv(tmp_path: Path) -> None:
    bin_dir = sandbox(tmp_path, uid=1000)
    out = run(bin_dir, "serve")
    assert out.returncode == 0 and out.stdout == out.stderr == ""
    (bin_dir / "python3").unlink()
    missing = run(bin_dir, "serve")
    assert missing.returncode == 1 and "python3 python3-venv" in missing.stderr


def test_make_test_make_run_and_ci_share_the_installer() -> None:
    """One code path: .ci/run runs `make test`, which runs scripts/test.sh, which runs the installer
    before anything else; `make run` runs it for serving; CI installs nothing of its own."""
    makefile = (REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    assert "test:\n\tbash scripts/test.sh" in makefile and "run:\n\tbash scripts/run.sh" in makefile
    test_sh = (REPO_ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    assert test_sh.index("bash scripts/system-deps.sh test") < test_sh.index("bash scripts/setup.sh")
    run_sh = (REPO_ROOT / "scripts" / "run.sh").read_text(encoding="utf-8")
    assert run_sh.index("bash scripts/system-deps.sh serve") < run_sh.index("bash scripts/setup.sh")
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.split("#")[0].strip() for line in ci.splitlines() if not line.lstrip().startswith("#")]
    assert "make test" in commands and "export CI=true" in commands
    assert not any("apt-get" in c or "system-deps" in c for c in commands)  # no second copy or call
