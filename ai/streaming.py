"""Read one string field out of a JSON object while the model is still writing it.

A streaming model sends `{"question": "Tell me` ... `about Acme."}` in pieces;
`FieldStream("question")` turns each piece into the new text of that field::

    stream = FieldStream("question")
    stream.feed('{"ques')          # ""
    stream.feed('tion": "Tell me')  # "Tell me"
    stream.feed(' about Acme."}')   # " about Acme."

The concatenated outputs are always a prefix of the field's final value: an
escape sequence split across pieces (`\\u00`, `\\`, a surrogate pair) is held
back until it is complete.
"""

from __future__ import annotations

import json
import re

_HIGH_SURROGATE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}")


class FieldStream:
    """Decode the value of the string field `name` from pieces of JSON."""

    def __init__(self, name: str) -> None:
        self._key = re.compile(r'"' + re.escape(name) + r'"\s*:\s*"')
        self._buffer = ""
        self._start = -1  # where the field's string starts in the buffer
        self._sent = 0  # characters of the decoded value already returned
        self.done = False

    def feed(self, piece: str) -> str:
        """Add a piece of the answer; return the field's newly decoded text."""
        if self.done or not piece:
            return ""
        self._buffer += piece
        if self._start < 0:
            found = self._key.search(self._buffer)
            if found is None:
                return ""
            self._start = found.end()
        raw = self._complete_part(self._buffer[self._start :])
        try:
            value = json.loads(f'"{raw}"')
        except ValueError:
            return ""
        new, self._sent = value[self._sent :], len(value)
        return new

    def _complete_part(self, raw: str) -> str:
        """Cut `raw` at the closing quote, or before an unfinished escape."""
        index = 0
        high = -1  # where a \\uD800-\\uDBFF escape starts, if it is the last one
        while index < len(raw):
            char = raw[index]
            if char == '"':
                self.done = True
                return raw[:index]
            if char != "\\":
                index, high = index + 1, -1
                continue
            width = 6 if raw[index + 1 : index + 2] == "u" else 2
            if index + width > len(raw):
                break
            high = index if _HIGH_SURROGATE.match(raw, index) else -1
            index += width
        # Hold back an unfinished escape, and a high surrogate without its pair.
        return raw[: high if high >= 0 else index]
