"""Keep secrets out of every log line: tokens, tickets, invites, Authorization.

`redact(text)` replaces the value of `token=`, `ticket=`, `invite=`,
`password=` (query strings, form bodies) and of an `Authorization` header
with `[redacted]`. `install()` (called from `OpenhireConfig.ready()`, i.e. when
Django starts in any server or command) applies it to:

- every log record, through a filter on every handler and logger that exists
  at start-up, including uvicorn's (`uvicorn.error` logs each WebSocket URL at
  INFO, query string and all) and its access log;
- daphne's access log (`--access-log`), which writes to a stream without the
  logging module: its writer is wrapped.

Loggers created later reach the root handler, which carries the filter too.
"""

from __future__ import annotations

import logging
import re
from typing import Any

REDACTED = "[redacted]"
_QUERY_SECRET = re.compile(
    r"(?i)((?:^|[?&;\s\"'(,])(?:token|ticket|invite|password|access_token)=)"
    r"[^&\s\"',;)#]+"
)
_AUTHORIZATION = re.compile(
    r"(?i)(authorization[\"']?\s*[:=,]\s*[\"']?(?:b[\"'])?(?:token|bearer|basic)?\s*)"
    r"[^\s\"',)}\]]+"
)


def redact(text: str) -> str:
    """Return `text` with secret values replaced by `[redacted]`."""
    if not text:
        return text
    text = _QUERY_SECRET.sub(rf"\1{REDACTED}", text)
    return _AUTHORIZATION.sub(rf"\1{REDACTED}", text)


def _redact_arg(value: Any) -> Any:
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    return redact(value) if isinstance(value, str) else value


class RedactSecretsFilter(logging.Filter):
    """A logging filter that rewrites a record's message and arguments."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_redact_arg(arg) for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {k: _redact_arg(v) for k, v in record.args.items()}
        return True


_FILTER = RedactSecretsFilter()


def _attach(target: logging.Logger | logging.Handler) -> None:
    if _FILTER not in target.filters:
        target.addFilter(_FILTER)


def _install_logging() -> None:
    loggers = [logging.getLogger()] + [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "daphne"):
        loggers.append(logging.getLogger(name))
    for logger in loggers:
        _attach(logger)
        for handler in logger.handlers:
            _attach(handler)


def _install_daphne_access_log() -> None:
    try:
        from daphne.access import AccessLogGenerator
    except ImportError:  # daphne is not installed: nothing to wrap
        return
    original = AccessLogGenerator.write_entry
    if getattr(original, "redacts", False):
        return

    def write_entry(self, host, date, request, *args, **kwargs):
        return original(self, host, date, redact(str(request)), *args, **kwargs)

    write_entry.redacts = True
    AccessLogGenerator.write_entry = write_entry


def install() -> None:
    """Redact secrets from every log line and both servers' access logs."""
    _install_logging()
    _install_daphne_access_log()
