"""Bounded limit/offset pages with a `Link: <…>; rel="next"` and `X-Total-Count`.

page = paginate(request, queryset)
return Response(Serializer(page.items, many=True).data, headers=page.headers)
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models import QuerySet
from rest_framework.request import Request
from rest_framework.utils.urls import replace_query_param

from openhire.errors import OpenHireError

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_OFFSET = 10**9
LIMIT_RANGE = "limit must be a whole number from 1 to {high}."
BAD_LIMIT = LIMIT_RANGE.format(high=MAX_LIMIT)
BAD_OFFSET = "offset must be a whole number of 0 or more."


COUNT_TTL_S = 30


def _version_key(scope: str) -> str:
    return f"count-version:{scope}"


def count_cache_invalidate(scope: str) -> None:
    """Forget every cached count of `scope`; call on any write to its rows.

    Invalidates now and again when the transaction commits, so a count taken
    between the write and the commit is not kept.
    """

    def bump() -> None:
        cache.set(_version_key(scope), uuid.uuid4().hex, None)

    bump()
    transaction.on_commit(bump)


def cached_count(queryset: QuerySet, *, scope: str, key: str) -> int:
    """Return `queryset.count()`, cached until the next write to `scope` (or 30 s).

    COUNT(*) over a large filtered table is the dearest part of a listing. `key`
    names the filters (the caller's canonical form of them). A hit costs one cache
    round trip: the entry carries the scope's version, and every write changes
    that version, so X-Total-Count stays exact after writes. The cache is shared
    through Redis when REDIS_URL is set.
    """
    version_key = _version_key(scope)
    entry_key = f"count:{scope}:" + hashlib.sha1(key.encode()).hexdigest()
    found = cache.get_many([version_key, entry_key])
    version = found.get(version_key) or "0"
    entry = found.get(entry_key)
    if entry is not None and entry[0] == version:
        return entry[1]
    count = queryset.count()
    cache.set(entry_key, (version, count), COUNT_TTL_S)
    return count


@dataclass
class Page:
    items: list[Any]
    headers: dict[str, str] = field(default_factory=dict)


def _whole(
    value: str | None, default: int, *, low: int, high: int, message: str, name: str
) -> int:
    if value in (None, ""):
        return default
    try:
        number = int(value)
    except ValueError:
        number = low - 1
    if not low <= number <= high:
        raise OpenHireError(message, "invalid_pagination", errors={name: [message]})
    return number


def paginate(
    request: Request,
    queryset: QuerySet,
    *,
    default_limit: int = DEFAULT_LIMIT,
    max_limit: int = MAX_LIMIT,
    count_key: tuple[str, str] | None = None,
) -> Page:
    """Return one page of `queryset` (which must be ordered) and its headers.

    `limit` may ask for 1 to `max_limit` rows. With `count_key` = (scope,
    filters), the total is cached until `count_cache_invalidate(scope)`.
    """
    limit = _whole(
        request.query_params.get("limit"),
        default_limit,
        low=1,
        high=max_limit,
        message=LIMIT_RANGE.format(high=max_limit),
        name="limit",
    )
    offset = _whole(
        request.query_params.get("offset"),
        0,
        low=0,
        high=MAX_OFFSET,
        message=BAD_OFFSET,
        name="offset",
    )
    if count_key is not None:
        total = cached_count(queryset, scope=count_key[0], key=count_key[1])
    else:
        total = queryset.count()
    items = list(queryset[offset : offset + limit])
    headers = {"X-Total-Count": str(total)}
    if offset + limit < total:
        url = request.build_absolute_uri()
        url = replace_query_param(
            replace_query_param(url, "offset", offset + limit), "limit", limit
        )
        headers["Link"] = f'<{url}>; rel="next"'
    return Page(items=items, headers=headers)
