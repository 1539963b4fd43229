"""A process imports what its command needs: aiogram alone took 3 s of CPU to import, a third of a
`jifen serve` start, so a server or a reminder worker without Telegram, and `jifen score`, must
not import it (nor `jifen score` and `jifen --help` the FAQ's scikit-learn and jieba).

Each case runs in a fresh interpreter (this one has imported everything already)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HEAVY = ("aiogram", "wechatpy", "sklearn", "jieba")

# Builds the app of `jifen serve` as serve does, without the channels' settings, then with them:
# prints which of HEAVY were imported after each.
SERVE = """
import json, sys
from pydantic import SecretStr
from bot.app import build_app
from bot.config import Settings
from bot.runtime import build_runtime

def loaded():
    return sorted(name for name in {heavy} if name in sys.modules)

url = "sqlite+aiosqlite:///" + sys.argv[1]
build_app(build_runtime(Settings(database_url=url)))
plain = loaded()
secrets = ("telegram_token", "telegram_webhook_secret", "wechat_token")
tokens = {{name: SecretStr("123456:TEST") for name in secrets}}
app = build_app(build_runtime(Settings(database_url=url, **tokens)))
print(json.dumps([plain, loaded(), sorted(str(r.resource.canonical) for r in app.router.routes())]))
"""

# The reminder worker's senders (`jifen reminders run`) without the channels' settings, then with
# them: which senders were built and which of HEAVY were imported after each.
SENDERS = """
import asyncio, json, sys
from pydantic import SecretStr
from bot.commands.reminders import channel_senders
from bot.config import Settings
from bot.storage.database import Database

def loaded():
    return sorted(name for name in {heavy} if name in sys.modules)

async def senders(**settings):
    db = Database("sqlite+aiosqlite:///" + sys.argv[1])
    async with channel_senders(Settings(**settings), db) as built:
        names = sorted(built)
    await db.dispose()
    return names

plain = asyncio.run(senders())
before = loaded()
telegram = dict(telegram_token=SecretStr("123456:TEST"))
configured = asyncio.run(senders(**telegram, wechat_appid="wx1", wechat_secret=SecretStr("s")))
print(json.dumps([plain, before, configured, loaded()]))
"""

SCORE = """
import json, sys
from bot.cli import main
status = main(["score", "examples/worked-2-bachelor-degree.json"])
print(json.dumps([status, sorted(name for name in {heavy} if name in sys.modules)]))
"""

HELP = """
import contextlib, io, json, sys
from bot.cli import main
shown = io.StringIO()
with contextlib.redirect_stdout(shown), contextlib.suppress(SystemExit):
    main(["--help"])
print(json.dumps([shown.getvalue(), sorted(name for name in {heavy} if name in sys.modules)]))
"""


def probe(code: str, *args: str) -> list[object]:
    command = [sys.executable, "-c", code.format(heavy=HEAVY), *args]
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=180)
    assert done.returncode == 0, done.stderr
    result: list[object] = json.loads(done.stdout.splitlines()[-1])
    return result


def test_a_server_imports_the_telegram_and_wechat_libraries_only_when_they_are_set(
    tmp_path: Path,
) -> None:
    plain, configured, routes = probe(SERVE, str(tmp_path / "jifen.db"))
    assert "aiogram" not in plain and "wechatpy" not in plain
    assert {"aiogram", "wechatpy"} <= set(configured)  # type: ignore[arg-type]
    assert {"/telegram/webhook", "/wechat"} <= set(routes)  # type: ignore[arg-type]


def test_the_reminder_worker_imports_a_channels_library_only_when_it_is_set(
    tmp_path: Path,
) -> None:
    plain, plain_loaded, configured, configured_loaded = probe(SENDERS, str(tmp_path / "j.db"))
    assert plain == [] and plain_loaded == []
    assert configured == ["telegram", "wechat"]
    assert {"aiogram", "wechatpy"} <= set(configured_loaded)  # type: ignore[arg-type]


def test_score_imports_no_channel_library_and_no_faq_model() -> None:
    status, loaded = probe(SCORE)
    assert status == 0
    assert loaded == []


def test_help_lists_every_command_and_imports_none_of_them() -> None:
    shown, loaded = probe(HELP)
    assert isinstance(shown, str)
    for name, summary in [("score", "计算居住证积分 / score a profile"), ("wechat-menu", "create")]:
        assert re.search(rf"^ +{name} +{summary}", shown, re.MULTILINE), shown
    assert loaded == []
