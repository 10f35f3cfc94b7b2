"""The certificate URL: SNS's own hosts in one exact form, checked before anything is fetched.

Each hostile URL goes into an otherwise valid, correctly signed message; the verifier must
refuse it with ``bad_cert_url`` and never call the fetcher.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from amazonpay.notifications import NotificationFailure, NotificationVerificationError, NotificationVerifier
from amazonpay.notifications._urls import check_cert_url, check_subscribe_url
from tests.support.sns import NOW, Spy, signer, watch_sns_secrets

NAME = "SimpleNotificationService-d6d679a1d18e95c2f9ffcf11f4f9e198.pem"
GOOD = f"https://sns.us-east-1.amazonaws.com/{NAME}"

ACCEPTED = [
    GOOD,
    f"https://sns.eu-west-1.amazonaws.com/{NAME}",
    f"https://sns.ap-southeast-2.amazonaws.com/{NAME}",
    f"https://sns.us-gov-west-1.amazonaws.com/{NAME}",
    f"https://sns.cn-north-1.amazonaws.com.cn/{NAME}",
    f"https://sns.cn-northwest-1.amazonaws.com.cn/{NAME}",
    "https://sns.us-east-1.amazonaws.com/certs/a_b-c.d.pem",
]

HOSTILE = {
    # scheme
    "plain http": GOOD.replace("https:", "http:"),
    "upper-case scheme": GOOD.replace("https:", "HTTPS:"),
    "ftp": GOOD.replace("https:", "ftp:"),
    "one slash": GOOD.replace("https://", "https:/"),
    "three slashes": GOOD.replace("https://", "https:///"),
    "no scheme": GOOD.replace("https://", "//"),
    # host look-alikes
    "suffix host": GOOD.replace(".com/", ".com.evil.example/"),
    "cn suffix host": GOOD.replace(".com/", ".com.cn.evil.example/"),
    "trailing-dot host": GOOD.replace(".com/", ".com./"),
    "sub-domain of sns": GOOD.replace("https://sns.", "https://evil.sns."),
    "prefix of sns": GOOD.replace("https://sns.", "https://xsns."),
    "no region": GOOD.replace("sns.us-east-1.", "sns."),
    "two regions": GOOD.replace("us-east-1.", "us-east-1.us-east-1."),
    "dots as wildcards": GOOD.replace("sns.us-east-1.amazonaws.com", "snsxus-east-1xamazonawsxcom"),
    "amazonaws.co": GOOD.replace(".com/", ".co/"),
    "amazonaws.cn only": GOOD.replace(".com/", ".cn/"),
    "upper-case host": GOOD.replace("sns.us-east-1.amazonaws.com", "SNS.US-EAST-1.AMAZONAWS.COM"),
    "S3 bucket named sns (legacy dash-region endpoint)": GOOD.replace("us-east-1", "s3-us-west-2"),
    "S3 bucket named sns (external endpoint)": GOOD.replace("us-east-1", "s3-external-1"),
    "S3 path-style": f"https://s3.amazonaws.com/sns.us-east-1.amazonaws.com/{NAME}",
    "EC2-style label": GOOD.replace("us-east-1", "compute-1"),
    "Cyrillic a in amazonaws": GOOD.replace("amazonaws", "\u0430mazonaws"),
    "full-width dot (IDNA maps it to .)": GOOD.replace("amazonaws.com", "amazonaws\u3002com"),
    "punycode look-alike": GOOD.replace("amazonaws", "xn--amazonaws-9za"),
    "IPv4 address": f"https://52.94.0.1/{NAME}",
    "IPv6 address": f"https://[::1]/{NAME}",
    # userinfo, ports
    "userinfo before the host": GOOD.replace("https://", "https://evil.example@"),
    "SNS host as userinfo": f"https://sns.us-east-1.amazonaws.com@evil.example/{NAME}",
    "SNS host as userinfo with password": f"https://sns.us-east-1.amazonaws.com:x@evil.example/{NAME}",
    "explicit port 443": GOOD.replace(".com/", ".com:443/"),
    "other port": GOOD.replace(".com/", ".com:8443/"),
    "empty port": GOOD.replace(".com/", ".com:/"),
    # query and fragment tricks
    "query after .pem": GOOD + "?x=1",
    ".pem only in the query (PHP's whole-URL check passes it)": "https://evil.example/cert?x=.pem",
    "SNS host in the query": f"https://evil.example/?https://sns.us-east-1.amazonaws.com/{NAME}",
    "fragment after .pem": GOOD + "#x",
    "SNS URL in the fragment": f"https://evil.example/x.pem#https://sns.us-east-1.amazonaws.com/{NAME}",
    "fragment hides the host": f"https://evil.example#@sns.us-east-1.amazonaws.com/{NAME}",
    ".pem in the fragment": "https://sns.us-east-1.amazonaws.com/cert#.pem",
    # path tricks
    "not .pem": GOOD.replace(".pem", ".txt"),
    "upper-case .PEM": GOOD.replace(".pem", ".PEM"),
    "no path": "https://sns.us-east-1.amazonaws.com",
    "root path": "https://sns.us-east-1.amazonaws.com/",
    "bare .pem": "https://sns.us-east-1.amazonaws.com/.pem",
    "trailing slash": GOOD + "/",
    "parent segment": f"https://sns.us-east-1.amazonaws.com/../{NAME}",
    "current segment": f"https://sns.us-east-1.amazonaws.com/./{NAME}",
    "empty segment (//host-like path)": f"https://sns.us-east-1.amazonaws.com//evil.example/{NAME}",
    "matrix parameter": GOOD.replace(".pem", ";x.pem"),
    # percent-encoding
    "percent-encoded dot in the host": GOOD.replace("amazonaws.com", "amazonaws%2Ecom"),
    "percent-encoded slash after the host": GOOD.replace(".com/", ".com%2F.evil.example/"),
    "percent-encoded path": GOOD.replace("Service-", "Service%2D"),
    "percent-encoded dot segment": f"https://sns.us-east-1.amazonaws.com/%2e%2e/{NAME}",
    "NUL byte before .pem": GOOD.replace(".pem", "%00.pem"),
    # backslashes, whitespace, control characters
    "backslash as slash (WHATWG)": GOOD.replace(".com/", ".com\\"),
    "backslash before userinfo": f"https://sns.us-east-1.amazonaws.com\\@evil.example/{NAME}",
    "trailing newline": GOOD + "\n",
    "leading space": " " + GOOD,
    "tab in the path (WHATWG drops it)": GOOD.replace("Service-", "Service-\t"),
    "NUL byte": GOOD.replace(".pem", "\x00.pem"),
    "empty": "",
    "far too long": GOOD.replace("Service-", "Service-" + "a" * 1100),
}


@pytest.fixture(autouse=True)
def _sns_secrets(secrets_stay_secret: None, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    watch_sns_secrets(request, monkeypatch)


def test_at_least_forty_hostile_urls_are_listed() -> None:
    assert len(HOSTILE) >= 40
    assert len(set(HOSTILE.values())) == len(HOSTILE)


@pytest.mark.parametrize("url", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_certificate_url_is_refused_without_any_fetch(url: str) -> None:
    spy = Spy()
    verifier = NotificationVerifier(fetcher=spy, clock=lambda: NOW)
    body = signer().sign(json.loads(signer().notification()), cert_url=url)

    with pytest.raises(NotificationVerificationError) as caught:
        verifier.verify(body)

    assert caught.value.reason is NotificationFailure.BAD_CERT_URL
    assert spy.calls == []
    assert "not fetched" in str(caught.value)


@pytest.mark.parametrize("url", ACCEPTED)
def test_sns_certificate_urls_of_every_partition_are_accepted(url: str) -> None:
    check_cert_url(url)  # raises if refused


def test_an_accepted_url_is_fetched_exactly_as_written() -> None:
    spy = Spy()
    NotificationVerifier(fetcher=spy, clock=lambda: NOW).verify(signer().notification())
    assert spy.calls == [signer().cert_url]


# --- whatever is accepted, every parser reads as an SNS certificate URL -------------------
PIECES = [
    "https://",
    "http://",
    "//",
    "sns.",
    "us-east-1",
    "s3-us-west-2",
    ".amazonaws.com",
    ".amazonaws.com.cn",
    ".cn",
    "evil.example",
    "@",
    ":",
    ":443",
    "/",
    "\\",
    "?",
    "#",
    "%2e",
    "%2F",
    "%00",
    ".",
    "..",
    ".pem",
    "x",
    "\t",
    "\n",
    " ",
    "\u3002",
    "\u0430",
    ";",
    "=",
    "&",
    "[::1]",
]


def near(valid: str, pieces: list[str]) -> st.SearchStrategy[str]:
    """URLs built from pieces, or a valid URL with pieces spliced in or characters cut out."""
    edits = st.lists(
        st.tuples(st.integers(0, len(valid)), st.integers(0, 3), st.sampled_from(["", *pieces])), max_size=3
    )

    def apply(changes: list[tuple[int, int, str]]) -> str:
        url = valid
        for at, cut, piece in changes:
            url = url[:at] + piece + url[at + cut :]
        return url

    return st.one_of(edits.map(apply), st.lists(st.sampled_from(pieces), min_size=1, max_size=12).map("".join))


@settings(max_examples=2000, deadline=None, database=None, derandomize=True)
@given(near(GOOD, PIECES))
def test_whatever_is_accepted_every_parser_reads_as_sns(url: str) -> None:
    try:
        check_cert_url(url)
    except NotificationVerificationError:
        return
    # An independent reading by two parsers: the standard library's and httpx's.
    split = urlsplit(url)
    parsed = httpx.URL(url)
    for scheme, host, port, path, query, fragment, userinfo in (
        (split.scheme, split.hostname, split.port, split.path, split.query, split.fragment, split.username),
        (
            parsed.scheme,
            parsed.host,
            parsed.port,
            parsed.path,
            parsed.query.decode(),
            parsed.fragment,
            parsed.userinfo.decode() or None,
        ),
    ):
        assert scheme == "https"
        assert host is not None
        assert host.startswith("sns.")
        assert host.endswith((".amazonaws.com", ".amazonaws.com.cn"))
        assert host.count(".") in (3, 4)
        assert (port, userinfo, query, fragment) == (None, None, "", "")
        assert path.endswith(".pem")
        assert ".." not in path.split("/")


TOPIC = "arn:aws:sns:us-east-1:123456789012:t"
GOOD_SUBSCRIBE = f"https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn={TOPIC}&Token=abc"
SUBSCRIBE_PIECES = [
    *PIECES,
    "?",
    "Action=ConfirmSubscription",
    "&",
    f"TopicArn={TOPIC}",
    "Token=abc",
    "%3A",
    "%26",
    "Token=",
    "/?",
]


@settings(max_examples=2000, deadline=None, database=None, derandomize=True)
@given(near(GOOD_SUBSCRIBE, SUBSCRIBE_PIECES))
def test_whatever_subscribe_url_is_accepted_every_parser_reads_as_sns(url: str) -> None:
    try:
        check_subscribe_url(url, topic_arn=TOPIC, token="abc")
    except NotificationVerificationError:
        return
    split = urlsplit(url)
    parsed = httpx.URL(url)
    assert (split.scheme, parsed.scheme) == ("https", "https")
    assert split.hostname == parsed.host
    assert parsed.host.startswith("sns.")
    assert parsed.host.endswith((".amazonaws.com", ".amazonaws.com.cn"))
    assert (split.port, parsed.port, split.username, parsed.userinfo) == (None, None, None, b"")
    assert (split.path, parsed.path, split.fragment, parsed.fragment) == ("/", "/", "", "")
    assert sorted(parse_qsl(split.query)) == [("Action", "ConfirmSubscription"), ("Token", "abc"), ("TopicArn", TOPIC)]


def test_the_property_reaches_accepted_urls() -> None:
    # The generator can build an accepted URL, so the property above is not vacuous.
    check_cert_url("".join(["https://", "sns.", "us-east-1", ".amazonaws.com", "/", "x", ".pem"]))
    check_subscribe_url(
        "".join(
            [
                "https://",
                "sns.",
                "us-east-1",
                ".amazonaws.com",
                "/?",
                "Action=ConfirmSubscription",
                "&",
                f"TopicArn={TOPIC}",
                "&",
                "Token=abc",
            ]
        ),
        topic_arn=TOPIC,
        token="abc",
    )


def test_the_legacy_aws_pattern_would_accept_an_s3_bucket_host() -> None:
    # Why the region must look like one: AWS's validators' pattern admits S3's legacy endpoint.
    import re

    aws_pattern = re.compile(r"^sns\.[a-zA-Z0-9\-]{3,}\.amazonaws\.com(\.cn)?$")
    host = "sns.s3-us-west-2.amazonaws.com"
    assert aws_pattern.match(host)
    with pytest.raises(NotificationVerificationError):
        check_cert_url(f"https://{host}/{NAME}")
