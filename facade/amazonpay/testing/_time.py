"""The passage of simulated time: what it has made due, applied to every object.

Each lookup (``find``) applies what is due to the object it finds, whenever an operation
touches it; :func:`apply_time` applies the same to every object when the clock moves on
(``AmazonPaySandbox.advance``): one rule either way.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import TYPE_CHECKING

from . import _charge_permissions as charge_permissions
from . import _charges as charges
from . import _checkout_sessions as checkout_sessions
from . import _refunds as refunds
from . import _reports as reports
from ._errors import SandboxError
from ._journal import time_passing

if TYPE_CHECKING:
    from ._state import State


def apply_time(state: State, now: datetime) -> None:
    """Apply to every object what time has made due by ``now``: what each lookup applies to one."""
    with time_passing():
        for session_id in list(state.checkout_sessions):
            with contextlib.suppress(SandboxError):  # past its retention: the lookup deleted it
                checkout_sessions.find(state, session_id, now)
        for permission_id in list(state.charge_permissions):
            charge_permissions.find(state, permission_id, now)
        for charge_id in list(state.charges):
            charges.find(state, charge_id, now)
        for refund_id in list(state.refunds):
            refunds.find(state, refund_id, now)
        reports.apply_time(state, now)
