"""The ``amazonpay`` command group: one subgroup per resource of the registry, and the tools."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any

import click

from amazonpay import __version__
from amazonpay._registry import operation_registry

from ._calling import Settings, emit, fail
from ._operations import kebab, operation_command, read_body


def _resources() -> dict[str, list[Mapping[str, Any]]]:
    """Command name -> the registry entries of that resource, in spec order."""
    resources: dict[str, list[Mapping[str, Any]]] = {}
    for entry in operation_registry():
        resources.setdefault(kebab(entry["resource"]), []).append(entry)
    return resources


class _Resource(click.Group):
    """The operations of one resource, each command built when it is asked for."""

    def __init__(self, name: str, entries: list[Mapping[str, Any]]) -> None:
        actions = ", ".join(kebab(entry["action"]) for entry in entries)
        super().__init__(name, help=f"{name}: {actions}.", short_help=actions)
        self._entries = {kebab(entry["action"]): entry for entry in entries}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self._entries)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = self._entries.get(cmd_name)
        return operation_command(entry) if entry is not None else None


class _Root(click.Group):
    """The tools below, then one group per resource of the operation registry."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*super().list_commands(ctx), *sorted(_resources())]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        tool = super().get_command(ctx, cmd_name)
        if tool is not None:
            return tool
        entries = _resources().get(cmd_name)
        return _Resource(cmd_name, entries) if entries else None


@click.group(
    cls=_Root,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Configuration: AMAZON_PAY_PUBLIC_KEY_ID, AMAZON_PAY_PRIVATE_KEY (a path or the PEM text), "
    "AMAZON_PAY_REGION, and optionally AMAZON_PAY_SANDBOX, AMAZON_PAY_PRIVATE_KEY_PASSWORD and "
    "AMAZON_PAY_BASE_URL (read by AmazonPay.from_env()); secrets such as AMAZON_PAY_AUTH_TOKEN come from the "
    "environment or a --...-file, never from arguments. Results are JSON on stdout; errors go to stderr "
    "with their reason code and request id, and each error class has its own exit code (see the README).",
)
@click.option("--sandbox", is_flag=True, default=None, help="Use Amazon Pay's sandbox (overrides AMAZON_PAY_SANDBOX).")
@click.option("--region", metavar="REGION", help="na|us, eu|de|uk or jp (overrides AMAZON_PAY_REGION).")
@click.option(
    "--base-url",
    metavar="URL",
    help="Send requests here instead, e.g. the simulator's base URL (http only on loopback; overrides "
    "AMAZON_PAY_BASE_URL).",
)
@click.version_option(__version__, prog_name="amazonpay")
@click.pass_context
def cli(ctx: click.Context, sandbox: bool | None, region: str | None, base_url: str | None) -> None:
    """Call the Amazon Pay API v2: amazonpay RESOURCE METHOD [ID] [FLAGS].

    Every operation of the spec is a command, with its help from the spec. Commands that carry
    an idempotency key print the one they use to stderr: re-run a failed one with
    --idempotency-key KEY and Amazon Pay will not act twice.
    """
    ctx.obj = Settings(sandbox=sandbox, region=region, base_url=base_url)


@cli.command("sign-button")
@click.argument("payload", metavar="PAYLOAD.json")
@click.pass_obj
def sign_button(settings: Settings, payload: str) -> None:
    """Sign a checkout button payload (a JSON file, or - for stdin).

    Prints payloadJSON, signature and algorithm: give the button's createCheckoutSessionConfig
    exactly these values (the payload as signed: compact JSON, non-ASCII kept as is).
    """
    from amazonpay import AmazonPayError

    data = read_body(payload if payload == "-" else f"@{payload}")
    try:
        with settings.client() as pay:
            text, signature = pay.sign_button_payload(data)
            algorithm = pay.algorithm
    except AmazonPayError as error:
        fail(error)
    emit({"payloadJSON": text, "signature": signature, "algorithm": algorithm})


@cli.group()
def simulator() -> None:
    """The amazonpay.testing sandbox simulator."""


@simulator.command(
    "serve",
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []},
    add_help_option=False,
)
@click.argument("arguments", nargs=-1, type=click.UNPROCESSED)
def serve(arguments: tuple[str, ...]) -> None:
    """Serve the simulator on loopback (options as python -m amazonpay.testing; --help lists them)."""
    from amazonpay.testing.__main__ import main

    sys.exit(main(list(arguments), prog="amazonpay simulator serve"))
