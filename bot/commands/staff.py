"""`jifen staff add NAME --role agent|admin [--generate | --password-stdin]` and
`jifen staff disable NAME`."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import secrets
import sys

from sqlalchemy import select

from bot.clock import shanghai_now
from bot.commands import database_session
from bot.config import Settings
from bot.support.accounts import ROLES, AccountError, add_staff, set_enabled
from bot.support.models import Staff


def register(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="add a staff account (asks for the password)")
    add.add_argument("name")
    add.add_argument("--role", choices=ROLES, default="agent")
    how = add.add_mutually_exclusive_group()
    how.add_argument("--generate", action="store_true", help="make up a password and print it once")
    how.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    add.set_defaults(run=run_add)
    disable = actions.add_parser("disable", help="disable an account and end its sessions")
    disable.add_argument("name")
    disable.set_defaults(run=run_disable)


def _password(args: argparse.Namespace) -> str | None:
    """Made up, or one line of standard input when it is not a terminal (a pipe, a secret
    file, `--password-stdin`), or typed twice at the terminal without echo."""
    if args.generate:
        return secrets.token_urlsafe(15)
    if args.password_stdin or not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            print("jifen staff: no password on standard input", file=sys.stderr)
            return None
        return password
    first = getpass.getpass("password: ")
    if getpass.getpass("again: ") != first:
        print("jifen staff: the passwords differ", file=sys.stderr)
        return None
    return first


def run_add(args: argparse.Namespace) -> int:
    password = _password(args)
    if password is None:
        return 2
    try:
        asyncio.run(_add(Settings(), args.name, args.role, password))
    except AccountError as error:
        print(f"jifen staff: {error}", file=sys.stderr)
        return 2
    print(f"added {args.role} {args.name}")
    if args.generate:
        print(f"password (shown once): {password}")
    return 0


async def _add(settings: Settings, name: str, role: str, password: str) -> None:
    async with database_session(settings) as session:
        await add_staff(session, name, role, password, shanghai_now())


def run_disable(args: argparse.Namespace) -> int:
    if not asyncio.run(_disable(Settings(), args.name)):
        print(f"jifen staff: no account named {args.name}", file=sys.stderr)
        return 2
    print(f"disabled {args.name}")
    return 0


async def _disable(settings: Settings, name: str) -> bool:
    async with database_session(settings) as session:
        staff_id = await session.scalar(select(Staff.id).where(Staff.name == name))
        return staff_id is not None and await set_enabled(session, staff_id, False)
