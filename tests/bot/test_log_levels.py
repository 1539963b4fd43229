"""Logs are quiet by default: our events at info, the libraries that log every message or
request at warning; an asked-for level applies to everything."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from bot.cli import build_parser
from bot.observability.logs import configure_logging


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    chatty = {name: logging.getLogger(name).level for name in ("transitions", "aiohttp.access")}
    yield
    for handler in root.handlers[:]:
        root.removeHandler(handler)
    for handler in saved[0]:
        root.addHandler(handler)
    root.setLevel(saved[1])
    for name, level in chatty.items():
        logging.getLogger(name).setLevel(level)


def emit(level: str | None) -> str:
    stream = io.StringIO()
    configure_logging("text", level, stream=stream)
    logging.getLogger("jifen.service").info("step done")
    logging.getLogger("jifen.service").debug("step details")
    logging.getLogger("transitions.core").info("Executed callback 'ask_next'")
    logging.getLogger("aiogram.event").info("Update id=1 is handled")
    logging.getLogger("aiohttp.access").info("POST /api/chat 200")
    logging.getLogger("bm25s").debug("Split strings")
    logging.getLogger("transitions.core").warning("a transition failed")
    return stream.getvalue()


@pytest.mark.usefixtures("restore_logging")
def test_by_default_our_events_show_and_the_chatty_libraries_only_warn() -> None:
    out = emit(None)
    assert "step done" in out and "a transition failed" in out
    for quiet in ("step details", "Executed callback", "Update id=1", "POST /api/chat", "Split"):
        assert quiet not in out


@pytest.mark.usefixtures("restore_logging")
def test_an_asked_level_applies_to_every_logger() -> None:
    out = emit("info")
    assert "Executed callback" in out and "POST /api/chat" in out and "Update id=1" in out
    assert "step details" not in out
    assert "Split strings" in emit("debug")
    assert "step done" not in emit("warning")


def test_serve_takes_log_level_in_any_case_and_refuses_others(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert build_parser("serve").parse_args(["serve", "--log-level", "DEBUG"]).log_level == "debug"
    with pytest.raises(SystemExit) as refused:
        build_parser("serve").parse_args(["serve", "--log-level", "loud"])
    assert refused.value.code == 2 and "--log-level" in capsys.readouterr().err
