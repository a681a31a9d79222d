"""Clause templates from resources/templates/: a tiny placeholder syntax that executes nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from workbench.defaults import resource

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_CONDITION = re.compile(r"^@(if|unless) ([a-z_]+)$")
_ITEM = re.compile(r"^@item ([A-Za-z][A-Za-z ,'()-]{0,60})$")


class TemplateError(ValueError):
    """A clause template is malformed or names an unknown parameter."""


@dataclass(frozen=True)
class TemplateParagraph:
    """One paragraph: literal text and placeholder names alternating (``parts[1::2]`` are names)."""

    parts: tuple[str, ...]
    conditions: tuple[tuple[str, str], ...] = ()  # ("if" | "unless", name): all must hold
    item: str = ""            # the term-sheet item this paragraph starts ("Price mechanism"); "" continues one
    commentary: bool = False  # explanatory text, not a legal paragraph (never lettered)

    @property
    def names(self) -> tuple[str, ...]:
        """Placeholder names used in the paragraph."""
        return self.parts[1::2]


def parse_template(text: str, allowed: set[str], source: str = "template") -> list[TemplateParagraph]:
    """Parse template text; raise TemplateError for an unknown placeholder or a stray brace."""
    paragraphs: list[TemplateParagraph] = []
    for block in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n")):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip() and not ln.lstrip().startswith("#")]
        if not lines:
            continue
        conditions: list[tuple[str, str]] = []
        item, commentary = "", False
        while lines and lines[0].startswith("@"):
            directive = lines.pop(0)
            if (m := _CONDITION.match(directive)) is not None:
                conditions.append((m.group(1), m.group(2)))
                if m.group(2) not in allowed:
                    raise TemplateError(f"{source}: unknown parameter {m.group(2)!r} in @{m.group(1)}")
            elif (m := _ITEM.match(directive)) is not None:
                item = m.group(1)
            elif directive == "@comment":
                commentary = True
            else:
                raise TemplateError(f"{source}: unknown directive {directive[:40]!r}")
        if not lines:
            raise TemplateError(f"{source}: {directive[:40]} has no paragraph")
        body = " ".join(lines)
        parts = tuple(_PLACEHOLDER.split(body))
        for name in parts[1::2]:
            if name not in allowed:
                raise TemplateError(f"{source}: unknown parameter {{{name}}}")
        if any("{" in lit or "}" in lit for lit in parts[0::2]):
            raise TemplateError(f"{source}: stray brace in {body[:60]!r}")
        paragraphs.append(TemplateParagraph(parts, tuple(conditions), item, commentary))
    return paragraphs


@lru_cache(maxsize=None)
def load_template(name: str, allowed: frozenset[str]) -> tuple[TemplateParagraph, ...]:
    """The parsed template ``resources/templates/<name>.txt`` (cached)."""
    node = resource("templates", f"{name}.txt")
    try:
        text = node.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TemplateError(f"no clause template {name}.txt in resources/templates") from None
    return tuple(parse_template(text, set(allowed), source=f"templates/{name}.txt"))
