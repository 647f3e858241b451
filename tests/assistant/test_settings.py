"""Settings refuse to start in production with missing or placeholder secrets."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from assistant.config import REPO_ROOT, Settings

STRONG = "9rV3q0xw1VbK3Jq7yC5d2nL8mT4pZs6h"  # 32 random characters


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No LAWCLOUD_* variables or lawcloud.toml from the machine running the tests."""
    for name in list(os.environ):
        if name.startswith("LAWCLOUD_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


def test_development_defaults_need_no_secrets() -> None:
    settings = Settings()
    assert settings.env == "development" and settings.secret_key is None
    assert settings.store_raw_personal_data is False
    assert settings.rate_limit_per_minute > 0 and settings.rate_limit_burst > 0


@pytest.mark.parametrize(
    "secret",
    [
        None,
        "",
        "changeme",
        "CHANGE_ME",
        "secret",
        "changeme-please-000000000000000000",
        "short-but-real-7f3a",
    ],
)
def test_production_refuses_a_missing_or_placeholder_secret_key(secret: str | None) -> None:
    values: dict[str, object] = {"env": "production"}
    if secret is not None:
        values["secret_key"] = secret
    with pytest.raises(ValidationError, match="LAWCLOUD_SECRET_KEY"):
        Settings(**values)  # type: ignore[arg-type]


def test_production_starts_with_a_real_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAWCLOUD_ENV", "production")
    monkeypatch.setenv("LAWCLOUD_SECRET_KEY", STRONG)
    settings = Settings()
    assert settings.env == "production" and settings.secret_key is not None
    assert STRONG not in repr(settings)  # secrets never show in reprs (and so in logs)


@pytest.mark.parametrize("key", [None, "EMPTY", "changeme", "sk-changeme"])
def test_production_llm_mode_refuses_a_placeholder_api_key(key: str | None) -> None:
    values: dict[str, object] = {
        "env": "production",
        "secret_key": STRONG,
        "answer_mode": "llm",
        "llm_base_url": "http://127.0.0.1:9/v1",
    }
    if key is not None:
        values["llm_api_key"] = key
    with pytest.raises(ValidationError, match="LAWCLOUD_LLM_API_KEY"):
        Settings(**values)  # type: ignore[arg-type]


def test_production_refuses_cors_from_anywhere() -> None:
    with pytest.raises(ValidationError, match="cors_origins"):
        Settings(env="production", secret_key=STRONG, cors_origins=["*"])  # type: ignore[arg-type]


def test_the_cli_refuses_to_start_with_a_clear_message(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LAWCLOUD_")}
    env.update(
        {"LAWCLOUD_ENV": "production", "LAWCLOUD_DATA_DIR": str(tmp_path), "CI": "true", "COLUMNS": "300"}
    )
    out = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "serve", "--port", "9"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2
    assert "配置错误" in out.stderr and "LAWCLOUD_SECRET_KEY" in out.stderr
    assert "Traceback" not in out.stderr


def test_a_bad_setting_is_named_when_the_cli_refuses_to_start(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LAWCLOUD_")}
    env.update({"LAWCLOUD_DATA_DIR": str(tmp_path), "LAWCLOUD_PARALLEL_ANSWERS": "-1", "COLUMNS": "300"})
    out = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "serve", "--port", "9"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2
    assert "配置错误" in out.stderr and "LAWCLOUD_PARALLEL_ANSWERS" in out.stderr
    assert "Traceback" not in out.stderr
