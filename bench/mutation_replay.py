"""Record and replay: mutmut's mutants of one module judged in one process, not one pytest each.

At a load of 8-10 mutmut spent minutes on every mutant of a parser (each runs, in a forked
worker, every test that reaches it). Most of that time proves nothing: a mutant that returns
what the original returns on every call the tests make cannot be killed by those tests. So:

1. generate  mutmut's own mutants into `mutants/` (same operators, same names as `mutmut run`);
2. record    run the test files once, unmutated, with this file as a pytest plugin: every call
             a function of the module gets is kept (its arguments pickled, and which tests made it);
3. replay    in one process, each mutant in turn on every recorded call, compared with the
             original (the value, the exception's class and arguments, the arguments after the
             call): the same on every call is a survivor, exactly; a difference is a candidate kill;
4. confirm   each candidate against the tests that made the calls it changes
             (`MUTANT_UNDER_TEST=... pytest NODEIDS`): killed only if one fails. `--no-confirm`
             leaves candidates unconfirmed and says so.

Run inside the scratch copy `bench/mutation.sh --replay MODULE [GLOB...]` makes (its
setup.cfg, its `plugins` folder on PYTHONPATH):

    python plugins/mutation_replay.py run [--no-confirm | --sample N --seed S] TEST... [-- GLOB...]

`--sample N --seed S` confirms N of the candidates drawn at random (`random.Random(S)`) and
estimates the rest from them: a module of hundreds of candidates in minutes, not hours.

A function no recorded call reaches (a class method called through its class, or no test) has
its mutants counted surviving, "reached by no recorded call". A mutant that runs past its
time bound in the replay is counted a candidate kill like any other difference.
"""

from __future__ import annotations

import argparse
import copyreg
import fnmatch
import inspect
import json
import os
import pickle
import random
import re
import signal
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

from mutation_report import report  # beside this file (bench/, or the scratch's plugins/)

RECORDING = Path("replay-calls.pickle")  # in mutants/: {dict name: {pickled call: [test ids]}}
MODULES = "MUTATION_REPLAY_MODULES"  # the recorder's modules, comma-separated
# The tests run to confirm a candidate (those whose calls it changes): the first 25, then if
# none failed the next 225. A builder's mutant (titles._build_scanner) changes the calls of a
# hundred tests or more, and its killing test was often past the first 25.
CONFIRM_TESTS = (25, 250)
PYTEST = ["-q", "-p", "no:cacheprovider", "-p", "mutation_profile"]  # as mutation.sh's setup.cfg
CONFIRM_SECONDS = 300  # a candidate's tests running longer are stopped: counted killed (hung)


# --- 1. generate ----------------------------------------------------------------------------


def generate() -> list[str]:
    """mutmut's mutants of setup.cfg's `only_mutate` files into mutants/; their module names."""
    from mutmut.__main__ import create_mutants
    from mutmut.configuration import config
    from mutmut.mutation.trampoline import set_mutant_under_test
    from mutmut.utils.file_utils import copy_also_copy_files, copy_src_dir, setup_source_paths

    set_mutant_under_test("mutant_generation")
    Path("mutants").mkdir(exist_ok=True)
    copy_src_dir()
    copy_also_copy_files()
    setup_source_paths()
    create_mutants(1)
    paths = sorted({str(path) for pattern in config().only_mutate for path in Path().glob(pattern)})
    return [p.removesuffix(".py").replace("/", ".").removesuffix(".__init__") for p in paths]


def _mutant_tables(module: Any) -> dict[str, dict[str, Callable[..., Any]]]:
    """The module's mutmut tables, `mutants_<mangled>__mutmut`: {mutant name: function},
    the original under `_mutmut_orig`."""
    return {
        name: table
        for name, table in vars(module).items()
        if name.startswith("mutants_") and name.endswith("__mutmut") and isinstance(table, dict)
    }


# --- 2. record (a pytest plugin while the tests run once, unmutated) -----------------------

_calls: dict[str, dict[bytes, list[str]]] = defaultdict(dict)
_unpicklable: dict[str, int] = defaultdict(int)
_test = ["(collection)"]


def _match(pattern: re.Pattern[str], string: str, span: tuple[int, int], end: int) -> Any:
    """A match rebuilt where it was found: the same pattern tried at the same place of the same
    text finds the same match (a fullmatch's, when `match` stops elsewhere)."""
    found = pattern.match(string, span[0], end)
    if found is None or found.span() != span:
        found = pattern.fullmatch(string, span[0], span[1])
    return found


# A parser's helper given a match (durations._span) is replayed on the match found again.
copyreg.pickle(re.Match, lambda m: (_match, (m.re, m.string, m.span(), m.endpos)))


