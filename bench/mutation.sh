#!/usr/bin/env bash
# Mutation testing of one module against its own tests only (mutmut 3), by hand, not in CI.
#
#   bench/mutation.sh MODULE [--max-children N] [MUTANT NAMES]
#   TESTS="tests/a.py tests/b.py" bench/mutation.sh MODULE ...   (narrower test files)
#   bench/mutation.sh --replay [--no-confirm] MODULE [MUTANT GLOBS]   (record and replay)
#   bench/mutation.sh --replay --sample N --seed S MODULE [GLOBS]   (N candidates confirmed)
#
# MODULE is one of the names below, or one file of scoring/ (scoring/rules.py) to mutate just
# that file against tests/scoring, or one file of dialogs/parsing/ against the parser tests. The tree is copied to a scratch directory (nothing in the
# worktree is touched), mutmut mutates only the module's files and runs only the module's
# test files against each mutant, then prints the survivors and "killed/total". A module
# fits in minutes on 2 cores. Needs `pip install mutmut` (the `mutation` extra).
#
# Equivalent mutants (a change no test can see because behaviour does not change) are listed
# with their reasons in docs/mutation.md.
set -euo pipefail

# --replay: bench/mutation_replay.py instead of `mutmut run` (the tests run once recording every
# call of the module's functions, each mutant replayed on them in one process, the candidates
# confirmed by the tests that made the calls they change). Much faster on a loaded machine.
replay=""
if [ "${1:-}" = "--replay" ]; then replay=1; shift; fi
confirm=()  # --no-confirm, or --sample N --seed S: passed on to mutation_replay.py
while [ "${1:-}" = "--no-confirm" ] || [ "${1:-}" = "--sample" ] || [ "${1:-}" = "--seed" ]; do
  if [ "$1" = "--no-confirm" ]; then confirm+=("$1"); shift; else confirm+=("$1" "$2"); shift 2; fi
done
module="${1:?usage: bench/mutation.sh MODULE  (scoring | delivery | wechat-signing | accounts | parsers)}"
shift
repo="$(cd "$(dirname "$0")/.." && pwd)"
# The answer parsers: their own tests, the answer dev set through the dialog step, and the
# answer patterns typed into the service.
parser_tests="tests/dialogs/parsing tests/dialogs/test_parsing.py tests/dialogs/test_parsing_vocabulary.py tests/dialogs/test_parsing_rules.py tests/dialogs/test_answers_dev.py tests/dialogs/test_answer_patterns.py tests/dialogs/test_answer_rules.py"

