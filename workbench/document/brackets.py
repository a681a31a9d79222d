"""Bracketed alternatives for a contested parameter: Option A / Option B, one of them modelled."""

from __future__ import annotations

import re
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator

T = TypeVar("T")

OPTION_LABELS = ("A", "B", "C", "D")
PARTNER_CODE = r"[A-Z]{2,5}"  # a partner's or delegation's code: 2-5 capital letters (CN and ROW are reserved)
PartnerCode = Annotated[str, Field(pattern=rf"^{PARTNER_CODE}$")]


def is_partner_code(value: Any) -> bool:
    """Whether ``value`` is a partner (delegation) code."""
    return isinstance(value, str) and re.fullmatch(PARTNER_CODE, value) is not None


class Option(BaseModel, Generic[T]):
    """One alternative text for a bracketed parameter, with who proposed it."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)

    label: Annotated[str, Field(pattern=r"^[A-D]$")]
    value: T
    proposed_by: PartnerCode | None = None


class Bracket(BaseModel, Generic[T]):
    """A contested parameter: two to four options; ``selected`` is the one modelled in headline results."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)

    options: Annotated[list[Option[T]], Field(min_length=2, max_length=4)]
    selected: Annotated[str, Field(pattern=r"^[A-D]$")] = "A"

    @model_validator(mode="after")
    def _labels(self) -> "Bracket[T]":
        labels = [o.label for o in self.options]
        if labels != list(OPTION_LABELS[: len(labels)]):
            raise ValueError(f"options must be labelled {', '.join(OPTION_LABELS[:len(labels)])} in order")
        if self.selected not in labels:
            raise ValueError(f"selected option {self.selected!r} is not one of {labels}")
        return self

    def value_of(self, label: str) -> T:
        """The value of option ``label``."""
        for o in self.options:
            if o.label == label:
                return o.value
        raise KeyError(label)

    @property
    def current(self) -> T:
        """The value of the selected option."""
        return self.value_of(self.selected)


def _tag(v: Any) -> str:
    if isinstance(v, Bracket):
        return "bracket"
    if isinstance(v, dict) and "options" in v:
        return "bracket"
    return "plain"


def Bracketable(inner: Any) -> Any:  # noqa: N802 - reads as a type constructor
    """``inner`` or a :class:`Bracket` of ``inner``, told apart by the presence of ``options``."""
    return Annotated[
        Annotated[inner, Tag("plain")] | Annotated[Bracket[inner], Tag("bracket")],
        Discriminator(_tag),
    ]


def resolve(value: Any, choice: str | None = None) -> Any:
    """The plain value of a possibly-bracketed parameter: option ``choice`` or the selected one."""
    if isinstance(value, Bracket):
        return value.value_of(choice) if choice is not None else value.current
    return value


def is_bracketed(value: Any) -> bool:
    """Whether a parameter is still in brackets."""
    return isinstance(value, Bracket)
