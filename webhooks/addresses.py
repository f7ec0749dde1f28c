"""Refuse webhook URLs that would reach inside the network (SSRF).

`url_check` parses an endpoint URL, resolves its host and returns the addresses
it may be sent to; it raises `UnsafeURL` when the URL is not https or when any
address the name resolves to is private, loopback, link-local, multicast,
reserved or otherwise not globally routable. It runs at registration and again
before every delivery, and the sender connects to an address it returned, so a
name that re-resolves elsewhere between the check and the connection (DNS
rebinding) is not followed. `allow_private` (OPENHIRE_WEBHOOKS_ALLOW_PRIVATE, for
tests and local development only) lifts both rules.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

MSG_NOT_HTTPS = "Webhook URLs must use https."
MSG_BAD_URL = "This is not a URL a webhook can be sent to."
MSG_UNRESOLVED = "The webhook URL's host name does not resolve."
MSG_PRIVATE = (
    "The webhook URL resolves to a private, loopback, link-local or reserved "
    "address ({address}); only public addresses are allowed."
)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class UnsafeURL(ValueError):
    """A URL a webhook must not be sent to; `message` says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Target:
    """Where a checked URL is sent: its parts and the addresses it resolved to."""

    scheme: str
    host: str
    port: int
    path: str
    addresses: tuple[str, ...]


def address_is_public(address: IPAddress) -> bool:
    """Say whether `address` is globally routable (IPv4-mapped IPv6 unwrapped)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_global and not (
        address.is_multicast or address.is_reserved or address.is_unspecified
    )


def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise UnsafeURL(MSG_UNRESOLVED) from None
    seen: list[str] = []
    for info in infos:
        address = info[4][0].split("%", 1)[0]  # drop an IPv6 zone id
        if address not in seen:
            seen.append(address)
    if not seen:
        raise UnsafeURL(MSG_UNRESOLVED)
    return seen


def _parts(url: str, allow_private: bool) -> tuple[str, str, int, str]:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise UnsafeURL(MSG_BAD_URL) from None
    schemes = ("https", "http") if allow_private else ("https",)
    if parts.scheme not in schemes:
        raise UnsafeURL(MSG_NOT_HTTPS if parts.scheme else MSG_BAD_URL)
    if not parts.hostname or parts.username or parts.password:
        raise UnsafeURL(MSG_BAD_URL)
    port = port or (443 if parts.scheme == "https" else 80)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return parts.scheme, parts.hostname, port, path


def url_check(url: str, *, allow_private: bool = False) -> Target:
    """Return where `url` may be delivered; raise `UnsafeURL` when it must not be."""
    scheme, host, port, path = _parts(url, allow_private)
    addresses = _resolve(host, port)
    if not allow_private:
        for address in addresses:
            if not address_is_public(ipaddress.ip_address(address)):
                raise UnsafeURL(MSG_PRIVATE.format(address=address))
    return Target(scheme, host, port, path, tuple(addresses))
