"""One click command per registry entry: its arguments, flags and help, all read from the spec.

Path ids are arguments, except secrets (``x-amazonpay-secret``, such as the MWS auth token),
which like the delegated-access token are read from the environment, a file or stdin, never from
the command line, which every user of the machine sees (``ps``); query parameters are options;
the request body comes from ``--body``
(inline JSON, ``@file.json`` or ``-`` for stdin) and from flags derived from the body schema's
simple fields: its scalar properties and the scalar properties of its object properties (an
amount's ``amount`` and ``currencyCode``). A flag is named after its field (``chargeId`` is
``--charge-id``); where two fields of one command share a name, both flags carry the parent's
name too (``--charge-amount-amount``). Deeper fields and arrays go in ``--body``.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NoReturn

import click

from amazonpay._registry import request_schemas

from ._calling import CallRequest, call_operation

#: Per-call options of every operation command; a body field with one of these names keeps its parent's name.
_PER_CALL = frozenset(
    {
        "body",
        "idempotency-key",
        "simulation-code",
        "timeout",
        "max-retries",
        "auth-token",
        "auth-token-file",
        "header",
        "retrying",
    }
)
_SCALARS = {"string": click.STRING, "integer": click.INT, "number": click.FLOAT, "boolean": click.BOOL}


def kebab(name: str) -> str:
    """``chargePermissionId`` -> ``charge-permission-id``; ``checkout_sessions`` -> ``checkout-sessions``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", name).replace("_", "-").lower()


def _scalar_type(schema: Mapping[str, Any]) -> str | None:
    types = schema.get("type")
    kinds = [t for t in ([types] if isinstance(types, str) else types or []) if t != "null"]
    return kinds[0] if len(kinds) == 1 and kinds[0] in _SCALARS else None


def _is_object(schema: Mapping[str, Any]) -> bool:
    types = schema.get("type")
    return "object" in ([types] if isinstance(types, str) else types or []) and "properties" in schema


@dataclass(frozen=True)
class BodyField:
    """A simple field of a request body, set by its own flag."""

    path: tuple[str, ...]  # ("refundAmount", "amount")
    schema: Mapping[str, Any]
    required: bool  # the spec requires it (and its parent)

    @property
    def dotted(self) -> str:
        """Its place in the body, as the API names it."""
        return ".".join(self.path)


def body_fields(schema: Mapping[str, Any] | None, taken: frozenset[str] = _PER_CALL) -> dict[str, BodyField]:
    """Flag name -> the body field it sets, for the simple fields of ``schema``; ``taken``: other flags."""
    if not schema:
        return {}
    found: list[BodyField] = []
    required = set(schema.get("required", []))
    for name, prop in schema.get("properties", {}).items():
        if _scalar_type(prop):
            found.append(BodyField((name,), prop, name in required))
        elif _is_object(prop):
            inner = set(prop.get("required", []))
            for child, sub in prop["properties"].items():
                if _scalar_type(sub):
                    found.append(BodyField((name, child), sub, name in required and child in inner))
    counts = Counter(kebab(field.path[-1]) for field in found)
    flags: dict[str, BodyField] = {}
    for field in found:
        flag = kebab(field.path[-1])
        if counts[flag] > 1 or flag in taken:
            flag = "-".join(kebab(part) for part in field.path)
        if flag not in taken:
            flags[flag] = field
    return flags


def _field_option(flag: str, field: BodyField) -> click.Option:
    kind = _scalar_type(field.schema)
    notes = [f"body.{field.dotted}"]
    if field.schema.get("description"):
        notes.append(" ".join(str(field.schema["description"]).split()).rstrip("."))
    if field.schema.get("examples"):
        notes.append(f"e.g. {field.schema['examples'][0]}")
    if field.required:
        notes.append("required unless in --body")
    help_text = "; ".join(notes) + "."
    if kind == "boolean":
        return click.Option([f"--{flag}/--no-{flag}", _click_name(flag)], default=None, help=help_text)
    click_type: click.ParamType[Any] = _SCALARS[kind or "string"]
    if "enum" in field.schema:
        click_type = click.Choice([str(value) for value in field.schema["enum"]])
    return click.Option([f"--{flag}", _click_name(flag)], type=click_type, help=help_text)


def _click_name(flag: str) -> str:
    # Its own namespace: a body field never shadows a path id of the same name.
    return "body_" + flag.replace("-", "_")


