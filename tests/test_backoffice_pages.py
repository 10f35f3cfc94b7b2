"""Listings that page (getReports, getDisbursements): every item, lazily, the token sent alone.

The server double answers pages by the token it receives, so a client that sent the token with
other parameters, lost a page or fetched ahead would fail here.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from amazonpay import AmazonPay, AsyncAmazonPay, ConfigurationError, UnexpectedResponseError
from amazonpay_api.models import GetReportsResponse
from amazonpay_api.types import Unset
from tests.conftest import Recorder


def _pages(items_field: str, count: int, per_page: int) -> dict[str | None, dict[str, Any]]:
    """``count`` pages of ``per_page`` items, keyed by the token that asks for each."""
    pages: dict[str | None, dict[str, Any]] = {}
    for number in range(count):
        token = None if number == 0 else f"token-{number}"
        page: dict[str, Any] = {items_field: [{"reportId": f"R{number}-{i}"} for i in range(per_page)]}
        if number + 1 < count:
            page["nextToken"] = f"token-{number + 1}"
        pages[token] = page
    return pages


def _serve(transport: Recorder, pages: dict[str | None, dict[str, Any]]) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=pages[request.url.params.get("nextToken")])

    transport.default = answer


def test_reports_list_reads_three_pages_sending_the_token_alone(pay: AmazonPay, transport: Recorder) -> None:
    _serve(transport, _pages("reports", 3, 2))

    reports = pay.reports.list(report_types="_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_", page_size=2)
    ids = [report.report_id for report in reports]

    assert ids == ["R0-0", "R0-1", "R1-0", "R1-1", "R2-0", "R2-1"]
    queries = [dict(sent.url.params) for sent in transport.sent]
    assert queries == [
        {"reportTypes": "_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_", "pageSize": "2"},
        {"nextToken": "token-1"},
        {"nextToken": "token-2"},
    ]
    assert all(sent.url.path == "/v2/reports" for sent in transport.sent)


def test_a_listing_fetches_nothing_until_iterated_and_one_page_at_a_time(pay: AmazonPay, transport: Recorder) -> None:
    _serve(transport, _pages("reports", 3, 2))

    reports = iter(pay.reports.list())
    assert transport.sent == []
    next(reports)
    next(reports)
    assert len(transport.sent) == 1
    next(reports)
    assert len(transport.sent) == 2


def test_disbursements_list_pages_with_its_required_period(pay: AmazonPay, transport: Recorder) -> None:
    pages = {
        None: {"disbursements": [{"settlementId": "S1", "amount": "10.00"}], "nextToken": "t2"},
        "t2": {"disbursements": [{"settlementId": "S2", "amount": "5.00"}], "nextToken": "t3"},
        "t3": {"disbursements": [{"settlementId": "S3", "amount": "1.00"}]},
    }
    transport.default = lambda request: httpx.Response(200, json=pages[request.url.params.get("nextToken")])

    found = list(pay.disbursements.list(start_time="20240301T000000Z", end_time="20240331T000000Z", page_size=1))

    assert [d.settlement_id for d in found] == ["S1", "S2", "S3"]
    assert [dict(sent.url.params) for sent in transport.sent] == [
        {"startTime": "20240301T000000Z", "endTime": "20240331T000000Z", "pageSize": "1"},
        {"nextToken": "t2"},
        {"nextToken": "t3"},
    ]


def test_pages_yields_the_page_models(pay: AmazonPay, transport: Recorder) -> None:
    _serve(transport, _pages("reports", 2, 1))

    pages = list(pay.reports.list().pages())

    assert isinstance(pages[0], GetReportsResponse)
    assert pages[0].next_token == "token-1"
    assert isinstance(pages[1].next_token, Unset)
    assert [len(page.reports) for page in pages] == [1, 1]


def test_a_repeated_token_stops_the_listing_instead_of_looping(pay: AmazonPay, transport: Recorder) -> None:
    transport.default = lambda request: httpx.Response(200, json={"reports": [{"reportId": "R"}], "nextToken": "same"})

    with pytest.raises(UnexpectedResponseError, match="page token 'same' twice"):
        list(pay.reports.list())
    assert len(transport.sent) == 2


def test_a_repeated_token_is_shown_bounded_and_escaped(pay: AmazonPay, transport: Recorder) -> None:
    token = "x\n" * 2_000  # a hostile or broken service's token: the message stays one short line
    transport.default = lambda request: httpx.Response(200, json={"reports": [{"reportId": "R"}], "nextToken": token})

    with pytest.raises(UnexpectedResponseError) as raised:
        list(pay.reports.list())
    message = str(raised.value)
    assert "\n" not in message
    assert len(message) < 300
    assert "more characters" in message


def test_a_page_token_too_long_to_send_ends_the_listing_typed_before_sending(
    pay: AmazonPay, transport: Recorder
) -> None:
    # Issue 19, finding 14: a 70 000-character token raised httpx.InvalidURL in mid-listing.
    transport.queue(httpx.Response(200, json={"reports": [{"reportId": "R1"}], "nextToken": "T" * 70_000}))
    seen: list[str] = []

    with pytest.raises(UnexpectedResponseError) as raised:
        seen.extend(report.report_id for report in pay.reports.list())

    assert seen == ["R1"]  # the page that was read was yielded
    assert len(transport.sent) == 1  # and nothing was sent with the token
    message = str(raised.value)
    assert "a page token of 70000 characters; this client sends at most 4096" in message
    assert len(message) < 300


@pytest.mark.anyio
async def test_the_async_listing_stops_at_a_token_too_long_the_same_way(
    async_pay: AsyncAmazonPay, transport: Recorder
) -> None:
    transport.queue(httpx.Response(200, json={"disbursements": [], "nextToken": "T" * 4097}))
    with pytest.raises(UnexpectedResponseError, match="page token of 4097 characters"):
        async for _ in async_pay.disbursements.list(start_time="20240301T000000Z", end_time="20240331T000000Z"):
            pass
    assert len(transport.sent) == 1


def test_a_listing_without_a_token_is_one_page(pay: AmazonPay, transport: Recorder) -> None:
    transport.default = lambda request: httpx.Response(
        200, json={"reportSchedules": [{"reportScheduleId": "A"}, {"reportScheduleId": "B"}]}
    )

    schedules = [s.report_schedule_id for s in pay.report_schedules.list(report_types="X")]

    assert schedules == ["A", "B"]
    assert len(transport.sent) == 1


def test_bad_options_fail_when_listing_not_when_iterating(pay: AmazonPay, transport: Recorder) -> None:
    with pytest.raises(ConfigurationError, match="max_retries"):
        pay.reports.list(max_retries=-1)
    assert transport.sent == []


@pytest.mark.anyio
async def test_async_listing_reads_every_page_with_async_for(async_pay: AsyncAmazonPay, transport: Recorder) -> None:
    _serve(transport, _pages("reports", 3, 2))

    ids = [report.report_id async for report in async_pay.reports.list(page_size=2)]

    assert ids == ["R0-0", "R0-1", "R1-0", "R1-1", "R2-0", "R2-1"]
    assert [dict(sent.url.params) for sent in transport.sent] == [
        {"pageSize": "2"},
        {"nextToken": "token-1"},
        {"nextToken": "token-2"},
    ]
