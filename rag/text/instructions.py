"""Is this text addressed to an AI assistant rather than stating a fact? In vi (with or without
tone marks), lo and en, however it is disguised.

Detection runs on a *folded* copy of the text (:func:`fold`), never on what is stored or shown:

- compatibility forms unified (NFKC: full-width and mathematical letters, ligatures);
- invisible and format characters removed (U+2063 inside a word, tag letters, bidi overrides);
- look-alike letters folded to Latin (Cyrillic ``о``/``е``/``а``, Greek ``ο``/``ι``...), digits
  used as letters inside words (``1gn0re``) read as letters, spaced-out letters joined
  (``i g n o r e``), emphasis marks dropped (``ig**nore**``); "AI" in capitals becomes the word
  ``aimachine`` (in Vietnamese, lower-case "ai" means "who");
- lower case, tone marks and diacritics removed (Vietnamese ``bo qua`` = ``bỏ qua``; Lao tone and
  vowel marks too), Lao spellings unified (``ໜ`` = ``ຫນ``) and spaces between Lao letters removed.

The phrases below are written in ordinary spelling and folded the same way when compiled, so one
phrase list serves every disguise. A pattern is a sequence of phrase slots with short gaps
(an ``int``), so "ignore ALL of the previous instructions" and "bỏ qua mọi hướng dẫn ở trên"
both match. The phrases are chosen to be imperative or addressed to a machine: a news report
("When asked, the director said that…", "Hai bên luôn khẳng định rằng…") is not an instruction.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Union

from .normalize import INVISIBLE

# Letters that look like Latin ones (Cyrillic, Greek, a few others) -> the Latin letter.
_LOOKALIKE = str.maketrans({
    **dict(zip("аеорсухіјѕԁԛԝӏѵһкмнвтгпилдзб", "aeopcyxijsdqwlvhkmhbtrnnadzb")),
    **dict(zip("АЕОРСУХІЈЅКМНВТԌ", "AEOPCYXIJSKMHBTG")),
    **dict(zip("αοιυνρτκχεηωγμβδλ", "aoiuvptkxenwyubdl")),
    **dict(zip("ΑΒΕΗΙΚΜΝΟΡΤΥΧΖ", "ABEHIKMNOPTYXZ")),
    "ℓ": "l", "ı": "i", "ɡ": "g", "ɑ": "a", "ᴏ": "o", "Ɩ": "I", "ǀ": "I",
})
_AI_CAPS = re.compile(r"(?<![A-Za-z])A\.?\s?I(?![A-Za-z])\.?")
_LEET = str.maketrans("013457@$", "oieastas")
_NOISE = re.compile(r"[*~`\\^_]+")
_LEET_WORD = re.compile(r"(?<![\w@$])(?=[\w@$]*[a-z])(?=[\w@$]*[0-9@$])[\w@$]+")
_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")
_SPACED = re.compile(r"(?<![a-z])(?:[a-z][ .\-]){2,}[a-z](?![a-z])")
_LAO = "\u0e80-\u0eff"
_LAO_GAP = re.compile(f"(?<=[{_LAO}])[ \\u00a0]+(?=[{_LAO}])")
_WS = re.compile(r"[^\S\n]+")


def fold(text: str) -> str:
    """The text as the detector reads it (see the module's docstring); line breaks are kept."""
    text = unicodedata.normalize("NFKC", INVISIBLE.sub("", text or ""))
    text = _AI_CAPS.sub(" aimachine ", text.translate(_LOOKALIKE))
    text = text.lower().replace("đ", "d")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    text = _NOISE.sub("", text)
    text = _LEET_WORD.sub(lambda m: m.group().translate(_LEET), text)
    text = _HYPHEN.sub("", text)  # "ig-nore" reads as "ignore"
    text = _SPACED.sub(lambda m: re.sub(r"[ .\-]", "", m.group()), text)
    text = _LAO_GAP.sub("", text)
    return _WS.sub(" ", text)


# --- the patterns, in ordinary spelling ----------------------------------------------------------
Item = Union[int, list, tuple]
NEG_EN = ["not ", "never ", "cannot ", "can't ", "cant ", "n't "]
NEG_VI = ["không ", "không được ", "chưa ", "đừng ", "chẳng ", "không thể ", "không nên "]
END = [":", ",", "-", "–", "—", "!", ";"]
QUOTE = [":", "\"", "“", "'", "«"]

AI_EN = ["aimachine", "ai", "artificial intelligence", "assistant", "assistants", "chatbot", "chatbots", "chat bot",
         "bot", "language model", "language models", "large language model", "llm", "llms", "gpt", "chatgpt",
         "copilot", "virtual assistant", "ai model", "ai models", "ai system", "ai systems", "automated system",
         "summarizer", "summariser", "machine reader", "ai agent"]
AI_VI = ["aimachine", "trợ lý AI", "hệ thống AI", "mô hình AI", "công cụ AI", "trợ lý ảo", "trợ lý tự động", "trợ lý trả lời", "trí tuệ nhân tạo", "chatbot", "chat bot",
         "mô hình ngôn ngữ", "mô hình ngôn ngữ lớn", "llm", "gpt", "chatgpt", "máy đọc", "robot trả lời"]
AI_LO = ["aimachine", "ຜູ້ຊ່ວຍອັດຕະໂນມັດ", "ປັນຍາປະດິດ", "ແຊັດບອດ", "ແຊດບອດ", "chatbot", "ໂມເດວພາສາ",
         "ແບບຈຳລອງພາສາ", "llm", "gpt", "chatgpt"]
# "assistant" is also a title: "the assistant minister", "assistant to the director".
ASSISTANT_TITLES = ["minister", "director", "secretary", "general", "manager", "professor", "governor", "deputy",
                    "chief", "head", "administrator", "editor", "researcher", "to the", "of the", "to", "of",
                    "at", "in", "and", "or", "who", "staff"]

EN: list[list[Item]] = [
    # "ignore / disregard / forget ... the previous instructions"
    [("neg", NEG_EN), ["ignore", "disregard", "forget", "bypass", "do not follow", "don't follow", "dont follow",
                       "stop following", "pay no attention to", "no longer follow"], 40,
     [f"{d} {n}" for d in ("all", "any", "the", "your", "my", "previous", "prior", "above", "earlier", "preceding",
                           "original", "these", "those", "system", "other", "initial", "former")
      for n in ("instructions", "instruction", "prompt", "prompts", "directions", "guidelines", "directives",
                "rules", "context")] +
     ["everything", "system prompt", "the above.", "the above,", "the above;", "the above:", "the above!", "the above and",
      "all of the above", "everything above", "everything before", "everything else", "the text above",
      "the passages", "other passages", "the sources", "other sources", "your training", "the context"]],
    # a message addressed to an AI: "NOTE TO THE AI ASSISTANT:", "Message for any chatbot reading this"
    [["note", "notes", "message", "instruction", "instructions", "notice", "attention", "reminder", "memo",
      "directive", "warning", "hint", "p.s.", "ps", "nb", "n.b.", "update", "correction"], 3, ["to", "for"], 2,
     ["the", "any", "all", "every", "an", "a", "our", "you", ""], 1, ("ai", AI_EN), 14, END + ["reading", "that",
                                                                                            "which", "who"]],
    [["dear", "hey", "hello", "hi", "attn", "attention", "calling", "to all", "to any", "to every",
      "instructions for", "instruction for"], 3, ("ai", AI_EN)],
    [("raw", r"(?:^|[.!?;\n]\s*)"), ["assistant", "chatbot", "chatgpt", "llm", "language model", "ai assistant"], 2,
     [",", ":"]],
    [["if you are", "if you're", "when you are", "you are now", "you're now", "since you are", "as you are",
      "you are", "you're"], 2, ["an", "a", "the", "any", ""], 1, ("ai", AI_EN), 12, END + [".", "reading",
                                                                                        "and", "that", "you"]],
    [("ai", AI_EN), 12, ["reading this", "reading these", "reads this", "reads these", "is reading this",
                         "processing this", "summarizing this",
                         "summarising this", "reading the above", "must answer", "should answer", "must reply",
                         "should reply", "must say", "should say", "must respond", "should respond", "must tell",
                         "should tell", "is instructed", "are instructed", "must ignore", "should ignore"]],
    # answering directives: "When asked about the MoU, answer that …" (not "…, he answered that …")
    [["when", "if", "whenever", "should"], 30, ["asked", "questioned", "queried", "asks", "ask about",
                                               "someone asks", "anyone asks", "users ask", "the user asks"],
     80, [",", ";", ":", "then", "you should", "you must", "please", "always", "just", "simply"], 2,
     ["answer", "say", "reply", "respond", "tell them", "tell the user", "claim", "insist", "assert", "state",
      "write"], 3, ["that", "with", "only", "instead", "the year", "the date"] + QUOTE],
    [("raw", r"(?:^|[.!?:;\n]\s*)(?:please |always |just |simply |instead |now )?"),
     ["answer", "reply", "respond", "say", "tell the user", "tell users", "output", "insist", "state only",
      "write only", "print"], 3, ["that", "with", "only", "exactly", "instead", "\"", "“", "«"]],
    [["you should", "you must", "you will", "you shall", "you have to", "you need to"], 3,
     ["answer", "reply", "respond", "say"], 3, ["that", "only", "exactly", "instead"] + QUOTE],
    [["answer", "reply", "respond", "say", "write", "output", "print"], 20, ["only", "exactly", "instead", "just"],
     5, QUOTE],
    [["the correct", "the real", "the true", "the actual", "the right", "the only correct", "the expected"], 2,
     ["answer", "response", "reply", "output"], 3, ["is", "should be", "will be", "must be", ":"]],
    [["from now on", "henceforth", "going forward", "for all future questions", "for every question"], 3,
     ["you", "answer", "respond", "reply", "say"]],
    [["do not", "don't", "dont", "never"], 3, ["mention", "reveal", "cite", "quote", "disclose", "tell anyone"], 40,
     ["other passages", "other sources", "other documents", "the passages", "this instruction", "this note",
      "these instructions"]],
    [["pretend to be", "pretend you are", "roleplay as", "role-play as", "act as if you", "you will act as",
      "jailbreak", "dan mode", "system prompt", "system instruction", "hidden instruction", "hidden instructions",
      "secret instruction", "secret instructions", "new instructions:", "updated instructions:", "prompt injection",
      "begin instructions", "end of instructions", "im_start", "im_end", "<|system|>", "<|user|>",
      "<|assistant|>", "[inst]", "[/inst]", "<<sys>>", "### instruction", "### system", "### response",
      "<system>", "</system>", "endoftext", "<|endoftext|>"]],
    [["print", "output", "reveal", "repeat", "show", "leak"], 3, ["your", "the"], 1,
     ["system prompt", "prompt", "instructions", "hidden instructions"]],
]
VI: list[list[Item]] = [
    [("neg", NEG_VI), ["bỏ qua", "phớt lờ", "lờ đi", "hãy quên", "quên hết", "quên tất cả", "quên mọi", "quên đi",
                       "không cần tuân theo", "không cần làm theo", "đừng tuân theo", "đừng làm theo",
                       "không tuân theo", "không làm theo", "bỏ hết", "gạt bỏ", "không cần quan tâm đến",
                       "đừng quan tâm đến", "đừng để ý đến", "không cần để ý"], 50,
     ["hướng dẫn", "chỉ dẫn", "chỉ thị", "mệnh lệnh", "lệnh", "ở trên", "phía trên", "bên trên", "trên đây",
      "trước đó", "nói trên", "yêu cầu trên", "yêu cầu trước", "yêu cầu của hệ thống", "mọi yêu cầu",
      "các đoạn khác", "các nguồn khác", "tài liệu khác", "ngữ cảnh", "mọi thứ"]],
    [["ghi chú", "lưu ý", "thông báo", "nhắn", "lời nhắn", "chỉ thị", "hướng dẫn", "thông điệp", "cảnh báo",
      "nhắc nhở", "đính chính"], 3, ["cho", "tới", "đến", "gửi", "dành cho"], 2,
     ["các", "mọi", "bất kỳ", "bất cứ", "một", "bạn", ""], 1, AI_VI],
    [["chào", "xin chào", "kính gửi", "thân gửi", "hỡi", "gửi", "gửi tới", "gửi đến"], 3, AI_VI],
    [AI_VI + ["trợ lý"], 2, ["ơi"]],
    [["nếu bạn là", "khi bạn là", "bạn là", "vì bạn là", "bạn đang là", "nếu là"], 2, ["một", ""], 1, AI_VI],
    [AI_VI, 12, ["đang đọc", "khi đọc", "phải trả lời", "cần trả lời", "hãy trả lời", "phải nói", "hãy nói",
                 "phải bỏ qua", "hãy bỏ qua", "đọc văn bản này", "đọc tài liệu này"]],
    # "Khi được hỏi về …, hãy trả lời rằng …" (not "…, ông X cho biết rằng …")
    [["khi", "nếu", "trong trường hợp", "hễ", "mỗi khi"], 30,
     ["được hỏi", "bị hỏi", "có ai hỏi", "ai hỏi", "người dùng hỏi", "có người hỏi", "hỏi về", "hỏi đến"], 80,
     [",", ";", ":", "thì hãy", "hãy", "thì phải", "bạn hãy", "bạn phải", "chỉ", "cứ", "thì cứ"], 2,
     ["trả lời", "nói", "đáp", "khẳng định", "xác nhận", "bảo"], 3, ["rằng", "là", "năm"] + QUOTE],
    [["hãy", "chỉ được", "chỉ", "bắt buộc", "bạn phải", "bạn cần", "bạn nên"], 3,
     ["trả lời", "nói", "đáp", "xuất ra", "viết ra", "trả lời lại", "khẳng định", "bỏ qua", "trích dẫn"], 3,
     ["rằng", "là", "duy nhất", "đúng một câu", "với"] + QUOTE],
    [["câu trả lời", "đáp án", "câu đáp"], 3, ["đúng", "chính xác", "thật sự", "thực sự", "duy nhất", "phải"], 3,
     ["là", "phải là", ":"]],
    [["từ nay về sau", "từ nay trở đi", "từ bây giờ", "kể từ giờ", "từ giờ trở đi"], 4,
     ["bạn", "hãy", "trả lời", "chỉ trả lời"]],
    [["đừng", "không được", "cấm"], 3, ["nhắc đến", "tiết lộ", "trích dẫn", "nói về"], 40,
     ["đoạn khác", "nguồn khác", "tài liệu khác", "hướng dẫn này", "ghi chú này", "các đoạn trên"]],
    [["lời nhắc hệ thống", "hướng dẫn hệ thống", "chỉ dẫn hệ thống", "lệnh hệ thống", "hướng dẫn ẩn", "chỉ thị ẩn",
      "hướng dẫn bí mật", "chỉ thị bí mật", "hướng dẫn mới cho", "chỉ thị mới cho", "giả vờ là", "hãy giả làm",
      "hãy đóng vai"]],
]
LO: list[list[Item]] = [
    [["ບໍ່ຕ້ອງສົນໃຈ", "ຢ່າສົນໃຈ", "ກະລຸນາບໍ່ສົນໃຈ", "ຈົ່ງລືມ", "ໃຫ້ລືມ", "ກະລຸນາລືມ", "ບໍ່ຕ້ອງປະຕິບັດຕາມ",
      "ຢ່າປະຕິບັດຕາມ", "ບໍ່ຕ້ອງເຮັດຕາມ", "ຢ່າເຮັດຕາມ", "ບໍ່ຕ້ອງຖືເອົາ", "ຢ່າຖືເອົາ"], 40,
     ["ຄຳແນະນຳ", "ຄຳສັ່ງ", "ຂ້າງເທິງ", "ເທິງນີ້", "ກ່ອນໜ້ານີ້", "ກ່ອນໜ້າ", "ຂໍ້ແນະນຳ", "ເອກະສານອື່ນ", "ແຫຼ່ງອື່ນ",
      "ທຸກຢ່າງ"]],
    [["ບໍ່ສົນໃຈ", "ລືມ", "ລະເລີຍ"], 20, ["ຄຳແນະນຳຂ້າງເທິງ", "ຄຳສັ່ງຂ້າງເທິງ", "ຂ້າງເທິງນີ້", "ກ່ອນໜ້ານີ້ທັງໝົດ",
                                         "ຄຳແນະນຳກ່ອນໜ້າ", "ຄຳສັ່ງກ່ອນໜ້າ", "ຄຳແນະນຳທັງໝົດ", "ຄຳສັ່ງທັງໝົດ"]],
    [["ໝາຍເຫດ", "ຂໍ້ຄວາມ", "ແຈ້ງການ", "ຄຳແນະນຳ", "ຂໍ້ສັງເກດ", "ເຕືອນ", "ຄຳສັ່ງ"], 6, ["ເຖິງ", "ສຳລັບ", "ໃຫ້"], 6,
     ["ຜູ້ຊ່ວຍ", ""], 2, AI_LO],
    [["ສະບາຍດີ", "ຮຽນ", "ເຖິງ"], 3, ["ຜູ້ຊ່ວຍ", ""], 2, AI_LO, 6, END],
    [["ຖ້າເຈົ້າແມ່ນ", "ເຈົ້າແມ່ນ", "ຖ້າທ່ານແມ່ນ", "ຖ້າເຈົ້າເປັນ"], 4, ["ຜູ້ຊ່ວຍ", ""], 2, AI_LO],
    [["ຜູ້ຊ່ວຍ", ""], 2, AI_LO, 12, ["ຕ້ອງຕອບ", "ຄວນຕອບ", "ຈົ່ງຕອບ", "ໃຫ້ຕອບ", "ຕ້ອງເວົ້າ", "ທີ່ອ່ານເອກະສານນີ້",
                                    "ອ່ານເອກະສານນີ້"]],
    [["ຖ້າ", "ເມື່ອ", "ຫາກ", "ໃນກໍລະນີ"], 40, ["ຖາມ", "ສອບຖາມ"], 60,
     ["ໃຫ້ຕອບ", "ຈົ່ງຕອບ", "ໃຫ້ເວົ້າວ່າ", "ໃຫ້ບອກວ່າ", "ຕອບພຽງ", "ຕ້ອງຕອບວ່າ", "ໃຫ້ຢືນຢັນ"]],
    [["ຈົ່ງຕອບ", "ໃຫ້ຕອບວ່າ", "ຕ້ອງຕອບວ່າ", "ຈົ່ງເວົ້າວ່າ", "ຕອບພຽງແຕ່", "ໃຫ້ຢືນຢັນວ່າ", "ຕອບສະເໝີວ່າ",
      "ໃຫ້ບອກຜູ້ໃຊ້", "ຄຳຕອບທີ່ຖືກຕ້ອງແມ່ນ", "ຄຳຕອບທີ່ຖືກຕ້ອງຄື", "ຄຳຕອບທີ່ແທ້ຈິງແມ່ນ", "ຄຳສັ່ງລັບ",
      "ຄຳແນະນຳລັບ", "ຄຳສັ່ງລະບົບ", "ຄຳແນະນຳລະບົບ", "ນັບແຕ່ນີ້ໄປໃຫ້ຕອບ"]],
]


def _phrase(p: str) -> str:
    f = fold(p).strip()
    if not f:
        return ""
    body = re.escape(f).replace(r"\ ", r"\s*")
    left = r"(?<![a-z0-9])" if f[0].isascii() and f[0].isalnum() else ""
    right = r"(?![a-z0-9])" if f[-1].isascii() and f[-1].isalnum() else ""
    return left + body + right


def _slot(phrases: list[str]) -> str:
    parts = sorted({_phrase(p) for p in phrases}, key=len, reverse=True)
    body = "(?:" + "|".join(p for p in parts if p) + ")"
    return body + "?" if "" in parts else body


def _compile(pattern: list[Item]) -> str:
    out = []
    for item in pattern:
        if isinstance(item, int):
            out.append(f".{{0,{item}}}?")
        elif isinstance(item, list):
            out.append(_slot(item))
        elif item[0] == "raw":
            out.append(item[1])
        elif item[0] == "neg":  # not right after a negation ("we cannot ignore the above …")
            out.append("".join(f"(?<!{re.escape(fold(n))})" for n in item[1]))
        elif item[0] == "ai":  # an AI, not an assistant minister
            titles = "|".join(re.escape(t) for t in ASSISTANT_TITLES)
            out.append(_slot(item[1]) + f"(?!\\s*(?:{titles})(?![a-z]))")
    return "".join(out)


def _keys(pattern: list[Item]) -> tuple[frozenset, tuple[str, ...]]:
    """What any match must contain: one word of a set, or one phrase of a list (without spaces), from the
    most selective required slot (checked before the expression: a set lookup is far cheaper)."""
    slots = []
    for item in pattern:
        phrases = item if isinstance(item, list) else item[1] if isinstance(item, tuple) and item[0] == "ai" else None
        if phrases and "" not in phrases:
            folded = {fold(p).strip() for p in phrases}
            slots.append((min(len(f) for f in folded), folded))
    if not slots:
        return frozenset(), ()
    folded = max(slots, key=lambda s: s[0])[1]
    words = frozenset(f for f in folded if re.fullmatch(r"[a-z0-9]+", f))
    return words, tuple(sorted(f.replace(" ", "") for f in folded - words))


@lru_cache(maxsize=1)
def patterns() -> list[tuple[tuple[frozenset, tuple[str, ...]], re.Pattern]]:
    """Every instruction pattern over folded text, each with the phrases that must occur for it to match
    (checked first: a plain substring test is far cheaper than the expression)."""
    out = [(_keys(p), re.compile(_compile(p), re.DOTALL | re.MULTILINE)) for p in EN + VI + LO]
    # A line that opens as a chat role ("System: ...", "Assistant: ...").
    out.append(((frozenset(), ()), re.compile(r"^\s*(?:system|assistant|aimachine assistant|chatbot|developer|he thong|tro ly ao)"
                               r"\s*(?:note|message|prompt)?\s*:", re.MULTILINE)))
    return out


def find_instruction(text: str) -> str:
    """The folded words that make ``text`` an instruction to an assistant, or '' when there are none."""
    folded = fold(text)
    bare = folded.replace(" ", "")
    words = set(re.findall(r"[a-z0-9]+", folded))
    for (need_words, need_phrases), pattern in patterns():
        if (need_words or need_phrases) and not (need_words & words or any(k in bare for k in need_phrases)):
            continue
        m = pattern.search(folded)
        if m:
            return m.group()
    return ""


def is_instruction(text: str) -> bool:
    """True for text that addresses an assistant or tells it what to answer, rather than stating a fact."""
    return bool(find_instruction(text))
