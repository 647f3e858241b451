"""Events the banners stand on, told as the asker's own case (session 16, issue 13: "stock banners out of
place"). A situation block (家人在工作中去世 …) opens the answer and tells the worker what happened to them;
one raised by a word that names no such event tells them something untrue about their own case and pushes
the answer down.

The facts' death word list is wide on purpose (去世, 死了, 死亡, 人就没了 …) and reads words, not events. The
safety screen reads the same words as events, and where it reads them as something other than a death in
this worker's case, the answer follows it (where it reads nothing it vetoes nothing: its death structures
miss wordings the facts catch, 半夜人就没了):

- a question about death benefits (the screen's ``death_benefits`` code, no death of a person read: 工伤死亡
  赔偿标准是多少): the facts record ``death_not_told``; the death situation is raised quietly — its answers
  (工伤保险条例 39) speak, no block of steps (corpus/guides/situations.toml ``quiet_when``);
- an idiom the screen masks as neutral (死了心, 累死了), despair (the screen's self-harm: 我死了家里能拿多少), a
  stranger's story or a supposition (a death finding the screen's tense set aside as reported or
  hypothetical): the word told no death here, and the facts read off it are dropped."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.escalation import EscalationDecision
from assistant.escalation.extract import normalize
from assistant.escalation.policy import mask_neutral
from assistant.escalation.rules import load_rules

from .facts import CaseFacts, Fact

# The screen's codes that find a death (or, for the benefits, ask about one).
_DEATH_CODES = frozenset({"death_or_serious_injury", "death_benefits"})
_BENEFITS_CODE = "death_benefits"
# The facts read off a death; they stand or fall with it.
_DEATH_FACTS = ("death", "death_date")


def screen_reads_death(screen: EscalationDecision) -> bool:
    """The screen read a death of a person in this worker's case (now, or settled long ago)."""
    if any(r.category == "death" for r in screen.reasons):
        return True
    return any(a.code in _DEATH_CODES and a.status == "settled" for a in screen.set_aside)


def _told_as_other(screen: EscalationDecision, words: str, messages: Sequence[str]) -> bool:
    """The screen reads the death word as no death in this case: masked as an idiom, despair, a story of
    others or a supposition."""
    if words and not any(words in mask_neutral(normalize(m), load_rules()) for m in messages):
        return True
    if any(r.category == "self_harm" for r in screen.reasons):
        return True
    return any(a.code in _DEATH_CODES and a.status in ("reported", "hypothetical") for a in screen.set_aside)


def mark_untold_death(facts: CaseFacts, screen: EscalationDecision, messages: Sequence[str]) -> None:
    """Where the facts read a death word and the screen reads no death: ``death_not_told`` when the screen
    reads a question about death benefits; the death facts dropped when it reads the word as something else."""
    death = facts.facts.get("death")
    if death is None or screen_reads_death(screen):
        return
    if _told_as_other(screen, normalize(death.words), messages):
        for name in _DEATH_FACTS:
            facts.facts.pop(name, None)
        return
    if any(r.code == _BENEFITS_CODE for r in screen.reasons) or any(
        a.code == _BENEFITS_CODE for a in screen.set_aside
    ):
        facts.add(
            Fact("death_not_told", True, death.words, death.turn, note="问的是工亡待遇，没有说到本案有人去世")
        )
