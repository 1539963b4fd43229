"""`jifen`: one console script, one module per subcommand under `bot/commands/`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module

# Each module has `register(subparsers)`, which adds its parser and sets `run`.
COMMANDS = (
    "faq",
    "chat",
    "migrate",
    "score",
    "serve",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jifen", description="上海居住证积分助手 jifen-bot")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        import_module(f"bot.commands.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    status: int = args.run(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
