"""`jifen variants export [FILE]` and `jifen variants import FILE`: what staff taught the FAQ
in the console, as YAML for review in git, and the reviewed file back (it becomes what is in
force; every `jifen serve` process follows within seconds). Not `jifen faq`, which answers a
question.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from bot.clock import shanghai_now
from bot.commands import database_session
from bot.config import Settings
from bot.support.learning import decisions, exchange
from bot.support.learning.decisions import TeachError


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = __doc__
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    actions = parser.add_subparsers(dest="action", required=True)
    export = actions.add_parser("export", help="print (or write FILE) the taught YAML")
    export.add_argument("file", nargs="?", help="write here instead of standard output")
    export.set_defaults(run=run_export)
    load = actions.add_parser("import", help="make a reviewed file what is in force")
    load.add_argument("file", help="the YAML file (- for standard input)")
    load.add_argument("--by", default="import", help="whose decision the changes are")
    load.set_defaults(run=run_import)


def run_export(args: argparse.Namespace) -> int:
    text = asyncio.run(_export(Settings()))
    if args.file:
        Path(args.file).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


async def _export(settings: Settings) -> str:
    async with database_session(settings) as session:
        return exchange.export(await decisions.active(session))


def run_import(args: argparse.Namespace) -> int:
    try:
        text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(
            f"jifen variants: {args.file}: cannot read ({error.__class__.__name__})",
            file=sys.stderr,
        )
        return 2
    try:
        done = asyncio.run(_import(Settings(), text, args.by))
    except TeachError as error:
        print(f"jifen variants: {args.file}: {error}; nothing changed", file=sys.stderr)
        return 2
    print(f"added {done.added}, undone {done.undone}")
    return 0


async def _import(settings: Settings, text: str, by: str) -> exchange.Imported:
    async with database_session(settings) as session:
        return await exchange.import_file(session, text, by[:100], shanghai_now())
