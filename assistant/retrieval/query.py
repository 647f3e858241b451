"""Query understanding: normalisation, direct citations, colloquial → legal expansion, topic
detection. Pure functions over the curated knowledge and the list of law names in the store."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.escalation.handoff import without_handoff
from assistant.negation import denied_before
from assistant.privacy import strip_identifiers
from assistant.retrieval.knowledge import Issue, Knowledge, SynonymGroup
from ingest.lawnames import short_law_name
from ingest.numerals import CN_NUM_CHARS, cn_to_int

_NUM = rf"[{CN_NUM_CHARS}\d]+"
# After a law name: optional 》, spaces, 的, 第; a number; 条 (optional when a number is Arabic); 之X.
_ARTICLE_AFTER_NAME = re.compile(
    rf"^》?\s*(?:的)?\s*(?:第\s*)?({_NUM})\s*(条)?(?:\s*之\s*([一二三四五六七八九十]+))?"
)
_BARE_ARTICLE = re.compile(rf"第\s*({_NUM})\s*条(?:\s*之\s*([一二三四五六七八九十]+))?")


@dataclass(frozen=True)
class DirectRef:
    law: str
    article: int
    sub: int | None = None


@dataclass
class QueryUnderstanding:
    original: str
    normalized: str
    direct_refs: list[DirectRef] = field(default_factory=list)
    laws_mentioned: list[str] = field(default_factory=list)
    expansions: list[str] = field(default_factory=list)  # legal terms added
    matched_phrases: list[str] = field(default_factory=list)
    topics: list[tuple[Issue, float]] = field(default_factory=list)
    # Issues that joined the topics by meaning only (the question's vector), not by its words.
    topics_by_meaning: set[str] = field(default_factory=set)
    # Whether the words name anything labour law knows: an issue's trigger, a colloquial phrase of
    # the expansion table, a law or an article. The retriever may also recognise it by meaning.
    recognized: bool = True

    @property
    def topic_names(self) -> list[str]:
        return [issue.name for issue, _ in self.topics]


def normalize(text: str, typos: dict[str, str] | None = None) -> str:
    """NFKC folds full-width digits and letters; personal identifiers go (an ID number inside
    身份证被扣 would break the phrase); collapse whitespace; fix common IME typos."""
    text = strip_identifiers(unicodedata.normalize("NFKC", text))
    text = text.replace("(", "（").replace(")", "）")
    text = re.sub(r"\s+", " ", text).strip()
    for wrong in sorted(typos or {}, key=len, reverse=True):
        if wrong in text:
            text = text.replace(wrong, (typos or {})[wrong])
    return text


class LawNameMatcher:
    """Finds law names (and aliases) in free text, longest match first."""

    def __init__(self, law_names: list[str], aliases: dict[str, str]) -> None:
        known = set(law_names)
        self._targets: dict[str, str] = {name: name for name in law_names}
        for alias, target in aliases.items():
            if target in known:
                self._targets.setdefault(alias, target)
        # Matching 劳动法 inside 劳动合同法 is impossible by construction; longest first resolves overlaps
        # such as 劳动合同法 / 劳动合同法实施条例.
        self._names = sorted(self._targets, key=len, reverse=True)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        spans: list[tuple[int, int, str]] = []
        taken = [False] * len(text)
        for name in self._names:
            start = text.find(name)
            while start != -1:
                end = start + len(name)
                if not any(taken[start:end]):
                    spans.append((start, end, self._targets[name]))
                    for i in range(start, end):
                        taken[i] = True
                start = text.find(name, end)
        return sorted(spans)


def find_direct_refs(
    text: str, matcher: LawNameMatcher, context_laws: list[str]
) -> tuple[list[DirectRef], list[str]]:
    refs: list[DirectRef] = []
    laws: list[str] = []
    spans = matcher.find(text)
    covered: list[tuple[int, int]] = []
    for _start, end, law in spans:
        if law not in laws:
            laws.append(law)
        match = _ARTICLE_AFTER_NAME.match(text[end:])
        if not match:
            continue
        number_text, has_tiao, sub_text = match.groups()
        # "劳动法 2018" is a year, not an article; a bare Chinese numeral needs 条.
        if not has_tiao and not number_text.isdigit():
            continue
        number = cn_to_int(number_text)
        if number == 0 or number > 2000:
            continue
        refs.append(DirectRef(law, number, cn_to_int(sub_text) if sub_text else None))
        covered.append((end, end + match.end()))
    # "第八十二条" with no law before it refers to the law mentioned earlier (in this text or the conversation).
    fallback = laws[-1] if laws else (context_laws[-1] if context_laws else None)
    if fallback:
        for match in _BARE_ARTICLE.finditer(text):
            if any(s <= match.start() < e for s, e in covered):
                continue
            ref = DirectRef(
                fallback, cn_to_int(match.group(1)), cn_to_int(match.group(2)) if match.group(2) else None
            )
            if ref not in refs:
                refs.append(ref)
    return refs, laws


_CLAUSE_BREAK = "，。！？；,.!?;\n "


@lru_cache(maxsize=8192)
def _gapped(phrase: str) -> re.Pattern[str] | None:
    """A phrase of 3+ characters also matches with a few words inside it, within one clause:
    不签合同 ~ 不给我签劳动合同, 没交社保 ~ 没给我交社保. Shorter phrases must match exactly."""
    if len(phrase) < 3:
        return None
    gap = f"[^{re.escape(_CLAUSE_BREAK)}]{{0,2}}"
    return re.compile(gap.join(re.escape(ch) for ch in phrase))


def phrase_in(phrase: str, text: str) -> bool:
    if phrase in text:
        return True
    pattern = _gapped(phrase)
    return bool(pattern and pattern.search(text))


@lru_cache(maxsize=8)
def _denial(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(f"(?P<neg>{alternatives})(?:有)?(?:被)?$")


def _occurrences(phrase: str, text: str) -> list[int]:
    """Where a phrase starts in the text, exactly or (3+ characters) with a few words inside it."""
    starts = [m.start() for m in re.finditer(re.escape(phrase), text)]
    pattern = _gapped(phrase)
    if pattern:
        starts += [m.start() for m in pattern.finditer(text) if m.start() not in starts]
    return starts


def affirmed(phrase: str, text: str, knowledge: Knowledge) -> bool:
    """The phrase occurs in the text and at least once is not denied in its own clause: 没有加班 and 不是工伤
    say the event did not happen. A phrase that opens with a denial (没签合同) or names what the worker is
    owed (没有加班费: the pay is the complaint) is read as it is."""
    if not phrase_in(phrase, text):
        return False
    idiom = phrase in knowledge.idiom_phrases and knowledge.idiom_before
    denial = _denial(knowledge.negation_before)
    if not idiom and (denial is None or denial.match(phrase) or phrase.endswith(knowledge.owed_ends)):
        return True
    for start in _occurrences(phrase, text):
        if idiom and text[max(0, start - 2) : start].endswith(knowledge.idiom_before):
            continue
        before = re.split(f"[{re.escape(_CLAUSE_BREAK)}]", text[max(0, start - 6) : start])[-1]
        if denial is None or not denied_before(before, denial):
            return True
    return False


def _span(phrase: str, text: str) -> tuple[int, int]:
    """Where a phrase that phrase_in found first occurs in the text (an empty span if it does not)."""
    start = text.find(phrase)
    if start >= 0:
        return start, start + len(phrase)
    pattern = _gapped(phrase)
    found = pattern.search(text) if pattern else None
    return found.span() if found else (0, 0)


def fired_groups(text: str, knowledge: Knowledge) -> list[tuple[SynonymGroup, str]]:
    """The synonym groups whose colloquial phrases occur in the question, each with the phrase found."""
    lowered = text.lower()
    fired = []
    for group in knowledge.synonyms:
        hit = next((c for c in group.colloquial if affirmed(c, lowered, knowledge)), None)
        if hit is not None:
            fired.append((group, hit))
    return fired


def expand(
    text: str, knowledge: Knowledge, fired: list[tuple[SynonymGroup, str]] | None = None
) -> tuple[list[str], list[str]]:
    terms: list[str] = []
    phrases: list[str] = []
    for group, hit in fired_groups(text, knowledge) if fired is None else fired:
        phrases.append(hit)
        for term in group.legal:
            if term not in terms and term not in text:
                terms.append(term)
    return terms, phrases


# A colloquial phrase of the expansion table whose legal reading is one of an issue's keywords
# (明天别来了 → 违法解除) is evidence for that issue too, though weaker than the issue's own trigger.
SYNONYM_TOPIC_WEIGHT = 0.3
# A context word (工地) alone: the question is set there but may be about anything (an injury).
CONTEXT_TOPIC_WEIGHT = 0.3


def detect_topics(
    text: str,
    knowledge: Knowledge,
    limit: int = 3,
    fired: list[tuple[SynonymGroup, str]] | None = None,
) -> list[tuple[Issue, float]]:
    lowered = text.lower()
    matched = {
        issue.name: {k: 1.0 for k in issue.keywords if affirmed(k, lowered, knowledge)}
        for issue in knowledge.issues
    }
    raised = {issue.id for issue in knowledge.issues if matched[issue.name]}
    for issue in knowledge.issues:
        full = bool(matched[issue.name]) or any(other in raised for other in issue.context_of)
        weak = CONTEXT_TOPIC_WEIGHT if issue.context_weight is None else issue.context_weight
        if not full and weak <= 0:
            continue
        for k in issue.context_keywords:
            if affirmed(k, lowered, knowledge):
                matched[issue.name].setdefault(k, 1.0 if full else weak)
    # A keyword inside a longer keyword of another issue that the question also matches is part of
    # that mention: 发工资 inside 没发工资 (欠薪) is not a question about how wages are paid.
    mentions = {k for weights in matched.values() for k in weights}
    scored: list[tuple[Issue, float]] = []
    for issue in knowledge.issues:
        weights = {
            k: w
            for k, w in matched[issue.name].items()
            if not any(len(m) > len(k) and k in m and m not in matched[issue.name] for m in mentions)
        }
        for group, hit in fired or []:
            if hit not in weights and any(term in issue.keywords for term in group.legal):
                weights[hit] = SYNONYM_TOPIC_WEIGHT
        if not weights:
            continue
        # A keyword inside a longer one that matched is the same mention, not a second one:
        # 包工头 also contains 工头, 老板跑路 contains 跑路.
        hits = [k for k in weights if not any(k != other and k in other for other in weights)]
        # A hit is worth the best of the keywords it covers: a synonym phrase (weighted low) that
        # contains one of the issue's own keywords must not lower it (明天别来了 ⊃ 别来了).
        values = sorted(
            ((max(min(len(m), 6) * weights[m] for m in weights if m in k), _span(k, lowered)) for k in hits),
            reverse=True,
        )
        # Two hits over the same words of the question are one mention, counted once at its best:
        # 十五岁 and 十六岁 both match 十五六岁, 钱跑了 and 跑路 both match 钱跑路了.
        kept: list[tuple[float, tuple[int, int]]] = []
        for value, (start, end) in values:
            if not any(start < e and s < end for _, (s, e) in kept):
                kept.append((value, (start, end)))
        # Longer keywords are more specific; several distinct hits add up with diminishing returns.
        score = sum(value for value, _ in kept[:4]) / 6.0
        scored.append((issue, score))
    scored.sort(key=lambda item: item[1], reverse=True)
    if not scored:
        return []
    best = scored[0][1]
    return [(issue, s) for issue, s in scored[:limit] if s >= 0.34 * best]


def understand(
    text: str, knowledge: Knowledge, matcher: LawNameMatcher, context_laws: list[str] | None = None
) -> QueryUnderstanding:
    normalized = normalize(text, knowledge.typos)
    refs, laws = find_direct_refs(normalized, matcher, context_laws or [])
    # A request for a person (我要找律师, 转人工) hands the conversation over; it is not the legal
    # issue. The issue and the expansion are read without it, or its words (律师) pick the topic
    # (法律援助) over the worker's question; the search itself still sees every word.
    issue_text = without_handoff(normalized)
    fired = fired_groups(issue_text, knowledge)
    # Topics come from the worker's own words: the expansion's generic legal terms (劳动报酬, 工资 …)
    # would otherwise outvote a specific trigger such as 报警 or 跑路. A colloquial phrase of the
    # expansion table counts only through the issue keywords its legal reading names, and weakly.
    topics = detect_topics(issue_text, knowledge, fired=fired)
    raised = {issue.id for issue, _ in topics}
    expanding = [(g, hit) for g, hit in fired if not g.context_of or raised.intersection(g.context_of)]
    expansions, phrases = expand(issue_text, knowledge, expanding)
    return QueryUnderstanding(
        original=text,
        normalized=normalized,
        direct_refs=refs,
        laws_mentioned=laws,
        expansions=expansions,
        matched_phrases=phrases,
        topics=topics,
        recognized=bool(topics or fired or refs or laws),
    )


def law_key(name: str) -> str:
    return short_law_name(name)
