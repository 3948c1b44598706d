"""Vietnamese word segmentation with pyvi's own model, loaded without scikit-learn.

``from pyvi import ViTokenizer`` unpickles a ``sklearn_crfsuite.CRF``, which imports scikit-learn and SciPy:
about 4 s of a cold ``rag ask`` on this machine, for a model that is a CRFsuite file inside the pickle. This
module reads the same pickle with the scikit-learn classes replaced by a plain holder, opens the CRFsuite
model it carries with ``pycrfsuite`` (pyvi's own dependency) and segments exactly as
``ViTokenizer.tokenize`` does (the same syllables, features and joining rule; a test compares the two).
"""
from __future__ import annotations

import io
import pickle
import re
import string
import tempfile
import unicodedata
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

import pycrfsuite  # pyvi's own dependency (through sklearn-crfsuite)

_PATTERN = re.compile(
    "(" + "|".join([
        r"[A-ZĐ]+\.", r"Tp\.", r"Mr\.", r"Mrs\.", r"Ms\.", r"Dr\.", r"ThS\.",  # abbreviations
        "==>", "->", r"\.\.\.", ">>", "\n",  # specials
        r"\w+://[^\s]+",  # web
        r"([a-zA-Z0-9_.+-]+@([a-zA-Z0-9-]+\.)+[a-zA-Z0-9-]+)",  # email
        r"\d+([\.,_]\d+)+", r"[^\w\s]", r"\w+",  # digits, non-word, word
    ]) + ")",
    re.UNICODE,
)


class _Held:
    """Stands for the scikit-learn classes in pyvi's pickle: keeps their state, nothing else."""

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if module.split(".")[0] == "sklearn_crfsuite":
            return _Held
        return super().find_class(module, name)


class ViSegmenter:
    """pyvi's tokenizer: ``tokenize(text)`` gives the text with the syllables of each word joined by ``_``."""

    def __init__(self, folder: Path):
        self.bi_grams: set[str] = set()
        self.tri_grams: set[str] = set()
        for token in (folder / "models" / "words.txt").read_text(encoding="utf-8").split("\n"):
            n = len(token.split(" "))
            if n == 2:
                self.bi_grams.add(token)
            elif n == 3:
                self.tri_grams.add(token)
        crf = _Unpickler(io.BytesIO((folder / "models" / "pyvi3.pkl").read_bytes())).load()
        self.tagger = pycrfsuite.Tagger()
        # From a file, which CRFsuite reads into memory of its own (``open_inmemory`` would keep pointing at a
        # Python buffer that may be freed before the tagger when the interpreter exits).
        with tempfile.TemporaryDirectory(prefix="pyvi-") as tmp:
            model = Path(tmp) / "pyvi.crfsuite"
            model.write_bytes(crf.modelfile.__dict__["__FILE_RESOURCE_DATA__"])
            self.tagger.open(str(model))

    def _features(self, sent: list[str], i: int) -> dict:
        word = sent[i]
        f = {"bias": 1.0, "word.lower()": word.lower(), "word.isupper()": word.isupper(),
             "word.istitle()": word.istitle(), "word.isdigit()": word.isdigit()}
        if i > 0:
            w1 = sent[i - 1]
            f.update({"-1:word.lower()": w1.lower(), "-1:word.istitle()": w1.istitle(),
                      "-1:word.isupper()": w1.isupper(),
                      "-1:word.bi_gram()": " ".join([w1, word]).lower() in self.bi_grams})
            if i > 1:
                f["-2:word.tri_gram()"] = " ".join([sent[i - 2], w1, word]).lower() in self.tri_grams
        if i < len(sent) - 1:
            w1 = sent[i + 1]
            f.update({"+1:word.lower()": w1.lower(), "+1:word.istitle()": w1.istitle(),
                      "+1:word.isupper()": w1.isupper(),
                      "+1:word.bi_gram()": " ".join([word, w1]).lower() in self.bi_grams})
            if i < len(sent) - 2:
                f["+2:word.tri_gram()"] = " ".join([word, w1, sent[i + 2]]).lower() in self.tri_grams
        return f

    def tokenize(self, text: str) -> str:
        syllables = [m[0] for m in _PATTERN.findall(unicodedata.normalize("NFC", text))]
        if not syllables:
            return text
        labels = self.tagger.tag([self._features(syllables, i) for i in range(len(syllables))])
        out = syllables[0]
        for i in range(1, len(labels)):
            cur, prev = syllables[i], syllables[i - 1]
            if (labels[i] == "I_W" and cur not in string.punctuation and prev not in string.punctuation
                    and not cur[0].isdigit() and not prev[0].isdigit()
                    and not (cur[0].istitle() and not prev[0].istitle())):
                out += "_" + cur
            else:
                out += " " + cur
        return out


@lru_cache(maxsize=1)
def vi_segmenter() -> ViSegmenter:
    """The segmenter of the installed pyvi package, loaded once."""
    spec = find_spec("pyvi")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyvi is not installed: install the project (pip install -e .), which depends on it")
    return ViSegmenter(Path(list(spec.submodule_search_locations)[0]))
