"""A small validator for the subset of JSON Schema that ``catalogs/schema.json`` uses.

Why not the ``jsonschema`` package: it costs more start-up time than a whole
look-up is allowed, and the catalogue schema needs only a dozen keywords. The test
suite checks that this validator and ``jsonschema`` agree on the bundled schema.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}
_SUPPORTED = {
    "$schema", "$id", "$defs", "$ref", "title", "description", "type", "properties",
    "required", "additionalProperties", "items", "enum", "pattern", "minLength",
    "minimum", "maximum",
}  # fmt: skip


def _is_type(value: Any, name: str) -> bool:
    if isinstance(value, bool) and name in ("integer", "number"):
        return False
    return isinstance(value, _TYPES[name])


def _describe(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def _child(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    if re.fullmatch(r"[A-Za-z_$][A-Za-z0-9_$]*", key):
        return f"{path}.{key}"
    return f"{path}[{json.dumps(key)}]"


class Validator:
    """Validates documents against one schema; yields (json_path, problem) pairs."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self._patterns: dict[str, re.Pattern[str]] = {}

    def _resolve(self, ref: str) -> dict[str, Any]:
        if not ref.startswith("#/"):
            raise ValueError(f"only local $ref is supported: {ref}")
        node: Any = self.schema
        for part in ref[2:].split("/"):
            node = node[part]
        return node

    def errors(self, value: Any, schema: dict[str, Any] | None = None, path: str = "$") -> Iterator[tuple[str, str]]:
        schema = self.schema if schema is None else schema
        if "$ref" in schema:
            yield from self.errors(value, self._resolve(schema["$ref"]), path)
        if "type" in schema:
            names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            if not any(_is_type(value, n) for n in names):
                yield path, f"expected {' or '.join(names)}, got {_describe(value)}"
                return
        if "enum" in schema and value not in schema["enum"]:
            choices = ", ".join(json.dumps(c) for c in schema["enum"])
            yield path, f"must be one of {choices}, got {_describe(value)}"
        if isinstance(value, str):
            if len(value) < schema.get("minLength", 0):
                yield path, "must not be empty" if schema["minLength"] == 1 else "is too short"
            pattern = schema.get("pattern")
            if pattern is not None:
                compiled = self._patterns.setdefault(pattern, re.compile(pattern))
                if not compiled.search(value):
                    yield path, f"{_describe(value)} does not match {pattern}"
        if _is_type(value, "number"):
            if "minimum" in schema and value < schema["minimum"]:
                yield path, f"must be at least {schema['minimum']}, got {value}"
            if "maximum" in schema and value > schema["maximum"]:
                yield path, f"must be at most {schema['maximum']}, got {value}"
        if isinstance(value, dict):
            props = schema.get("properties", {})
            for key in schema.get("required", ()):
                if key not in value:
                    yield path, f"missing required key {json.dumps(key)}"
            for key, item in value.items():
                if key in props:
                    yield from self.errors(item, props[key], _child(path, key))
                elif schema.get("additionalProperties", True) is False:
                    yield _child(path, key), f"unknown key {json.dumps(key)}"
        if isinstance(value, list) and "items" in schema:
            for i, item in enumerate(value):
                yield from self.errors(item, schema["items"], _child(path, i))


@cache
def catalog_validator() -> Validator:
    """The validator for the published catalogue schema (loaded once per process)."""
    from errlookup.catalog import schema_path

    with open(schema_path(), encoding="utf-8") as fh:
        return Validator(json.load(fh))
