"""`jifen`: one console script, one module per subcommand under `bot/commands/`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import import_module

# Subcommand -> (its module under bot/commands/, its line in `jifen --help`). A module has
# `register(parser)`: it adds the subcommand's arguments and sets `run`.
COMMANDS = {
    "chat": ("chat", "talk to the bot in this terminal"),
    "faq": ("faq", "回答积分办理问题 / answer a procedure question"),
    "migrate": ("migrate", "upgrade the database schema"),
    "reminders": ("reminders", "reminder plans and the reminder worker"),
    "score": ("score", "计算居住证积分 / score a profile"),
    "serve": ("serve", "run the service (web chat at /)"),
    "staff": ("staff", "staff accounts of the console"),
    "user": ("user", "export or delete everything stored about one person"),
    "variants": ("variants", "export or import what staff taught the FAQ"),
    "wechat-menu": ("wechat_menu", "create the WeChat custom menu"),
}


def build_parser(only: str | None = None, *, arguments: bool = True) -> argparse.ArgumentParser:
    """Every subcommand, or just `only`, with its arguments; with `arguments=False`, every
    subcommand with its line of help only, which is all `jifen --help` shows. Importing every
    command module (the service, the FAQ index, the dialog) took seconds: only a subcommand
    that runs, or whose arguments are asked for, is imported."""
    parser = argparse.ArgumentParser(prog="jifen", description="上海居住证积分助手 jifen-bot")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name, (module, summary) in COMMANDS.items():
        if only in (None, name):
            command = subparsers.add_parser(name, help=summary)
            if arguments:
                import_module(f"bot.commands.{module}").register(command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    chosen = argv[0] if argv and argv[0] in COMMANDS else None
    # No subcommand named (`jifen --help`, a typo): argparse prints the list and exits.
    args = build_parser(chosen, arguments=chosen is not None).parse_args(argv)
    try:
        status: int = args.run(args)
    except BrokenPipeError:
        # The reader went away (`jifen score x.json | head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