@dataclass(frozen=True)
class Secret:
    """A credential the command reads from an environment variable or a file (``-``: stdin), never an argument."""

    flag: str  # its file option, e.g. auth-token-file
    variable: str  # e.g. AMAZON_PAY_AUTH_TOKEN
    what: str  # what the messages call it

    @classmethod
    def of_parameter(cls, name: str) -> Secret:
        """The secret for a path parameter marked ``x-amazonpay-secret`` (``mwsAuthToken``)."""
        return cls(f"{kebab(name)}-file", f"AMAZON_PAY_{kebab(name).replace('-', '_').upper()}", kebab(name))

    @property
    def click_name(self) -> str:
        """Its file option's parameter name (a namespace of its own)."""
        return "secret_" + self.flag.replace("-", "_")

    def option(self) -> click.Option:
        """Its file option."""
        return click.Option(
            [f"--{self.flag}", self.click_name],
            metavar="FILE|-",
            help=f"Read the {self.what} from this file (- for stdin) instead of ${self.variable}; never an argument.",
        )

    def read(self, file: str | None, required: bool) -> str | None:
        """The value from the file option if given, else from the environment (an empty variable is unset)."""
        if file is None:
            value = os.environ.get(self.variable) or None
            if value is None and required:
                raise click.UsageError(f"the {self.what} is missing: set ${self.variable}, or pass --{self.flag} FILE")
            return value
        if file == "-":
            return sys.stdin.read().rstrip("\r\n")
        try:
            with click.open_file(file, encoding="utf-8") as opened:
                return str(opened.read()).rstrip("\r\n")
        except OSError as error:
            raise click.BadParameter(f"cannot read {file}: {error.strerror}", param_hint=f"--{self.flag}") from None


#: The delegated-access token of every command (the per-call option auth_token=).
AUTH_TOKEN = Secret("auth-token-file", "AMAZON_PAY_AUTH_TOKEN", "delegated-access token")


def _refuse_on_command_line(what: str, secret: Secret) -> NoReturn:
    # The value is never echoed; it was on the command line already, so say how to keep it off.
    raise click.UsageError(
        f"the {what} is a secret and is not taken on the command line, which every user of this machine can "
        f"see (ps): set ${secret.variable}, or pass --{secret.flag} FILE (- reads stdin)"
    )


def read_body(value: str | None) -> dict[str, Any]:
    """The JSON object ``--body`` names: inline JSON, ``@file.json``, or ``-`` for stdin."""
    if value is None:
        return {}
    if value == "-":
        text, source = sys.stdin.read(), "stdin"
    elif value.startswith("@"):
        try:
            with click.open_file(value[1:], encoding="utf-8") as file:
                text = file.read()
        except OSError as error:
            raise click.BadParameter(f"cannot read {value[1:]}: {error.strerror}", param_hint="--body") from None
        source = value[1:]
    else:
        text, source = value, "the argument"
    try:
        body = json.loads(text)
    except ValueError as error:
        raise click.BadParameter(f"{source} is not JSON: {error}", param_hint="--body") from None
    if not isinstance(body, dict):
        raise click.BadParameter(f"{source} must hold a JSON object, not {type(body).__name__}", param_hint="--body")
    return body


def _with_fields(body: dict[str, Any], fields: Iterable[tuple[BodyField, Any]]) -> dict[str, Any]:
    """``body`` with the flags' values set at their fields (flags win over ``--body``)."""
    for field, value in fields:
        target = body
        for part in field.path[:-1]:
            target = target.setdefault(part, {})
            if not isinstance(target, dict):
                raise click.UsageError(
                    f"--body sets {part} to a {type(target).__name__}, but a flag sets {field.dotted}"
                )
        target[field.path[-1]] = value
    return body


def _help(entry: Mapping[str, Any]) -> str:
    summary = str(entry["summary"] or entry["operationId"]).removeprefix("Amazon ").rstrip(".")
    where = f"{entry['method']} {entry['path']} (operationId {entry['operationId']})"
    text = f"{summary}.\n\n{entry['description']}\n\n\b\n{where}"
    if entry["idempotencyKey"]:
        # Said of what the spec says the operation is (its summary, its idempotency key), not of
        # money: creating a Checkout Session or a report moves none.
        text += (
            f"\n\n{summary} carries an idempotency key ({entry['idempotencyKey']}): the key used is printed to "
            "stderr; re-run a failed call with --idempotency-key KEY and Amazon Pay answers with the first "
            "call's result instead of doing it twice."
        )
    if entry["reconcile"]:
        text += (
            "\n\nRe-run a call that failed or was cut off after it may have been sent with --retrying: if the first "
            "one did it, the object is returned instead of the refusal."
        )
    return text


