"""Parse JSON from strangers: nesting capped, non-standard constants refused.

Use it as::

    from openhire.jsonload import JSONTooDeep, loads_limited
    try:
        value = loads_limited(text)            # OPENHIRE_JSON_MAX_DEPTH (64)
    except JSONTooDeep:                        # a ValueError: too deeply nested
        ...
    except ValueError:                         # not JSON at all
        ...

`json.loads` recurses once per level: 100 000 nested brackets raise
`RecursionError` (a 500, or a 1011 close on a socket). Here the depth is
measured first, without recursion and without parsing (strings are skipped,
brackets counted), and a body past the cap is refused before `json` sees it.
HTTP bodies go through `JSONParser` (the project's DRF parser, a 400
`too_deep`); WebSocket consumers call `loads_limited` on each frame.
"""

from __future__ import annotations

import json
import re
from typing import Any

from django.conf import settings
from rest_framework import parsers
from rest_framework.exceptions import ParseError

from openhire.errors import OpenHireError

MSG_TOO_DEEP = "The JSON is nested more than {limit} levels deep."
MSG_NOT_JSON = "The body is not valid JSON."

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")


class JSONTooDeep(ValueError):
    """The JSON nests arrays/objects past the allowed depth."""

    def __init__(self, limit: int) -> None:
        super().__init__(MSG_TOO_DEEP.format(limit=limit))
        self.limit = limit


def max_depth() -> int:
    """Return the deepest nesting accepted (`OPENHIRE_JSON_MAX_DEPTH`)."""
    return settings.OPENHIRE_JSON_MAX_DEPTH


def exceeds_depth(text: str, limit: int) -> bool:
    """Say whether `text` opens more than `limit` nested arrays/objects.

    Linear, no recursion; strings (with their escapes) are skipped. Brackets
    outside strings in invalid JSON are counted too: that only refuses junk.
    """
    depth = 0
    for match in _BRACKETS.finditer(_STRING.sub("", text)):
        if match.group() in "[{":
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def loads_limited(text: str | bytes, *, limit: int | None = None) -> Any:
    """Return the parsed JSON; raise `JSONTooDeep` past `limit`, ValueError if junk."""
    if isinstance(text, bytes | bytearray):
        text = text.decode("utf-8")
    limit = max_depth() if limit is None else limit
    if exceeds_depth(text, limit):
        raise JSONTooDeep(limit)
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except RecursionError:  # only if `limit` was set above the interpreter's own
        raise JSONTooDeep(limit) from None


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, with the depth cap: too deep is a 400 `too_deep`."""

    def parse(self, stream, media_type=None, parser_context=None) -> Any:
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            return loads_limited(stream.read().decode(encoding))
        except JSONTooDeep as error:
            raise OpenHireError(str(error), "too_deep") from None
        except ValueError as error:  # includes UnicodeDecodeError
            raise ParseError(f"JSON parse error - {error}") from None
