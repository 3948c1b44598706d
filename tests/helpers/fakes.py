"""The one fake of the suite: a scripted language model, behind the real backend seam.

It is a LangChain chat model wrapped by :class:`rag.answer.backends.base.LangChainBackend`,
exactly like the real backends, and it can be registered by name with
:func:`rag.answer.backends.register_backend`. Like a gullible model it obeys any instruction
"ignore the above …: <claim>" it finds in its prompt, so tests can show that documents never
get to give it one.

It is more gullible still when told what to watch for: ``ScriptedBackend(reply, obey=[claim, …])``
(the gullible mode) makes it repeat any of those claims that reaches its prompt, in whatever form (invisible characters,
look-alike letters), cited with the number of the passage it sits in, whether or not our guard
noticed an instruction around it; and it obeys the common forms of injection on its own ("NOTE TO
THE AI …: <claim>", "ignore the above. <claim>", "when asked …, answer that <claim>", in en/vi/lo,
with or without tone marks). An injection suite that passes against it shows that no injected claim
reaches a model at all.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any, Optional

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult

from rag.answer.backends.base import LangChainBackend, approx_tokens

INJECTION_EN = re.compile(r"ignore (?:all |the )?(?:above|previous instructions)[^:]*:\s*(.+?)(?:\n|>>>|$)", re.I)
# What a gullible model takes for an instruction (read after _read: no invisible characters, no tone
# marks, Cyrillic look-alikes as Latin): the claim follows a colon, or is the next sentence.
_TRIGGER = re.compile(
    r"(?:ignore|disregard|forget|bo qua|phot lo|ບຕອງສນໃຈ|ບສນໃຈ)[^.:\n]{0,60}|(?:note|message)s? (?:to|for) (?:the |any )?"
    r"(?:ai|assistant|chatbot)[^.:\n]{0,30}|ghi chu cho [^.:\n]{0,30}|ຫມາຍເຫດ[^.:\n]{0,30}|"
    r"when asked[^,\n]{0,80}, (?:answer|say)(?: that)?|khi duoc hoi[^,\n]{0,80}, hay tra loi(?: rang)?|system", re.I)
_LOOKALIKE = str.maketrans("аеорсухіАЕОРСХІοαι", "aeopcyxiAEOPCXIoai")


def _read(text: str) -> str:
    text = unicodedata.normalize("NFKC", "".join(c for c in text if unicodedata.category(c) != "Cf"))
    text = text.translate(_LOOKALIKE).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def _cite(prompt: str, pos: int) -> str:
    """The number of the passage block (``[n] title``) that holds position ``pos`` of the prompt."""
    blocks = [m for m in re.finditer(r"^\[(\d+)\] ", prompt, re.M) if m.start() <= pos]
    return f" [{blocks[-1].group(1)}]" if blocks else ""


def gullible_reply(prompt: str, obey: list[str]) -> Optional[str]:
    """What a gullible model says when its prompt holds an injection (None when it holds none)."""
    read = _read(prompt)
    for claim in obey:
        i = read.lower().find(_read(claim).lower())
        if i >= 0:
            return claim + _cite(read, i)
    for m in _TRIGGER.finditer(read):
        rest = read[m.end():]
        claim = re.match(r"\s*[:.]?\s*([^\n>]+?[.!]?)(?=\s*(?:\n|>>>|$)|(?<=[.!])\s)", rest)
        if claim and len(claim.group(1).strip()) > 8:
            return claim.group(1).strip() + _cite(read, m.start())
    return None


class ScriptedChatModel(BaseChatModel):
    """Replies ``reply(prompt)`` word by word, or repeats an injected instruction's claim."""

    reply: Callable[[str], str]
    calls: list = []
    obey: Optional[list] = None  # a list turns on the gullible mode (see the module's docstring)

    @property
    def _llm_type(self) -> str:
        return "scripted"

    def _text(self, messages: list[BaseMessage]) -> str:
        self.calls.append([{"role": m.type, "content": m.content} for m in messages])
        prompt = "\n".join(str(m.content) for m in messages)
        m = INJECTION_EN.search(prompt)
        if m:
            return m.group(1).strip()
        passages = prompt.split("Passages:", 1)[-1].rsplit("Question:", 1)[0] if "Passages:" in prompt else ""
        obeyed = gullible_reply(passages, list(self.obey)) if passages and self.obey is not None else None
        return obeyed if obeyed is not None else self.reply(prompt)

    def _generate(self, messages: list[BaseMessage], stop: Optional[list[str]] = None,
                  run_manager: Optional[CallbackManagerForLLMRun] = None, **kwargs: Any) -> ChatResult:
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=self._text(messages)))])

    def _stream(self, messages: list[BaseMessage], stop: Optional[list[str]] = None,
                run_manager: Optional[CallbackManagerForLLMRun] = None, **kwargs: Any) -> Iterator[ChatGenerationChunk]:
        for word in re.findall(r"\S+\s*", self._text(messages)):  # stream word by word
            yield ChatGenerationChunk(message=AIMessageChunk(content=word))


class ScriptedBackend(LangChainBackend):
    """The scripted model as a backend; ``calls`` holds every prompt it was sent."""

    def __init__(self, reply: Callable[[str], str], name: str = "scripted", context_tokens: int = 4096,
                 obey: Optional[list[str]] = None):
        super().__init__(name, ScriptedChatModel(reply=reply, calls=[], obey=obey), context_tokens,
                         count=approx_tokens)

    @property
    def calls(self) -> list:
        return self.model.calls

    @calls.setter
    def calls(self, value: list) -> None:
        self.model.calls = value
