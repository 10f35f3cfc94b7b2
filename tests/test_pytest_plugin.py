"""The pytest plugin, as a user's test suite meets it: fixtures and the fault marker in a real pytest run."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points

import pytest

pytest_plugins = ["pytester"]

# A user's test module: no conftest, no pytest_plugins; the plugin arrives by its entry point.
USER_TESTS = """
from datetime import timedelta

import anyio
import pytest

import amazonpay
from amazonpay.testing import AmazonPaySandbox

SESSION = {
    "webCheckoutDetails": {"checkoutReviewReturnUrl": "https://shop.example/review"},
    "storeId": "amzn1.application-oa2-client.0123456789abcdef",
}
KEPT = []


def test_a_fresh_sandbox(amazon_pay_sandbox):
    assert isinstance(amazon_pay_sandbox, AmazonPaySandbox)
    assert not amazon_pay_sandbox.checkout_sessions and not amazon_pay_sandbox.requests


def test_the_client_talks_to_the_sandbox(amazon_pay, amazon_pay_sandbox):
    session = amazon_pay.checkout_sessions.create(SESSION)
    assert list(amazon_pay_sandbox.checkout_sessions) == [session.checkout_session_id]
    KEPT.append(amazon_pay)


def test_the_client_signs_on_simulated_time(amazon_pay, amazon_pay_sandbox):
    amazon_pay_sandbox.advance(timedelta(hours=2))  # a client on the real clock would be 2 hours stale
    amazon_pay.checkout_sessions.create(SESSION)


@pytest.mark.anyio
async def test_the_async_client_talks_to_the_same_sandbox(async_amazon_pay, amazon_pay, amazon_pay_sandbox):
    session = await async_amazon_pay.checkout_sessions.create(SESSION)
    session_id = session.checkout_session_id
    assert amazon_pay.checkout_sessions.get(session_id).checkout_session_id == session_id
    assert len(amazon_pay_sandbox.requests) == 2
    KEPT.append(async_amazon_pay)


def test_clients_are_closed_after_their_test():
    sync_client, async_client = KEPT
    with pytest.raises(amazonpay.ConfigurationError, match="client is closed"):
        sync_client.checkout_sessions.get("S01-0000000-0000000-C000000")

    async def get():
        await async_client.checkout_sessions.get("S01-0000000-0000000-C000000")

    with pytest.raises(amazonpay.ConfigurationError, match="client is closed"):
        anyio.run(get)


@pytest.mark.amazon_pay_fault(status=503, headers={"Retry-After": "0"}, times=4, operation_id="createCheckoutSession")
def test_the_marker_fails_the_calls_of_the_test(amazon_pay, amazon_pay_sandbox):
    with pytest.raises(amazonpay.ServerError) as raised:
        amazon_pay.checkout_sessions.create(SESSION)
    assert raised.value.status == 503 and raised.value.attempts == 4
    assert not amazon_pay_sandbox.checkout_sessions


@pytest.fixture
def session_id(amazon_pay):
    return amazon_pay.checkout_sessions.create(SESSION).checkout_session_id


@pytest.mark.amazon_pay_fault(status=429, headers={"Retry-After": "0"})
@pytest.mark.amazon_pay_fault(status=503, headers={"Retry-After": "0"})
def test_faults_spare_the_fixtures_and_apply_as_written(session_id, amazon_pay, amazon_pay_sandbox):
    assert amazon_pay.checkout_sessions.get(session_id).checkout_session_id == session_id
    assert [request.status for request in amazon_pay_sandbox.requests] == [201, 429, 503, 200]


@pytest.mark.amazon_pay_fault(status=503, headers={"Retry-After": "0"}, times=4)
def test_an_integration_that_forgets_amazon_can_fail(amazon_pay):
    amazon_pay.checkout_sessions.create(SESSION)
"""


def test_the_fixtures_and_the_marker_in_a_user_suite(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_shop=USER_TESTS)
    result = pytester.runpytest("--strict-markers", "-p", "no:randomly", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=7, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*_ test_an_integration_that_forgets_amazon_can_fail _*",
            "E *ServerError: 503 ServiceUnavailable*(injected by the sandbox)*4 attempts*",
        ]
    )


def test_the_marker_needs_the_sandbox(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.amazon_pay_fault(status=500)
        def test_without_the_sandbox():
            pass

        @pytest.mark.amazon_pay_fault(stauts=500)
        def test_misspelt(amazon_pay_sandbox):
            pass
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(
        [
            "*@pytest.mark.amazon_pay_fault needs the amazon_pay_sandbox fixture*",
            "*@pytest.mark.amazon_pay_fault takes AmazonPaySandbox.fail_next's arguments*stauts*",
        ]
    )


def test_the_plugin_comes_from_the_entry_point(pytester: pytest.Pytester) -> None:
    plugins = {entry.name: entry.value for entry in entry_points(group="pytest11")}
    assert plugins.get("amazonpay") == "amazonpay.pytest_plugin"
    pytester.makepyfile("def test_it(amazon_pay_sandbox):\n    pass\n")
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)
    pytester.runpytest("-p", "no:cacheprovider", "-p", "no:amazonpay").assert_outcomes(errors=1)


def test_importing_the_simulator_does_not_import_pytest() -> None:
    code = "import sys, amazonpay.testing; assert 'pytest' not in sys.modules, 'pytest imported'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_loading_the_plugin_imports_neither_client_nor_simulator() -> None:
    """Every pytest run where amazonpay is installed loads the plugin: it must cost next to nothing."""
    code = (
        "import sys, amazonpay.pytest_plugin; "
        "loaded = sorted(name for name in ('amazonpay.testing', 'amazonpay._client', 'httpx', 'cryptography') "
        "if name in sys.modules); assert not loaded, loaded"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
