"""Audit: a hostile server cannot keep a listing going forever without yielding anything."""

from __future__ import annotations

import itertools

import httpx
import pytest

from amazonpay import AmazonPay, AsyncAmazonPay, UnexpectedResponseError
from amazonpay._pagination import MAX_EMPTY_PAGES
from tests.conftest import Recorder


def _empty_pages_with_fresh_tokens(transport: Recorder) -> None:
    tokens = itertools.count()
    transport.default = lambda request: httpx.Response(200, json={"reports": [], "nextToken": f"t{next(tokens)}"})


def test_endless_empty_pages_with_fresh_tokens_stop_the_listing(pay: AmazonPay, transport: Recorder) -> None:
    _empty_pages_with_fresh_tokens(transport)

    with pytest.raises(UnexpectedResponseError, match=f"{MAX_EMPTY_PAGES} pages in a row without items"):
        list(pay.reports.list())
    assert len(transport.sent) == MAX_EMPTY_PAGES


def test_a_few_empty_pages_between_items_are_followed(pay: AmazonPay, transport: Recorder) -> None:
    transport.queue(
        *[httpx.Response(200, json={"reports": [], "nextToken": f"e{n}"}) for n in range(MAX_EMPTY_PAGES - 1)],
        httpx.Response(200, json={"reports": [{"reportId": "R1"}], "nextToken": "last"}),
        httpx.Response(200, json={"reports": [{"reportId": "R2"}]}),
    )

    assert [report.report_id for report in pay.reports.list()] == ["R1", "R2"]


@pytest.mark.anyio
async def test_async_endless_empty_pages_stop_the_listing(async_pay: AsyncAmazonPay, transport: Recorder) -> None:
    _empty_pages_with_fresh_tokens(transport)

    with pytest.raises(UnexpectedResponseError, match="without items"):
        async for _ in async_pay.reports.list():
            pass
    assert len(transport.sent) == MAX_EMPTY_PAGES
