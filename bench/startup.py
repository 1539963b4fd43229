"""Process starts: median wall and CPU time of N starts of each `jifen` command the tests start,
and their ratio to `python -c pass` timed in the same run. Prints figures, asserts nothing.

A start of `serve` lasts until /healthz answers (imports, migrations, the FAQ index), one of
`reminders run` until the worker logs its senders (on a database migrated beforehand, untimed),
then each is stopped with SIGTERM; the others run to their end. With `--before TREE` (a checkout
of another commit, e.g. `git archive main | tar -x -C /tmp/before`) every case also runs on that
tree, alternating with this one, so a change of the machine's load hits both alike.

Run: python bench/startup.py [--runs N] [--before TREE] [--only CASE ...]
"""

from __future__ import annotations

import argparse
import os
import resource
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
EXAMPLE = "examples/worked-2-bachelor-degree.json"
CASES: dict[str, list[str]] = {
    "python -c pass": ["-c", "pass"],
    "jifen --help": ["-m", "bot.cli", "--help"],
    "jifen score": ["-m", "bot.cli", "score", EXAMPLE],
    "jifen migrate": ["-m", "bot.cli", "migrate"],
    "jifen serve": ["-m", "bot.cli", "serve", "--host", "127.0.0.1"],
    "jifen reminders run": ["-m", "bot.cli", "reminders", "run"],
}
WORKER_READY = b"reminder worker: senders for"


@dataclass
class Start:
    wall: float
    cpu: float


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def start(tree: Path, arguments: list[str], scratch: Path) -> Start:
    """One start of `python ARGUMENTS` on `tree`, in `scratch` (no .env), on a fresh SQLite."""
    database = scratch / f"jifen-{time.monotonic_ns()}.db"
    environment = {k: v for k, v in os.environ.items() if not k.startswith("JIFEN_")}
    environment.update(PYTHONPATH=str(tree), JIFEN_DATABASE_URL=f"sqlite+aiosqlite:///{database}")
    environment["JIFEN_METRICS_PORT"] = "0"
    serving, working = "serve" in arguments, "reminders" in arguments
    port = free_port()
    command = [sys.executable, *arguments, *(["--port", str(port)] if serving else [])]
    if working:
        migrate = [sys.executable, "-m", "bot.cli", "migrate"]
        subprocess.run(migrate, cwd=tree, env=environment, check=True, capture_output=True)
    log = (scratch / "output.log").open("wb")
    cpu, began = children_cpu(), time.perf_counter()
    process = subprocess.Popen(
        command, cwd=scratch if serving else tree, env=environment, stdout=log, stderr=log
    )
    if serving or working:
        if serving:
            wait_healthy(process, port, log.name)
        else:
            wait_logged(process, Path(log.name), WORKER_READY)
        wall = time.perf_counter() - began
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
    else:
        status = process.wait(timeout=300)
        wall = time.perf_counter() - began
        if status != 0:
            raise RuntimeError(f"{command} exited with {status}: {Path(log.name).read_text()}")
    log.close()
    return Start(wall, children_cpu() - cpu)


def wait_healthy(process: subprocess.Popen[bytes], port: int, log: str) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"serve exited with {process.returncode}: {Path(log).read_text()}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError("jifen serve did not answer /healthz")


def wait_logged(process: subprocess.Popen[bytes], log: Path, line: bytes) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"exited with {process.returncode}: {log.read_text()}")
        if line in log.read_bytes():
            return
        time.sleep(0.05)
    raise TimeoutError(f"{line.decode()} never logged")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", type=Path, help="another tree to time alongside this one")
    parser.add_argument("--only", nargs="*", choices=list(CASES), help="these cases only")
    args = parser.parse_args()
    trees = {"after": HERE} if args.before is None else {"before": args.before, "after": HERE}
    cases = args.only or list(CASES)
    if "python -c pass" not in cases:
        cases.insert(0, "python -c pass")
    starts: dict[tuple[str, str], list[Start]] = {}
    with tempfile.TemporaryDirectory(prefix="jifen-startup-") as scratch:
        for _ in range(args.runs):
            for case in cases:
                for name, tree in trees.items():
                    one = start(tree, CASES[case], Path(scratch))
                    starts.setdefault((case, name), []).append(one)
    print(f"median of {args.runs} starts; ratio = wall / wall of `python -c pass` in this run")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    print(f"{'case':<20}{'tree':<8}{'wall s':>8}{'cpu s':>8}{'ratio':>8}")
    for name in trees:
        baseline = statistics.median(s.wall for s in starts[("python -c pass", name)])
        for case in cases:
            wall = statistics.median(s.wall for s in starts[(case, name)])
            cpu = statistics.median(s.cpu for s in starts[(case, name)])
            print(f"{case:<20}{name:<8}{wall:>8.2f}{cpu:>8.2f}{wall / baseline:>8.0f}")


if __name__ == "__main__":
    main()