case "$module" in
  scoring)
    mutate="scoring/*.py scoring/policy/*.py"
    tests="tests/scoring" ;;
  scoring/*.py)
    mutate="$module"
    tests="tests/scoring" ;;
  delivery)
    mutate="bot/delivery.py"
    # With JIFEN_TEST_POSTGRES_URL set, the database tests run on PostgreSQL too (its own
    # branches: the lone sent-marks statement, skip_locked).
    tests="tests/bot/test_outbox.py tests/bot/test_outbox_outcomes.py tests/bot/test_mutants_delivery.py tests/wechat/test_passive.py tests/wechat/test_customer_service.py" ;;
  wechat-signing)
    mutate="bot/channels/wechat/signing.py bot/channels/wechat/safe_mode.py"
    tests="tests/wechat/test_signing.py tests/wechat/test_security.py" ;;
  accounts)
    mutate="bot/support/accounts.py"
    tests="tests/support/test_accounts.py tests/support/test_security.py tests/security/test_weak_staff_passwords.py" ;;
  parsers)
    mutate="dialogs/parsing/*.py"
    tests="$parser_tests" ;;
  dialogs/parsing/typos.py)  # the request cues' corrector too
    mutate="$module"
    tests="$parser_tests tests/dialogs/test_typos.py" ;;
  dialogs/parsing/*.py)
    mutate="$module"
    tests="$parser_tests" ;;
  dialogs/breaks.py)  # a break told instead of a total: the dialog's check after the parsers
    mutate="$module"
    tests="$parser_tests tests/dialogs/test_breaks_and_not_knowing.py tests/dialogs/test_answer_rules_round4.py tests/dialogs/test_answer_silent_round19.py tests/dialogs/test_requests_own_case_or_rule.py" ;;
  *)
    echo "unknown module $module" >&2
    exit 2 ;;
esac

# TESTS="file ..." narrows the test files to those that reach the functions run (by name).
tests="${TESTS:-$tests}"

scratch="$(mktemp -d "${TMPDIR:-/tmp}/jifen-mutation-${module//\//-}-XXXX")"
trap '[ -n "${KEEP_SCRATCH:-}" ] || rm -rf "$scratch"' EXIT  # KEEP_SCRATCH=1: to read mutants
# The tracked files and the new ones, as they are in the worktree now.
(cd "$repo" && git ls-files -co --exclude-standard -z) | (cd "$repo" && xargs -0 cp --parents -t "$scratch")

sources=""
for pattern in $mutate; do sources+="    ${pattern%%/*}"$'\n'; done
only=""
for pattern in $mutate; do only+="    $pattern"$'\n'; done
selection=""
for test in $tests; do selection+="    $test"$'\n'; done
{
  echo "[mutmut]"
  # A mutant is stopped as hung after (its tests' time + 20 s) x 5 of wall time, mutmut's
  # (time + 1 s) x 15 otherwise. Its tests' time counts their calls only, not the fixtures: on
  # PostgreSQL each test creates a database (1-2 s, ten times its call), so a 2x bound timed
  # out live delivery mutants (and counted them killed); the 15x one held a worker minutes per
  # mutant whose claim never empties and keeps the sweep looping.
  echo "timeout_multiplier=5"
  echo "timeout_constant=20"
  printf 'source_paths=\n%s' "$(printf '%s' "$sources" | sort -u)"
  echo
  printf 'only_mutate=\n%s' "$only"
  echo "also_copy="
  for dir in bot dialogs scoring faq examples docs bench README.md; do echo "    $dir"; done
  printf 'pytest_add_cli_args_test_selection=\n%s' "$selection"
  echo "pytest_add_cli_args="
  echo "    -p"
  echo "    no:cacheprovider"
  echo "    -p"
  echo "    mutation_profile"
} > "$scratch/setup.cfg"
# Hypothesis under mutation: the same examples for every mutant and no deadline (mutmut's
# trampolines make every call slower). Tests that start `jifen score` in a fresh interpreter
# (the `jifen` fixture, ~1 s each) are left out: the in-process `cli` tests run the same code,
# and with them a surviving scoring mutant cost half a minute on a loaded machine.
mkdir "$scratch/plugins"
# The parsers build their vocabularies once per process (dialogs/parsing/vocabulary.py): mutmut's
# workers fork from a process that has built them, so each test forgets them first and a
# mutated builder runs again.
cat > "$scratch/plugins/mutation_profile.py" <<'PLUGIN'
import pytest
from hypothesis import settings

settings.register_profile("mutation", deadline=None, derandomize=True, database=None)
settings.load_profile("mutation")


def pytest_collection_modifyitems(config, items):
    slow = [item for item in items if "jifen" in getattr(item, "fixturenames", ())]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if item not in slow]


@pytest.fixture(autouse=True)
def _vocabularies_rebuilt():
    import sys

    from dialogs.parsing import text
    from dialogs.parsing.vocabulary import forget

    forget()
    # The typo correctors are cached functions of text.py and intent_table.py built by
    # typos.py's factory: built again too, or typos.py's mutants would never run.
    text._typos.cache_clear()
    table = sys.modules.get("dialogs.intent_table")
    if table is not None:
        table.typos.cache_clear()
PLUGIN
export PYTHONPATH="$scratch/plugins${PYTHONPATH:+:$PYTHONPATH}"

# mutmut from PATH, else the worktree's venv (run without activating it, the script found none).
mutmut() { command "${MUTMUT:-$(type -P mutmut || echo "$repo/.venv/bin/mutmut")}" "$@"; }

cd "$scratch"
if [ -n "$replay" ]; then
  cp "$repo/bench/mutation_replay.py" "$repo/bench/mutation_report.py" "$scratch/plugins/"
  mutmut_bin="${MUTMUT:-$(type -P mutmut || echo "$repo/.venv/bin/mutmut")}"
  # shellcheck disable=SC2086  # the test paths are words
  "$(dirname "$mutmut_bin")/python" plugins/mutation_replay.py run "${confirm[@]}" $tests -- "$@"
  exit 0
fi
mutmut run "$@" >"$scratch/run.log" 2>&1 || { tr '\r' '\n' <"$scratch/run.log" | tail -40; exit 1; }
mutmut results --all true > "$scratch/results.txt" 2>/dev/null || mutmut results > "$scratch/results.txt"
total=$(grep -c ': ' "$scratch/results.txt" || true)
# A mutant no test reaches survives too: it is counted with the survivors and shown apart.
survived=$(grep -cE ': (survived|no tests)' "$scratch/results.txt" || true)
untested=$(grep -c ': no tests' "$scratch/results.txt" || true)
echo "== $module: survivors =="
grep -E ': (survived|no tests|timeout|suspicious)' "$scratch/results.txt" || true
for name in $(grep -E ': (survived|no tests)' "$scratch/results.txt" | cut -d: -f1); do
  mutmut show "$name" 2>/dev/null | sed -n '1,20p'
done
echo "== $module: $survived survived of $total mutants ($untested of them reached by no test) =="
