"""Which URLs a message may make us fetch: SNS's own hosts, over https, in one exact form.

The rule is AWS's (https, a ``.pem`` path, host ``sns.<region>.amazonaws.com[.cn]``), written
as one anchored ASCII pattern over the whole URL rather than a check of parsed parts, so that
userinfo, ports, queries, fragments, percent-encoding, backslashes, non-ASCII look-alikes and
trailing dots or newlines cannot slip through a parser's leniency. The region must look like
an AWS region (``us-east-1``, ``us-gov-west-1``, ``cn-north-1``): AWS's own looser
``[a-zA-Z0-9-]{3,}`` also admits ``sns.s3-us-west-2.amazonaws.com``, the legacy path of an S3
bucket named ``sns``, which is not SNS. What the pattern accepts, every URL parser reads the
same way (a property test checks the standard library's and httpx's), so the URL fetched is
the URL checked.
"""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import parse_qsl

from .._codes import NotificationFailure
from .._errors import NotificationVerificationError

_HOST: Final = r"sns\.[a-z]{2,}(?:-[a-z]+)+-[0-9]+\.amazonaws\.com(?:\.cn)?"
_SEGMENT: Final = r"[A-Za-z0-9_-][A-Za-z0-9._-]*"  # never "." or ".."
_CERT_URL: Final = re.compile(rf"https://{_HOST}(?:/{_SEGMENT})*/{_SEGMENT}\.pem", re.ASCII)
_SUBSCRIBE_URL: Final = re.compile(rf"https://{_HOST}/\?(?P<query>[A-Za-z0-9._~%:=&-]+)", re.ASCII)
_MAX_URL_LENGTH: Final = 1024


def check_cert_url(url: str) -> None:
    """Refuse (``bad_cert_url``) a SigningCertURL that is not an SNS certificate URL."""
    if len(url) > _MAX_URL_LENGTH or _CERT_URL.fullmatch(url) is None:
        raise NotificationVerificationError(
            NotificationFailure.BAD_CERT_URL,
            f"SigningCertURL {url[:200]!r} is not an SNS certificate URL "
            "(https://sns.<region>.amazonaws.com[.cn]/<name>.pem, nothing else); it was not fetched",
        )


def check_subscribe_url(url: str, *, topic_arn: str, token: str) -> None:
    """Refuse (``bad_subscribe_url``) a SubscribeURL that is not SNS's ConfirmSubscription for this topic.

    The URL is never put in the error: it carries the token.
    """

    def refuse(why: str) -> NotificationVerificationError:
        return NotificationVerificationError(
            NotificationFailure.BAD_SUBSCRIBE_URL, f"SubscribeURL {why}; it was not visited"
        )

    match = _SUBSCRIBE_URL.fullmatch(url) if len(url) <= _MAX_URL_LENGTH else None
    if match is None:
        raise refuse("is not https://sns.<region>.amazonaws.com[.cn]/?<query>")
    try:
        pairs = parse_qsl(match["query"], keep_blank_values=True, strict_parsing=True, errors="strict")
    except (ValueError, UnicodeDecodeError):
        raise refuse("has a malformed query") from None
    params = dict(pairs)
    if len(params) != len(pairs) or params.keys() != {"Action", "TopicArn", "Token"}:
        raise refuse("must have exactly the parameters Action, TopicArn and Token, once each")
    if params["Action"] != "ConfirmSubscription":
        raise refuse("does not have Action=ConfirmSubscription")
    if params["TopicArn"] != topic_arn or params["Token"] != token:
        raise refuse("names another topic or token than the message")
