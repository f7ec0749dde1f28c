"""SSRF: which webhook URLs are refused, at registration and before sending."""

import socket

import pytest

from webhooks.addresses import (
    MSG_NOT_HTTPS,
    MSG_PRIVATE,
    UnsafeURL,
    address_is_public,
    url_check,
)


@pytest.mark.parametrize(
    "url, address",
    [
        ("https://127.0.0.1/hook", "127.0.0.1"),
        ("https://10.1.2.3/hook", "10.1.2.3"),
        ("https://192.168.0.5/hook", "192.168.0.5"),
        ("https://172.16.0.1/hook", "172.16.0.1"),
        ("https://169.254.169.254/latest/meta-data", "169.254.169.254"),
        ("https://[::1]/hook", "::1"),
        ("https://[::ffff:127.0.0.1]/hook", "::ffff:127.0.0.1"),
        ("https://0.0.0.0/hook", "0.0.0.0"),
        ("https://224.0.0.1/hook", "224.0.0.1"),
        ("https://localhost/hook", None),
    ],
)
def test_it_refuses_urls_that_resolve_inside_the_network(url, address):
    with pytest.raises(UnsafeURL) as caught:
        url_check(url)
    if address:
        assert caught.value.message == MSG_PRIVATE.format(address=address)


def test_it_refuses_plain_http():
    with pytest.raises(UnsafeURL) as caught:
        url_check("http://93.184.216.34/hook")
    assert caught.value.message == MSG_NOT_HTTPS


def test_a_name_with_one_private_answer_among_public_ones_is_refused(monkeypatch):
    answers = [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 443)),
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", 443)),
    ]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: answers)
    with pytest.raises(UnsafeURL):
        url_check("https://rebind.example/hook")


def test_a_public_name_is_accepted_with_the_addresses_to_connect_to(monkeypatch):
    answers = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 443))]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: answers)
    target = url_check("https://hooks.example/in?x=1")
    assert (target.host, target.port, target.path) == ("hooks.example", 443, "/in?x=1")
    assert target.addresses == ("93.184.216.34",)


def test_the_dev_setting_allows_loopback_and_http():
    target = url_check("http://127.0.0.1:8080/hook", allow_private=True)
    assert target.addresses == ("127.0.0.1",)


def test_public_addresses_are_public():
    import ipaddress

    assert address_is_public(ipaddress.ip_address("8.8.8.8"))
    assert not address_is_public(ipaddress.ip_address("100.64.0.1"))
    assert not address_is_public(ipaddress.ip_address("fe80::1"))
