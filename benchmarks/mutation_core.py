"""Mutation score of the pricing core: how many small bugs planted in imagine_calc/core the tests catch.

    .venv/bin/pip install -q -e '.[test,mutation]'
    nice -n 10 .venv/bin/python benchmarks/mutation_core.py [--only 'imagine_calc.core.limits*'] [--jobs 2]

It prints the score (killed / total), then every surviving mutant as a diff. Not part of the test
suite: on this 2-core machine (shared with other test runs) the whole core took about 90 minutes,
6,380 mutants after 1,943 string-literal ones were left out; the score was 86.0% (CONTRIBUTING.md).

Why mutmut rather than cosmic-ray: mutmut forks each mutant from a process that has already
imported pytest, the tests and the package, switches mutants on at run time (every mutated function
is a trampoline), and runs against each mutant only the tests that called its function in one
recorded run. Cosmic-ray starts the whole test command afresh for every mutant (a few seconds of
Python and pytest start-up alone, times several thousand mutants, on 2 cores) and runs every test
each time. mutmut is pinned in the `mutation` extra because this script calls its functions, not
just its command line (to leave out string mutants before any is run).

What runs: only tests/core and tests/cli, Qt-free and fast (`[tool.mutmut]` in pyproject.toml),
never the window's, packaging or slow tests. The hypothesis fuzzers try at most a few fixed
examples each (IMAGINE_CALC_MUTATION_RUN, read by tests/conftest.py).

What counts: string-literal mutants (`"credits"` -> `"XXcreditsXX"`, upper or lower case) are made
and left out, never run: the words are about to move and be translated, and a test pinned to each
word would be rewritten with them. A mutant is killed when a test fails or times out on it; one no
test reaches counts as a survivor. Mutant names are numbered per function and change with the code.
"""

from __future__ import annotations

import argparse
import ast
import fnmatch
import functools
import io
import os
import shutil
import sys
import textwrap
import time
import tokenize
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MUTANTS = ROOT / "mutants"
LOG = MUTANTS / "mutation-run.log"
KILLED = {"killed", "timeout", "caught by type check", "segfault"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="*", help="mutant names to run, a glob (default: all)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="mutants run at once")
    parser.add_argument(
        "--survivors",
        action="store_true",
        help="run again only what the last run did not kill (after adding tests: minutes, not an hour)",
    )
    parser.add_argument("--report", action="store_true", help="only print the last run's score and survivors")
    args = parser.parse_args()

    os.chdir(ROOT)  # mutmut reads [tool.mutmut] from ./pyproject.toml and works in ./mutants
    os.environ["IMAGINE_CALC_MUTATION_RUN"] = "1"
    if not (args.survivors or args.report):
        shutil.rmtree(MUTANTS, ignore_errors=True)  # a measured run starts from nothing cached
    elif not MUTANTS.is_dir():
        parser.error("--survivors and --report need a previous run's mutants/ folder")

    from mutmut.configuration import config

    started = time.monotonic()
    if not args.report:
        with output_to(LOG):
            generate_mutants(args.jobs)
    paths = {name: path for path, codes in mutation_data() for name in codes}
    names = sorted(name for name in paths if fnmatch.fnmatch(name, args.only))
    strings = {name for name in names if is_string_literal_mutant(name, paths[name])}
    counted_in = [name for name in names if name not in strings]
    # Adding tests cannot make a killed mutant survive; a changed function's mutants are new (not run).
    last = statuses() if args.survivors else {}
    to_run = [] if args.report else [name for name in counted_in if last.get(name) not in KILLED]
    print(f"{len(names)} mutants of {' '.join(config().only_mutate)}; {len(strings)} change only a string")
    print(f"literal and are left out; running {len(to_run)} with {args.jobs} jobs (log: {LOG})")
    sys.stdout.flush()
    if to_run:
        with output_to(LOG):
            run_mutants(to_run, args.jobs)
    elapsed = time.monotonic() - started

    status = statuses()
    counted = Counter(status[name] for name in counted_in)
    killed = sum(counted[s] for s in KILLED)
    survivors = sorted(name for name in counted_in if status[name] not in KILLED)
    for name in survivors:
        print(f"\n# {name}: {status[name]}\n{diff(name, paths[name])}")
    print()
    print(", ".join(f"{n} {s}" for s, n in counted.most_common()))
    total = len(counted_in)
    print(f"Mutation score (string literals left out): {killed} killed / {total} = {score(killed, total)}")
    print(f"Survivors: {len(survivors)}. Took {elapsed / 60:.1f} min with {args.jobs} jobs.")
    return 0


def score(killed: int, total: int) -> str:
    return f"{100 * killed / total:.1f}%" if total else "n/a"


@contextmanager
def output_to(log: Path) -> Iterator[None]:
    """mutmut's spinner and its forked workers write to the log (file descriptors 1 and 2), not here."""
    log.parent.mkdir(exist_ok=True)
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    with open(log, "a") as out:
        os.dup2(out.fileno(), 1)
        os.dup2(out.fileno(), 2)
        try:
            yield
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])


