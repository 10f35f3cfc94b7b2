"""Authorization tokens: delegated access for solution providers (Get Authorization Token).

An MWS authorization token (v1 delegation) exchanges for a token sent as x-amz-pay-authtoken
on any delegated call; a call with a token that was not issued is 401 (docs, token-exchange;
amazon-pay-beyond-13.md, section 1.1; openapi/extensions.overlay.yml).
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Final

from ._errors import Reason, SandboxError

if TYPE_CHECKING:
    from ._state import Call, Result, State

#: Merchant Web Services authorization tokens (v1 delegation) start so (docs, token-exchange).
MWS_TOKEN_PREFIX: Final = "amzn.mws."  # noqa: S105 (a format, not a secret)
AUTH_TOKEN_HEADER: Final = "x-amz-pay-authtoken"  # noqa: S105 (a header name)


def get_authorization_token(state: State, call: Call) -> Result:
    """GET /authorizationTokens/{mwsAuthToken}?merchantId=: the token for delegated calls.

    Any merchant may have delegated access (the simulator has no Seller Central), so any MWS
    token in its documented form is exchanged; the same token and merchant get the same answer.
    """
    merchant_id = call.query.get("merchantId")
    if not merchant_id:
        raise SandboxError(
            Reason.MissingParameterValue, "The query parameter merchantId is required (the merchant who delegated)."
        )
    mws_token = call.resource_id
    if not mws_token.startswith(MWS_TOKEN_PREFIX) or len(mws_token) == len(MWS_TOKEN_PREFIX):
        raise SandboxError(
            Reason.InvalidParameterValue,
            f"mwsAuthToken {mws_token[:64]!r} is not an MWS authorization token ({MWS_TOKEN_PREFIX}...).",
        )
    key = (mws_token, merchant_id)
    token = state.authorization_tokens.get(key)
    if token is None:
        token = "Atza|" + secrets.token_urlsafe(48)
        state.authorization_tokens[key] = token
        state.issued_tokens[token] = merchant_id
    return 200, {"authorizationToken": token}


def check_auth_token(state: State, token: str | None) -> None:
    """A delegated call must carry a token Get Authorization Token issued (401 otherwise)."""
    if token is not None and token not in state.issued_tokens:
        raise SandboxError(
            Reason.UnauthorizedAccess,
            f"The {AUTH_TOKEN_HEADER} header carries a token that was not issued: exchange the merchant's MWS "
            "token with Get Authorization Token (pay.authorization_tokens.get) first.",
        )
