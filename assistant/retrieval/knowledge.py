"""The team's curated domain knowledge, loaded from corpus/: colloquial → legal expansion table,
labour issue taxonomy, and law-name aliases."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.config import CORPUS_DIR
from ingest.lawnames import short_law_name


@dataclass(frozen=True)
class SynonymGroup:
    topic: str
    legal: tuple[str, ...]
    colloquial: tuple[str, ...]
    context_of: tuple[str, ...] = ()  # expand only when one of these issues is detected


@dataclass(frozen=True)
class ArticleRef:
    law: str
    article: int
    sub: int | None = None


@dataclass(frozen=True)
class Issue:
    id: str
    name: str
    description: str
    keywords: tuple[str, ...]
    articles: tuple[ArticleRef, ...]
    # Words that say who or where the worker is (工地, 包工头), not what went wrong: they count fully
    # only beside one of this issue's keywords or of the issues in `context_of`, weakly otherwise.
    context_keywords: tuple[str, ...] = ()
    context_of: tuple[str, ...] = ()
    # What a context word alone weighs (None: the default of assistant/retrieval/query.py); 0 when the
    # setting says nothing by itself (an unlicensed shop is no question until someone is hurt there).
    context_weight: float | None = None


@dataclass(frozen=True)
class Knowledge:
    synonyms: tuple[SynonymGroup, ...]
    issues: tuple[Issue, ...]
    aliases: dict[str, str]
    typos: dict[str, str]
    # Words that deny a trigger just before it (没有加班), and the endings of triggers that name what the
    # worker is owed, whose absence is the complaint (没有加班费): corpus/taxonomy.toml [negation].
    negation_before: tuple[str, ...] = ()
    owed_ends: tuple[str, ...] = ()
    # Death words that an idiom or a wish just before makes nobody's death (累死了, 不如死了算了).
    idiom_phrases: tuple[str, ...] = ()
    idiom_before: tuple[str, ...] = ()


def _load_toml(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


@lru_cache(maxsize=4)
def load_knowledge(corpus_dir: Path = CORPUS_DIR) -> Knowledge:
    synonyms = tuple(
        SynonymGroup(
            g["topic"],
            tuple(g.get("legal", [])),
            tuple(sorted({c.lower() for c in g.get("colloquial", [])}, key=len)),
            tuple(g.get("context_of", [])),
        )
        for g in _load_toml(corpus_dir / "synonyms.toml").get("group", [])
    )
    issues = tuple(
        Issue(
            id=i["id"],
            name=i["name"],
            description=i.get("description", ""),
            keywords=tuple(k.lower() for k in i.get("keywords", [])),
            context_keywords=tuple(k.lower() for k in i.get("context_keywords", [])),
            context_of=tuple(i.get("context_of", [])),
            context_weight=i.get("context_weight"),
            articles=tuple(
                ArticleRef(short_law_name(a["law"]), int(a["article"]), a.get("sub"))
                for a in i.get("articles", [])
            ),
        )
        for i in _load_toml(corpus_dir / "taxonomy.toml").get("issue", [])
    )
    aliases = {
        k: short_law_name(v) for k, v in _load_toml(corpus_dir / "aliases.toml").get("alias", {}).items()
    }
    # Input-method slips and written Cantonese are both rewritten into the Mandarin the lists are in.
    corrections = _load_toml(corpus_dir / "typos.toml")
    typos = {**corrections.get("typo", {}), **corrections.get("dialect", {})}
    negation = _load_toml(corpus_dir / "taxonomy.toml").get("negation", {})
    return Knowledge(
        synonyms=synonyms,
        issues=issues,
        aliases=aliases,
        typos=typos,
        negation_before=tuple(negation.get("before", [])),
        owed_ends=tuple(negation.get("owed_ends", [])),
        idiom_phrases=tuple(negation.get("idiom_phrases", [])),
        # One list for the facts and the topics: the words before 死了 that make it an idiom or a wish.
        idiom_before=tuple(
            _load_toml(corpus_dir / "consult" / "facts.toml").get("harm", {}).get("death_idiom_before", [])
        ),
    )
