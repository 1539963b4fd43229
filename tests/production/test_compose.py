"""docker-compose.yml, checked without Docker: the services, their order, and that every
command and JIFEN_ variable in it is one this code knows."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy.engine import make_url

from bot.cli import build_parser
from bot.config import Settings

COMPOSE = Path(__file__).parents[2] / "docker-compose.yml"


@pytest.fixture(scope="module")
def services() -> dict[str, Any]:
    compose = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    result: dict[str, Any] = compose["services"]
    return result


def interpolated(value: str) -> str:
    """${NAME:-default} as Compose fills it in when NAME is not set."""
    return re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", value)


def test_postgres_migrate_serve_and_the_reminder_worker(services: dict[str, Any]) -> None:
    assert set(services) == {"postgres", "migrate", "serve", "reminders"}
    assert services["postgres"]["image"] == "postgres:16"
    assert "pg_isready" in " ".join(services["postgres"]["healthcheck"]["test"])


@pytest.mark.parametrize(
    ("service", "command"),
    [
        ("migrate", ["jifen", "migrate"]),
        ("serve", ["jifen", "serve"]),
        ("reminders", ["jifen", "reminders", "run"]),
    ],
)
def test_each_service_runs_a_jifen_command(
    services: dict[str, Any], service: str, command: list[str]
) -> None:
    assert services[service]["command"] == command
    build_parser().parse_args(command[1:])  # exits if the command does not exist


def test_migrations_run_once_before_the_service_and_the_worker(services: dict[str, Any]) -> None:
    assert services["migrate"]["depends_on"] == {"postgres": {"condition": "service_healthy"}}
    assert services["migrate"]["restart"] == "no"
    for name in ("serve", "reminders"):
        assert services[name]["depends_on"] == {
            "postgres": {"condition": "service_healthy"},
            "migrate": {"condition": "service_completed_successfully"},
        }


def test_the_service_listens_on_8080_and_is_checked_at_healthz(services: dict[str, Any]) -> None:
    serve = services["serve"]
    assert interpolated(serve["ports"][0]) == "127.0.0.1:8080:8080"
    assert serve["environment"]["JIFEN_HOST"] == "0.0.0.0"
    assert "/healthz" in " ".join(serve["healthcheck"]["test"])
    for name in ("migrate", "reminders"):  # they serve no HTTP: the image's check must not run
        assert services[name]["healthcheck"] == {"disable": True}


def test_every_jifen_process_uses_the_same_postgresql(services: dict[str, Any]) -> None:
    urls = {interpolated(services[name]["environment"]["JIFEN_DATABASE_URL"]) for name in
            ("migrate", "serve", "reminders")}  # fmt: skip
    [url] = urls
    parsed = make_url(url)
    postgres = services["postgres"]["environment"]
    assert parsed.drivername == "postgresql+asyncpg"
    assert (parsed.host, parsed.port, parsed.database) == (
        "postgres",
        5432,
        postgres["POSTGRES_DB"],
    )
    assert parsed.username == postgres["POSTGRES_USER"]
    assert parsed.password == interpolated(postgres["POSTGRES_PASSWORD"])


def test_every_jifen_variable_is_a_setting(services: dict[str, Any]) -> None:
    for name in ("migrate", "serve", "reminders"):
        for key in services[name]["environment"]:
            assert key.startswith("JIFEN_")
            assert key.removeprefix("JIFEN_").lower() in Settings.model_fields, key


def test_published_ports_are_bound_to_the_loopback_by_default(services: dict[str, Any]) -> None:
    for name, service in services.items():
        for port in service.get("ports", []):
            assert interpolated(port).startswith("127.0.0.1:"), (name, port)


def test_the_metrics_port_is_never_published_beyond_the_loopback(services: dict[str, Any]) -> None:
    environment = services["serve"]["environment"]
    metrics = [port for port in services["serve"]["ports"] if "9464" in port]
    assert environment["JIFEN_METRICS_PORT"] == "9464"
    assert metrics == ["127.0.0.1:9464:9464"]
