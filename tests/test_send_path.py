"""pay.api's httpx client sends a plain call on a shorter path than httpx's send: same answer, same effects.

It merges a plain relative path onto its base URL in one step, where httpx parses three
times: the merged URL is httpx's, for any path (a property test compares the two).
``amazonpay._client`` skips httpx's auth flow and redirect loop when there is no auth and no
redirect to follow, and reads an answer's cookies only when it sets one. Each test sends one
request on that path and the same request on httpx's full path (forced by
``follow_redirects=True``, a no-op on a 2xx answer) and compares what the transport received and
what the caller got, or checks that an effect httpx has (event hooks, cookies, closing) is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from httpx._client import BaseClient
from hypothesis import given
from hypothesis import strategies as st

from amazonpay import AmazonPay, AsyncAmazonPay, ConfigurationError
from amazonpay._client import _HttpClient
from amazonpay._options import FIELD_VALUE
from amazonpay._transport import _sendable_values

if TYPE_CHECKING:
    from tests.conftest import Recorder, Sent

CHARGE_PATH = "/charges/S02-7331650-8246451-C568833"
#: Differ on every attempt (its date, its signature): compared for presence only.
PER_ATTEMPT = {"x-amz-pay-date", "authorization"}


def _answer(response: httpx.Response) -> dict[str, Any]:
    """What a caller can see of an answer."""
    return {
        "status": response.status_code,
        "headers": list(response.headers.multi_items()),
        "content": response.content,
        "json": response.json(),
        "history": response.history,
        "next_request": response.next_request,
        "is_closed": response.is_closed,
        "encoding": response.encoding,
        "url": str(response.request.url),
        "elapsed": _elapsed(response),
    }


def _elapsed(response: httpx.Response) -> str:
    try:
        return "measured" if response.elapsed >= timedelta(0) else "negative"
    except RuntimeError as error:  # httpx's, for an answer its stream never closed
        return str(error)


def _sent(sent: Sent) -> dict[str, Any]:
    headers = {name: value for name, value in sent.headers.items() if name not in PER_ATTEMPT}
    return {"method": sent.method, "url": str(sent.url), "headers": headers, "content": sent.content,
            "timeout": sent.extensions.get("timeout"), "signed": set(sent.headers) >= PER_ATTEMPT}  # fmt: skip


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda http, **kw: http.get(CHARGE_PATH, **kw), id="GET"),
        pytest.param(
            lambda http, **kw: http.post(
                "/charges",
                json={"chargePermissionId": "P", "chargeAmount": {"amount": "1.00", "currencyCode": "EUR"}},
                **kw,
            ),
            id="POST",
        ),
    ],
)
def test_the_short_path_sends_and_answers_as_httpx_send_does(
    pay: AmazonPay, transport: Recorder, call: Callable[..., httpx.Response]
) -> None:
    transport.default = lambda request: httpx.Response(
        200, json={"chargeId": "C"}, headers={"x-amz-pay-request-id": "R"}
    )
    http = pay.api.get_httpx_client()
    short = call(http)
    full = call(http, follow_redirects=True)
    assert len(transport.sent) == 2
    first, second = (_sent(sent) for sent in transport.sent)
    assert first["signed"]
    if first["headers"].get("x-amz-pay-idempotency-key"):  # one key per call: each POST has its own
        assert first["headers"].pop("x-amz-pay-idempotency-key") != second["headers"].pop("x-amz-pay-idempotency-key")
    assert first == second
    assert _answer(short) == _answer(full)


def test_event_hooks_of_pay_api_run_on_the_short_path(pay: AmazonPay, transport: Recorder) -> None:
    seen: list[str] = []
    http = pay.api.get_httpx_client()
    http.event_hooks = {
        "request": [lambda request: seen.append(f"request {request.method}")],
        "response": [lambda response: seen.append(f"response {response.status_code}")],
    }
    http.get(CHARGE_PATH)
    assert seen == ["request GET", "response 200"]


def test_a_response_hook_that_raises_closes_the_answer_and_raises(pay: AmazonPay, transport: Recorder) -> None:
    answers: list[httpx.Response] = []

    def refuse(response: httpx.Response) -> None:
        answers.append(response)
        raise RuntimeError("refused by the hook")

    pay.api.get_httpx_client().event_hooks = {"response": [refuse]}
    with pytest.raises(RuntimeError, match="refused by the hook"):
        pay.api.get_httpx_client().get(CHARGE_PATH)
    assert answers[0].is_closed


def test_an_answer_that_sets_a_cookie_fills_the_jar_and_the_next_request_carries_it(
    pay: AmazonPay, transport: Recorder
) -> None:
    transport.queue(httpx.Response(200, json={}, headers={"set-cookie": "session=abc; Path=/"}))
    http = pay.api.get_httpx_client()
    http.get(CHARGE_PATH)
    assert http.cookies.get("session") == "abc"
    http.get(CHARGE_PATH)
    assert transport.sent[1].headers.get("cookie") == "session=abc"


def test_an_answer_without_set_cookie_leaves_the_jar_empty(pay: AmazonPay, transport: Recorder) -> None:
    http = pay.api.get_httpx_client()
    http.get(CHARGE_PATH)
    assert not http.cookies.jar
    assert "cookie" not in transport.sent[0].headers


def test_a_closed_client_refuses_on_the_short_path_and_cannot_be_reopened(pay: AmazonPay) -> None:
    http = pay.api.get_httpx_client()
    http.get(CHARGE_PATH)
    with pytest.raises(RuntimeError, match="more than once"):  # httpx's: the client was opened by the call
        http.__enter__()
    pay.close()
    with pytest.raises(ConfigurationError, match="closed"):
        pay.charges.get("S02-7331650-8246451-C568833")


@pytest.mark.anyio
async def test_the_async_short_path_sends_answers_and_runs_hooks_as_httpx_send_does(
    async_pay: AsyncAmazonPay, transport: Recorder
) -> None:
    seen: list[str] = []

    async def on_request(request: httpx.Request) -> None:
        seen.append("request")

    async def on_response(response: httpx.Response) -> None:
        seen.append("response")

    transport.default = lambda request: httpx.Response(200, json={"chargeId": "C"}, headers={"set-cookie": "a=b"})
    http = async_pay.api.get_async_httpx_client()
    http.event_hooks = {"request": [on_request], "response": [on_response]}
    short = await http.get(CHARGE_PATH)
    full = await http.get(CHARGE_PATH, follow_redirects=True)
    assert seen == ["request", "response"] * 2
    assert _answer(short) == _answer(full)
    assert http.cookies.get("a") == "b"
    assert transport.sent[1].headers.get("cookie") == "a=b"


#: Bases as a caller may configure them: amazonpay's own, one with credentials, an escape and a
#: port, one without a path (its path is "/"), one with a query and one with a fragment (which
#: httpx keeps on the merged URL, so these are merged by httpx).
BASES = [
    "https://pay-api.amazon.eu/sandbox/v2/",
    "http://127.0.0.1:8080/live/v2",
    "https://user:pw@pay-api.amazon.com:8443/a%20b/v2/",
    "https://pay-api.amazon.jp",
    "https://pay-api.amazon.eu/v2/?q=1",
    "https://pay-api.amazon.eu/v2/#f",
]


@given(
    base=st.sampled_from(BASES),
    path=st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Z", "Cc"]), max_size=30)
    | st.text(alphabet="/.%?#:;@!$&'()*+,=~-_aZ09 ", max_size=12),
)
def test_a_path_merges_onto_the_base_url_as_httpx_merges_it(base: str, path: str) -> None:
    http, plain = _HttpClient(base_url=base), httpx.Client(base_url=base)
    for url in ("/" + path, path, "//" + path):
        try:
            ours: httpx.URL | type[Exception] = http._merge_url(url)
        except Exception as error:  # the two must fail alike
            ours = type(error)
        try:
            theirs: httpx.URL | type[Exception] = plain._merge_url(url)
        except Exception as error:
            theirs = type(error)
        if isinstance(ours, httpx.URL):
            assert isinstance(theirs, httpx.URL)
            assert (str(ours), ours.raw_path, ours._uri_reference) == (
                str(theirs),
                theirs.raw_path,
                theirs._uri_reference,
            )
        else:
            assert ours is theirs


def test_a_generated_operation_s_path_is_merged_in_one_step(
    pay: AmazonPay, transport: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The path a generated operation sends never reaches httpx's merge, and goes where httpx would send it."""
    expected = str(httpx.Client(base_url=pay.endpoint.base_url)._merge_url(CHARGE_PATH))

    def refuse(self: object, url: object) -> None:
        raise AssertionError("merged by httpx")

    monkeypatch.setattr(BaseClient, "_merge_url", refuse)
    pay.api.get_httpx_client().get(CHARGE_PATH)
    assert str(transport.sent[0].url) == expected


#: Bytes at the edges of FIELD_VALUE: visible ASCII, the blanks it allows inside, and what it refuses.
_VALUE_PIECES = [b"a", b"~", b"!", b" ", b"\t", b"\n", b"\r", b"\x00", b"\x1f", b"\x7f", b"\x80", b"\xff"]


@given(st.lists(st.lists(st.sampled_from(_VALUE_PIECES), max_size=6).map(b"".join), max_size=4))
def test_the_header_values_check_accepts_what_field_value_s_pattern_accepts(values: list[bytes]) -> None:
    """The transport checks a request's header values with byte scans (no pattern compiled at import) ..."""
    joined = b"\n".join(values)
    # ... as FIELD_VALUE's pattern, repeated over the values joined by newlines, did before.
    one = FIELD_VALUE.encode("ascii")
    assert _sendable_values(joined) is (re.fullmatch(b"%s(?:\n%s)*" % (one, one), joined) is not None)
