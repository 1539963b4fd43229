"""`jifen`: one console script, one module per subcommand under `bot/commands/`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import import_module

# Subcommand -> module under bot/commands/, which has `register(subparsers)`: it adds its
# parser and sets `run`.
COMMANDS = {
    "chat": "chat",
    "faq": "faq",
    "migrate": "migrate",
    "reminders": "reminders",
    "score": "score",
    "serve": "serve",
    "staff": "staff",
    "user": "user",
    "variants": "variants",
    "wechat-menu": "wechat_menu",
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """All subcommands, or just `only`: importing every command module (the service, the FAQ
    index, the dialog) would make `jifen score` wait seconds for code it never runs."""
    parser = argparse.ArgumentParser(prog="jifen", description="上海居住证积分助手 jifen-bot")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name, module in COMMANDS.items():
        if only in (None, name):
            import_module(f"bot.commands.{module}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    chosen = argv[0] if argv and argv[0] in COMMANDS else None
    args = build_parser(chosen).parse_args(argv)
    try:
        status: int = args.run(args)
    except BrokenPipeError:
        # The reader went away (`jifen score x.json | head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
