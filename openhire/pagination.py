"""Bounded limit/offset pages with a `Link: <…>; rel="next"` and `X-Total-Count`.

page = paginate(request, queryset)
return Response(Serializer(page.items, many=True).data, headers=page.headers)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from rest_framework.request import Request
from rest_framework.utils.urls import replace_query_param

from openhire.errors import OpenHireError

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
BAD_LIMIT = f"limit must be a whole number from 1 to {MAX_LIMIT}."
BAD_OFFSET = "offset must be a whole number of 0 or more."


@dataclass
class Page:
    items: list[Any]
    total: int
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
    request: Request, queryset: QuerySet, *, default_limit: int = DEFAULT_LIMIT
) -> Page:
    """Return one page of `queryset` (which must be ordered) and its headers."""
    limit = _whole(
        request.query_params.get("limit"),
        default_limit,
        low=1,
        high=MAX_LIMIT,
        message=BAD_LIMIT,
        name="limit",
    )
    offset = _whole(
        request.query_params.get("offset"),
        0,
        low=0,
        high=10**9,
        message=BAD_OFFSET,
        name="offset",
    )
    total = queryset.count()
    items = list(queryset[offset : offset + limit])
    headers = {"X-Total-Count": str(total)}
    if offset + limit < total:
        url = request.build_absolute_uri()
        url = replace_query_param(
            replace_query_param(url, "offset", offset + limit), "limit", limit
        )
        headers["Link"] = f'<{url}>; rel="next"'
    return Page(items=items, total=total, headers=headers)
