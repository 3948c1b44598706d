"""Text a web page hides from its reader is not part of the document.

A page can carry words a person never sees but a program reads: ``display:none``,
``visibility:hidden``, a zero font size, zero opacity, text pushed off the screen or clipped away,
white or transparent text on the page's background, the ``hidden`` attribute, ``aria-hidden``,
classes such as ``sr-only`` or ``d-none``, and rules in the page's own ``<style>`` sheet that hide
an element by class or id. Such text is the classic carrier of instructions to an AI assistant, so
:func:`drop_hidden` removes it before the page's text is read (:func:`rag.ingest.loaders.load_file`).
"""
from __future__ import annotations

import logging
import re

log = logging.getLogger(__name__)

_DECL = re.compile(r"([a-z-]+)\s*:\s*([^;]+)", re.I)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_ZERO = re.compile(r"^-?0*(?:\.0+)?(?:px|pt|em|rem|%|vh|vw)?$")
_FAR = re.compile(r"^-\s*\d{3,}(?:\.\d+)?(?:px|pt|em|rem|vw|vh|%)?$")
_TRANSPARENT = re.compile(r"^(?:transparent|rgba\([^)]*,\s*0(?:\.0+)?\s*\)|hsla\([^)]*,\s*0(?:\.0+)?\s*\))$")
_WHITE = re.compile(r"^(?:white|#fff(?:fff)?|rgb\(\s*255\s*,\s*255\s*,\s*255\s*\))$")
HIDING_CLASSES = {"sr-only", "visually-hidden", "screen-reader-text", "d-none", "hidden", "invisible", "hide",
                  "is-hidden", "u-hidden", "visuallyhidden"}


def _declarations(style: str) -> dict[str, str]:
    return {k.lower(): re.sub(r"\s*!important\s*$", "", v.strip().lower()) for k, v in _DECL.findall(style or "")}


def style_hides(style: str) -> bool:
    """True when a CSS declaration block makes its element's text invisible."""
    d = _declarations(style)
    if d.get("display") == "none" or d.get("visibility") in ("hidden", "collapse"):
        return True
    if _ZERO.match(d.get("font-size", "x")) or _ZERO.match(d.get("opacity", "x").replace("%", "")):
        return True
    if any(_FAR.match(d.get(k, "")) for k in ("left", "top", "right", "text-indent", "margin-left", "margin-top")):
        return True
    if d.get("overflow") in ("hidden", "clip") and any(_ZERO.match(d.get(k, "x"))
                                                      for k in ("height", "width", "max-height", "max-width")):
        return True
    if d.get("clip", "").replace(" ", "").startswith(("rect(0", "rect(1px,1px")) or \
            re.match(r"inset\(\s*(?:50|100)%", d.get("clip-path", "")):
        return True
    if re.match(r"scale\(\s*0(?:\.0+)?\s*\)", d.get("transform", "")):
        return True
    color = d.get("color", "")
    return bool(_TRANSPARENT.match(color))


def _white_on_page(el) -> bool:
    """White text with no background colour of its own or of any ancestor (so: on the white page)."""
    if not _WHITE.match(_declarations(el.get("style", "")).get("color", "")):
        return False
    node = el
    while node is not None and getattr(node, "get", None):
        d = _declarations(node.get("style", ""))
        if any(k in d for k in ("background", "background-color")) or node.get("bgcolor"):
            return False
        node = node.parent
    return True


def _sheet_selectors(soup) -> list[str]:
    """Selectors that the page's own style sheets hide."""
    out = []
    for style in soup.find_all("style"):
        css = re.sub(r"/\*.*?\*/", "", style.get_text(" "), flags=re.S)
        css = re.sub(r"@media[^{]*\{((?:[^{}]*\{[^{}]*\})*)\s*\}", r"\1", css)
        for selectors, body in _RULE.findall(css):
            if style_hides(body):
                out += [s.strip() for s in selectors.split(",") if s.strip() and "@" not in s]
    return out


def drop_hidden(soup) -> int:
    """Remove every element whose text the page hides; returns how many were removed."""
    doomed = []
    for el in soup.find_all(True):
        if el.has_attr("hidden") or str(el.get("aria-hidden", "")).lower() == "true" or \
                HIDING_CLASSES & {c.lower() for c in (el.get("class") or [])} or \
                style_hides(el.get("style", "")) or _white_on_page(el):
            doomed.append(el)
    for selector in _sheet_selectors(soup):
        try:
            doomed += soup.select(selector)
        except Exception:  # a selector soupsieve does not support: nothing to hide by it
            log.debug("hidden: cannot apply selector %r", selector)
    n = 0
    for el in doomed:
        if not getattr(el, "decomposed", False) and el.parent is not None and el.name not in ("html", "body"):
            el.decompose()
            n += 1
    if n:
        log.info("dropped %d hidden element(s) of a web page", n)
    return n
