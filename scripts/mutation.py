"""Mutation testing of core packages or modules: ``python scripts/mutation.py TARGET...``.

A TARGET is a core package (``text``, ``library``, ``state``, ``search``, ``catalog``) or a
module or sub-package in one (``state.anchors``, ``library.formats.plain``). The script
runs mutmut (configured in ``pyproject.toml``, ``[tool.mutmut]``: which packages, which
tests) on those targets' mutants only, then prints each target's score: mutants killed
out of those that are not judged equivalent, and every survivor not yet judged.

Judged-equivalent survivors (a change no user can see: a cache size, a message that is
never shown) are listed in ``scripts/mutation_equivalent.txt``, one mutant name and the
reason per line. A mutant's name (``tuireader.text.dates.x__build__mutmut_4``) changes
when its function changes, so the script also says which listed names no longer survive.

Options: ``--jobs N`` test processes (default 1: the machine is shared), ``--show`` prints
each unjudged survivor's diff, ``--report`` only reads the last results,
``--recheck-equivalent`` tests the judged-equivalent survivors again. Results stay in
``mutants/`` (git-ignored); a second run re-tests the survivors and the mutants of
functions that changed. Not in CI:
a package takes minutes. Run it before a release and after a large change.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EQUIVALENT = ROOT / "scripts" / "mutation_equivalent.txt"
CORE = ("text", "library", "state", "search", "catalog")

# mutmut's exit codes per mutant (mutmut.stats.status_by_exit_code), in the words used here.
# A timeout means the mutant made the tests hang, and a crash of the test process (-9, -11:
# killed by the system, e.g. a loop that appends until memory runs out) that they failed:
# either way it was noticed, so it counts as killed.
_STATUS = {1: "killed", 3: "killed", 36: "killed", 24: "killed", -24: "killed", 152: "killed"}
_STATUS |= {255: "killed", -9: "killed", -11: "killed"}
_STATUS |= {0: "survived", 5: "no tests", 33: "no tests", None: "not checked"}


def main(argv: list[str] | None = None) -> int:
    """Run mutmut on the targets and print their scores; 1 when unjudged survivors remain."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="+", help="core packages or modules: text state.anchors")
    parser.add_argument("--jobs", type=int, default=1, help="test processes (default 1)")
    parser.add_argument("--show", action="store_true", help="print each survivor's diff")
    parser.add_argument("--report", action="store_true", help="only read the last results")
    parser.add_argument(
        "--recheck-equivalent",
        action="store_true",
        help="test the survivors judged equivalent again too (each runs all its tests)",
    )
    args = parser.parse_args(argv)
    targets = [
        t.removeprefix("tuireader.").removesuffix(".py").replace("/", ".") for t in args.targets
    ]
    for target in targets:
        if target.split(".")[0] not in CORE:
            parser.error(f"{target}: not in a core package ({', '.join(CORE)})")
    mutmut = [sys.executable, "-m", "mutmut"]
    if not args.report:
        keep = set() if args.recheck_equivalent else set(judged_equivalent())
        retest_survivors([f"tuireader.{target}." for target in targets], keep)
        patterns = [f"tuireader.{target}.*" for target in targets]
        command = [*mutmut, "run", "--max-children", str(args.jobs), *patterns]
        subprocess.run(command, cwd=ROOT, check=False)
    equivalent = judged_equivalent()
    unjudged_anywhere = False
    for target in targets:
        unjudged = report(target, equivalent, show=args.show)
        unjudged_anywhere = unjudged_anywhere or bool(unjudged)
    return 1 if unjudged_anywhere else 0


def report(target: str, equivalent: dict[str, str], *, show: bool = False) -> list[str]:
    """Print one target's score and unjudged survivors; return those survivors."""
    prefix = f"tuireader.{target}."
    statuses = mutant_statuses(prefix)
    if not statuses:
        print(f"\nno mutants of {target} found (run without --report first?)")
        return []
    survivors = sorted(n for n, s in statuses.items() if s in ("survived", "no tests"))
    unjudged = [n for n in survivors if n not in equivalent]
    print_score(target, statuses, survivors, unjudged)
    for name in unjudged:
        if show:
            mutmut = [sys.executable, "-m", "mutmut", "show", name]
            subprocess.run(mutmut, cwd=ROOT, check=False)
        else:
            print(f"  {name}")
    # Listed but killed now, or gone (its function changed); one not checked yet waits.
    stale = sorted(
        n
        for n in equivalent
        if n.startswith(prefix)
        and n not in survivors
        and statuses.get(n, "gone") not in ("not checked", "suspicious")
    )
    if stale:
        print("listed as equivalent but no longer surviving (remove them from the list):")
        print("\n".join(f"  {name}" for name in stale))
    return unjudged


def mutant_statuses(prefix: str) -> dict[str, str]:
    """Status of every mutant whose name starts with ``prefix``, from mutmut's files."""
    folder = ROOT / "mutants" / "src"
    statuses: dict[str, str] = {}
    for meta in folder.rglob("*.py.meta"):
        data = json.loads(meta.read_text(encoding="utf-8"))
        for name, code in data.get("exit_code_by_key", {}).items():
            if name.startswith(prefix):
                statuses[name] = _STATUS.get(code, "suspicious")
    return statuses


def retest_survivors(prefixes: list[str], keep: set[str]) -> None:
    """Forget the results of surviving mutants, so new tests get their chance at them.

    mutmut re-tests a mutant only when its function changed; killed ones stay killed, and
    so do the survivors in ``keep`` (judged equivalent: a survivor runs every test that
    reaches it, the slowest part of a run).
    """
    for meta in (ROOT / "mutants" / "src").rglob("*.py.meta"):
        data = json.loads(meta.read_text(encoding="utf-8"))
        codes = data.get("exit_code_by_key", {})
        stale = [
            name
            for name, code in codes.items()
            if name.startswith(tuple(prefixes))
            and _STATUS.get(code, "suspicious") != "killed"
            and name not in keep
        ]
        if stale:
            codes.update(dict.fromkeys(stale))
            meta.write_text(json.dumps(data), encoding="utf-8")


def judged_equivalent() -> dict[str, str]:
    """Mutant name -> why it is equivalent, from the list file (``#`` starts a comment)."""
    found: dict[str, str] = {}
    if not EQUIVALENT.exists():
        return found
    for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
        name, _, reason = line.strip().partition(" ")
        if name and not name.startswith("#"):
            found[name] = reason.strip()
    return found


def print_score(
    target: str, statuses: dict[str, str], survivors: list[str], unjudged: list[str]
) -> None:
    """One line of counts and the score, then the unjudged survivors' heading."""
    counts = Counter(statuses.values())
    judged = len(survivors) - len(unjudged)
    counted = len(statuses) - judged - counts["not checked"]
    score = f"{counts['killed'] / counted:.1%}" if counted else "n/a (nothing checked)"
    print(
        f"\n{target}: {len(statuses)} mutants, {counts['killed']} killed, "
        f"{judged} judged equivalent, {len(unjudged)} surviving, "
        f"{counts['not checked']} not checked, {counts['suspicious']} suspicious; "
        f"score {counts['killed']}/{counted} = {score}"
    )
    if unjudged:
        print(
            "surviving, not judged (kill with a test, or list in scripts/mutation_equivalent.txt):"
        )


if __name__ == "__main__":
    sys.exit(main())