def _recording(table_name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(original)
    def recorded(*args: Any, **kwargs: Any) -> Any:
        try:
            call = pickle.dumps((args, kwargs))
        except Exception:  # a lock, a session, a lambda: this call cannot be replayed
            _unpicklable[table_name] += 1
        else:
            tests = _calls[table_name].setdefault(call, [])
            if _test[0] not in tests:
                tests.append(_test[0])
        return original(*args, **kwargs)

    return recorded


def pytest_configure(config: Any) -> None:
    import importlib

    for module_name in filter(None, os.environ.get(MODULES, "").split(",")):
        for name, table in _mutant_tables(importlib.import_module(module_name)).items():
            table["_mutmut_orig"] = _recording(name, table["_mutmut_orig"])


def pytest_runtest_protocol(item: Any, nextitem: Any) -> None:
    _test[0] = item.nodeid


def pytest_sessionfinish(session: Any, exitstatus: int) -> None:
    if os.environ.get(MODULES):
        RECORDING.write_bytes(pickle.dumps((dict(_calls), dict(_unpicklable))))


def record(modules: list[str], tests: list[str]) -> int:
    env = {**os.environ, MODULES: ",".join(modules), "MUTANT_UNDER_TEST": ""}
    command = [sys.executable, "-m", "pytest", *PYTEST, "-p", "mutation_replay", *tests]
    return subprocess.run(command, cwd="mutants", env=env).returncode


# --- 3. replay --------------------------------------------------------------------------------


class _TimedOut(BaseException):
    """Raised by the alarm in a mutant running past its bound (not an Exception: not caught)."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise _TimedOut


def _forget_caches() -> None:
    """The parsers' vocabularies and typo correctors are built once per process: built again,
    or a mutant of a builder would never run (as the mutation_profile plugin does per test)."""
    from dialogs.parsing import text
    from dialogs.parsing.vocabulary import forget

    forget()
    text._typos.cache_clear()
    table = sys.modules.get("dialogs.intent_table")
    if table is not None:
        table.typos.cache_clear()


def _same(a: Any, b: Any) -> bool:
    """Equal and shown alike: a field left out of `==` (`Ambiguous.values`, the question's
    placeholders) is in the repr, and an object without an `__eq__` of its own (a Match) is
    compared by it."""
    if type(a) is not type(b) or repr(a) != repr(b):
        return False
    try:
        return bool(a == b) or type(a).__eq__ is object.__eq__
    except Exception:
        return True  # the reprs agree


def _outcome(function: Callable[..., Any], call: bytes) -> tuple[Any, ...]:
    args, kwargs = pickle.loads(call)  # a fresh copy: a mutant may change its arguments
    try:
        value = function(*args, **kwargs)
        if inspect.isgenerator(value):
            value = list(value)
    except Exception as error:  # what a caller could tell apart: class, arguments, attributes
        # (Unclear("error-count-range", value=70) keeps its placeholders out of `args`)
        return ("raised", type(error).__qualname__, error.args, dict(vars(error)))
    return ("returned", value, args, kwargs)


def _differs(expected: tuple[Any, ...], got: tuple[Any, ...]) -> bool:
    return len(expected) != len(got) or not all(map(_same, expected, got))


def replay(modules: list[str], globs: list[str]) -> dict[str, dict[str, Any]]:
    """Each mutant on the recorded calls of its function: {mutant: {"verdict", "tests"}}."""
    import importlib

    from mutmut.mutation.trampoline import set_mutant_under_test

    sys.path.insert(0, str(Path("mutants").resolve()))
    os.chdir("mutants")
    calls, unpicklable = pickle.loads(RECORDING.read_bytes())
    signal.signal(signal.SIGALRM, _on_alarm)
    verdicts: dict[str, dict[str, Any]] = {}
    for module_name in modules:
        for table_name, table in _mutant_tables(importlib.import_module(module_name)).items():
            recorded = calls.get(table_name, {})
            if unpicklable.get(table_name):
                print(f"   {table_name}: {unpicklable[table_name]} unpicklable calls not recorded")
            set_mutant_under_test("")
            _forget_caches()
            started = time.monotonic()
            expected = {call: _outcome(table["_mutmut_orig"], call) for call in recorded}
            bound = max(2.0, 20 * (time.monotonic() - started))
            for key in table:
                name = f"{module_name}.{key}"
                if key == "_mutmut_orig" or not any(fnmatch.fnmatch(name, g) for g in globs):
                    continue
                if not recorded:
                    verdicts[name] = {"verdict": "unreached", "tests": []}
                    continue
                set_mutant_under_test(name)
                _forget_caches()
                changed: list[str] = []
                signal.setitimer(signal.ITIMER_REAL, bound)
                try:
                    for call, tests in recorded.items():
                        if _differs(expected[call], _outcome(table[key], call)):
                            changed += [t for t in tests if t not in changed]
                    verdict = "differs" if changed else "same"
                except (_TimedOut, RecursionError):
                    verdict, changed = "timed out", [t for ts in recorded.values() for t in ts]
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                verdicts[name] = {"verdict": verdict, "tests": changed}
    set_mutant_under_test("")
    os.chdir("..")
    return verdicts


# --- 4. confirm ------------------------------------------------------------------------------


_CONFIRMED = {0: "survived (no test failed)", 5: "survived (no test ran)"}  # pytest's exit codes


def confirm(candidates: dict[str, list[str]], bound: float) -> dict[str, str]:
    """Run the tests whose calls each candidate changes against it: "killed" if one fails.
    pytest and the tests' imports are loaded once; each mutant runs in a fork (as mutmut's
    workers do), stopped by an alarm after `bound` seconds (counted killed, timed out)."""
    import pytest
    from mutmut.mutation.trampoline import set_mutant_under_test

    os.chdir("mutants")
    os.environ.pop(MODULES, None)
    set_mutant_under_test("")
    warm = sorted({test.split("::")[0] for tests in candidates.values() for test in tests})
    with open(os.devnull, "w") as quiet:
        saved = os.dup(1), os.dup(2)
        os.dup2(quiet.fileno(), 1), os.dup2(quiet.fileno(), 2)
        try:
            pytest.main([*PYTEST, "--collect-only", *warm])
        finally:
            os.dup2(saved[0], 1), os.dup2(saved[1], 2)
        outcomes = {}
        for name, tests in candidates.items():
            outcomes[name] = _forked(name, tests[: CONFIRM_TESTS[0]], bound, quiet.fileno())
            rest = tests[CONFIRM_TESTS[0] : CONFIRM_TESTS[1]]
            if rest and outcomes[name].startswith("survived"):
                more = _forked(name, rest, bound, quiet.fileno())
                outcomes[name] = outcomes[name] if more.endswith("(timed out)") else more
            print(f"   {name}: pytest {outcomes[name]}", flush=True)
    os.chdir("..")
    return outcomes


def _drawn(candidates: dict[str, list[str]], sample: int | None, seed: int) -> dict[str, list[str]]:
    """All the candidates, or `sample` of them drawn with `random.Random(seed)` (reproducible)."""
    if sample is None or sample >= len(candidates):
        return candidates
    return dict(random.Random(seed).sample(sorted(candidates.items()), sample))


def _forked(name: str, tests: list[str], bound: float, quiet: int) -> str:
    """`pytest -x TESTS` against the mutant in a fork of this (warmed) process: its verdict."""
    import pytest
    from mutmut.mutation.trampoline import set_mutant_under_test

    pid = os.fork()
    if pid == 0:
        os.dup2(quiet, 1), os.dup2(quiet, 2)
        set_mutant_under_test(name)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        signal.setitimer(signal.ITIMER_REAL, bound)
        os._exit(int(pytest.main([*PYTEST, "-x", *tests])))
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    return "killed (timed out)" if code == -signal.SIGALRM else _CONFIRMED.get(code, "killed")


def run(
    tests: list[str], globs: list[str], confirming: bool, sample: int | None, seed: int
) -> None:
    modules = generate()
    print(f"== record: {' '.join(tests)} ==", flush=True)
    if record(modules, tests) != 0:
        sys.exit("the tests fail unmutated: fix them first")
    verdicts = replay(modules, globs or ["*"])
    Path("replay.json").write_text(json.dumps(verdicts, ensure_ascii=False, indent=1))
    for name, found in sorted(verdicts.items()):  # known before any pytest: shown at once
        if found["verdict"] in ("same", "unreached"):
            print(f"   {name}: {found['verdict']}", flush=True)
    if confirming:
        differ = {n: f["tests"] for n, f in sorted(verdicts.items()) if f["verdict"] == "differs"}
        for name, outcome in confirm(_drawn(differ, sample, seed), CONFIRM_SECONDS).items():
            verdicts[name]["pytest"] = outcome
    Path("replay.json").write_text(json.dumps(verdicts, ensure_ascii=False, indent=1))
    report(verdicts, confirming)


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(usage=__doc__)
    parser.add_argument("command", choices=["run"])
    parser.add_argument("--no-confirm", dest="confirming", action="store_false")
    parser.add_argument("--sample", type=int, help="confirm this many candidates, drawn at random")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("tests", nargs="+")
    split = argv.index("--") if "--" in argv else len(argv)
    found = parser.parse_args(argv[:split])
    found.globs = argv[split + 1 :]
    return found


if __name__ == "__main__":
    given = _arguments(sys.argv[1:])
    run(given.tests, given.globs, given.confirming, given.sample, given.seed)