def generate_mutants(jobs: int) -> None:
    from mutmut.__main__ import copy_also_copy_files, copy_src_dir, create_mutants

    copy_src_dir()
    copy_also_copy_files()
    create_mutants(jobs)


def run_mutants(names: list[str], jobs: int) -> None:
    import mutmut.__main__ as mutmut_main

    collect = mutmut_main.collect_or_load_stats

    def collect_then_order(*args: Any, **kwargs: Any) -> None:
        collect(*args, **kwargs)
        by_function = mutmut_main.state().tests_by_mangled_function_name
        for function, tests in by_function.items():
            by_function[function] = FastestFirst(tests)

    mutmut_main.collect_or_load_stats = collect_then_order
    if names:
        mutmut_main._run(names, max_children=jobs)


class FastestFirst(set[str]):
    """The tests of one function, listed fastest first: mutmut stops at the first that fails, so
    a mutant the quick tests kill never waits for the slow ones (mutmut lists them in set order)."""

    def __iter__(self) -> Iterator[str]:
        from mutmut.__main__ import state

        durations = state().duration_by_test
        return iter(sorted(super().__iter__(), key=lambda test: (durations.get(test, 0.0), test)))


def mutation_data() -> Iterator[tuple[Path, dict[str, int | None]]]:
    from mutmut.__main__ import SourceFileMutationData
    from mutmut.utils.file_utils import walk_mutatable_files

    for path in walk_mutatable_files():
        data = SourceFileMutationData(path=path)
        data.load()
        yield path, data.exit_code_by_key


def statuses() -> dict[str, str]:
    from mutmut.stats import status_by_exit_code

    return {name: status_by_exit_code[code] for _, codes in mutation_data() for name, code in codes.items()}


def is_string_literal_mutant(name: str, path: Path) -> bool:
    """True when the mutant differs from its original only inside string literals."""
    generated = name.rpartition(".")[2]  # x_shown__mutmut_3, or xǁClassǁmethod__mutmut_3
    sources = function_sources(MUTANTS / path)
    original = tokens(sources[generated.rpartition("__mutmut_")[0] + "__mutmut_orig"])
    mutant = tokens(sources[generated])
    if len(original) != len(mutant):
        return False
    changed = [(a, b) for a, b in zip(original[2:], mutant[2:], strict=True) if a != b]  # after "def NAME"
    return bool(changed) and all(a[0] == b[0] == tokenize.STRING for a, b in changed)


@functools.cache
def function_sources(mutated_file: Path) -> dict[str, str]:
    """Every function and method of a mutated file by name, as source (one parse per file)."""
    text = mutated_file.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    module = ast.parse(text)
    found: dict[str, str] = {}
    for node in module.body:
        inner = node.body if isinstance(node, ast.ClassDef) else [node]
        for function in inner:
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                span = lines[function.lineno - 1 : function.end_lineno]
                found[function.name] = textwrap.dedent("".join(span))
    return found


def tokens(code: str) -> list[tuple[int, str]]:
    return [(t.type, t.string) for t in tokenize.generate_tokens(io.StringIO(code).readline)]


def diff(name: str, path: Path) -> str:
    from mutmut.mutation.diff_apply import get_diff_for_mutant

    return get_diff_for_mutant(name, path=path)


if __name__ == "__main__":
    sys.exit(main())