def method_parameters(entry: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The operation's path and query parameters its resource method takes.

    A paged listing's token is not one: the method follows the pages itself.
    """
    token = (entry["pagination"] or {}).get("token")
    return [p for p in entry["parameters"] if not (p["in"] == "query" and p["name"] == token)]


def operation_command(entry: Mapping[str, Any]) -> click.Command:
    """The command for one registry entry."""
    parameters: list[click.Parameter] = []
    arguments: dict[str, str] = {}  # click's parameter name -> the resource method's argument
    secrets: dict[str, Secret] = {}  # the resource method's argument -> where the secret is read from
    for parameter in method_parameters(entry):
        if parameter["secret"]:
            secrets[parameter["argument"]] = secret = Secret.of_parameter(parameter["name"])
            parameters.append(secret.option())
            continue
        if parameter["in"] == "path":
            click_name = parameter["argument"]
            parameters.append(click.Argument([click_name], metavar=parameter["argument"].upper()))
        else:
            click_name = f"query_{parameter['argument']}"
            parameters.append(
                click.Option(
                    [f"--{kebab(parameter['name'])}", click_name],
                    required=parameter["required"],
                    help=parameter["description"] or None,
                )
            )
        arguments[click_name] = parameter["argument"]
    taken = _PER_CALL | {kebab(p["name"]) for p in method_parameters(entry) if p["in"] == "query"}
    taken |= {secret.flag for secret in secrets.values()}
    fields = body_fields(request_schemas().get(entry["operationId"]), taken) if entry["requestBody"] else {}
    by_click_name: dict[str, BodyField] = {}
    for flag, field in fields.items():
        option = _field_option(flag, field)
        by_click_name[str(option.name)] = field
        parameters.append(option)
    if entry["requestBody"]:
        parameters.append(
            click.Option(
                ["--body"],
                metavar="JSON|@FILE|-",
                help="The request body as JSON: inline, @file.json, or - to read stdin; flags override its fields.",
            )
        )
    if entry["idempotencyKey"]:
        parameters.append(
            click.Option(
                ["--idempotency-key"],
                metavar="KEY",
                help="Reuse the key of an earlier call (printed on stderr) to repeat it safely; default: a new key.",
            )
        )
    if entry["reconcile"]:
        parameters.append(
            click.Option(
                ["--retrying"],
                is_flag=True,
                help="This call repeats one that may have been processed: a refusal because it is already done is "
                "checked against the object, as the client does for its own retries.",
            )
        )
    if entry["simulationCodes"]:
        parameters.append(
            click.Option(
                ["--simulation-code"],
                type=click.Choice(entry["simulationCodes"]),
                help="Sandbox only: simulate this outcome (x-amz-pay-simulation-code).",
            )
        )
    parameters += [
        click.Option(["--timeout"], type=click.FloatRange(min=0, min_open=True), help="Seconds per attempt."),
        click.Option(["--max-retries"], type=click.IntRange(min=0), help="Retries after the first attempt."),
        AUTH_TOKEN.option(),
        # Kept, hidden, to refuse the token where it used to be taken (every user sees arguments).
        click.Option(["--auth-token"], hidden=True, expose_value=True),
        click.Option(["--header"], multiple=True, metavar="NAME:VALUE", help="An extra request header (repeatable)."),
    ]

    def run(**values: Any) -> None:
        context = click.get_current_context()
        if values["auth_token"] is not None:
            _refuse_on_command_line("delegated-access token", AUTH_TOKEN)
        if context.args:  # a secret path parameter given as an argument, the way it used to be
            argument, secret = next(iter(secrets.items()))
            _refuse_on_command_line(argument.upper(), secret)
        files = [values[s.click_name] for s in (*secrets.values(), AUTH_TOKEN)]
        if files.count("-") + (values.get("body") == "-") > 1:
            raise click.UsageError("only one of --body and the --...-file options can read stdin (-)")
        found = {argument: s.read(values[s.click_name], required=True) for argument, s in secrets.items()}
        auth_token = AUTH_TOKEN.read(values[AUTH_TOKEN.click_name], required=False)
        body = None
        if entry["requestBody"]:
            given = [(field, values[name]) for name, field in by_click_name.items() if values[name] is not None]
            body = _with_fields(read_body(values["body"]), given)
        headers: dict[str, str] = {}
        for number, header in enumerate(values["header"], start=1):
            name, colon, value = header.partition(":")
            if not colon or not name.strip():
                # Not echoed: a mistyped header is often a credential (Authorization=..., a token).
                raise click.BadParameter(
                    f"--header number {number} is not NAME:VALUE (e.g. x-request-source:cli); its text is not shown",
                    param_hint="--header",
                )
            headers[name.strip()] = value.strip()
        options = {
            "timeout": values["timeout"],
            "max_retries": values["max_retries"],
            "auth_token": auth_token,
            "simulation_code": values.get("simulation_code"),
            "headers": headers or None,
        }
        call_operation(
            context.find_root().obj,
            CallRequest(
                resource=entry["resource"],
                action=entry["action"],
                arguments={**{argument: values[name] for name, argument in arguments.items()}, **found},
                body=body,
                options={name: value for name, value in options.items() if value is not None},
                takes_idempotency_key=bool(entry["idempotencyKey"]),
                idempotency_key=values.get("idempotency_key"),
                retrying=bool(values.get("retrying")),
            ),
        )

    return click.Command(
        kebab(entry["action"]),
        # A command with a secret path parameter collects stray arguments to refuse the old way.
        context_settings={"allow_extra_args": True} if secrets else None,
        params=parameters,
        callback=run,
        help=_help(entry),
        short_help=str(entry["summary"] or entry["operationId"]).removeprefix("Amazon ").rstrip("."),
    )
