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
``--recheck-equivalent`` tests the judged-equivalent survivors again, ``--sample N``
(with ``--seed S``) tests a seeded simple random sample of N mutants per target instead
of all of them and scores the sample, with a 95% Wilson interval. Results stay in
``mutants/`` (git-ignored); a second run tests only what has no result yet: the
survivors again, the mutants of functions that changed, the ones not reached before.
Not in CI: a package takes minutes to hours. Run it before a release and after a large
change.
"""

from __future__ import annotations

import argparse
import json
import math
import random
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

# Brings mutants/ up to date with the sources without running a test: mutmut's own first
# step of ``run``, so that the names to test are read after a changed function got its new
# mutants. (``mutmut run NAME...`` re-tests every NAME given, tested before or not, so the
# script must know which ones have no result yet.)
_GENERATE = """
from mutmut.__main__ import copy_also_copy_files, copy_src_dir, create_mutants
from mutmut.__main__ import set_mutant_under_test, setup_source_paths
set_mutant_under_test("mutant_generation")
copy_src_dir()
copy_also_copy_files()
setup_source_paths()
create_mutants(1)
"""


def main(argv: list[str] | None = None) -> int:
    """Run mutmut on the targets and print their scores; 1 when unjudged survivors remain."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="+", help="core packages or modules: text state.anchors")
    parser.add_argument("--jobs", type=int, default=1, help="test processes (default 1)")
    parser.add_argument("--show", action="store_true", help="print each survivor's diff")
    parser.add_argument("--report", action="store_true", help="only read the last results")
    parser.add_argument(
        "--sample", type=int, metavar="N", help="test a random sample of N mutants per target"
    )
    parser.add_argument("--seed", type=int, default=17, help="the sample's seed (default 17)")
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
    if not args.report:
        subprocess.run(
            [sys.executable, "-c", _GENERATE], cwd=ROOT, check=True, stdout=subprocess.DEVNULL
        )
        keep = set() if args.recheck_equivalent else set(judged_equivalent())
        chosen = [n for t in targets for n in chosen_mutants(t, args.sample, args.seed)]
        retest_survivors(set(chosen), keep)
        statuses = mutant_statuses("tuireader.")
        names = [n for n in chosen if statuses.get(n) == "not checked"]
        print(f"{len(names)} of {len(chosen)} chosen mutants have no result yet: testing them")
        if names:
            command = [sys.executable, "-m", "mutmut", "run", "--max-children", str(args.jobs)]
            subprocess.run([*command, *names], cwd=ROOT, check=False)
    equivalent = judged_equivalent()
    unjudged_anywhere = False
    for target in targets:
        sample = (args.sample, args.seed) if args.sample else None
        unjudged = report(target, equivalent, show=args.show, sample=sample)
        unjudged_anywhere = unjudged_anywhere or bool(unjudged)
    return 1 if unjudged_anywhere else 0


def chosen_mutants(target: str, sample: int | None, seed: int) -> list[str]:
    """The target's mutants to test: all of them, or a seeded random sample of ``sample``."""
    names = sorted(mutant_statuses(f"tuireader.{target}."))
    return sample_names(names, sample, seed) if sample else names


def sample_names(names: list[str], size: int, seed: int) -> list[str]:
    """A simple random sample of ``size`` names (all when fewer), the same for one seed.

    Sorted before drawing, so the sample depends only on the set of names and the seed:
    the run and a later ``--report`` with the same seed see the same mutants.
    """
    ordered = sorted(names)
    return sorted(random.Random(seed).sample(ordered, min(size, len(ordered))))


def wilson_interval(killed: int, counted: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval (95% for z = 1.96) of a proportion ``killed / counted``.

    Unlike the normal approximation it stays within [0, 1] and is not empty at a score of
    100%, where the sampled scores of a good suite sit.
    """
    if counted == 0:
        return 0.0, 1.0
    p = killed / counted
    spread = z * z / counted
    centre = (p + spread / 2) / (1 + spread)
    half = z * math.sqrt(p * (1 - p) / counted + spread / (4 * counted)) / (1 + spread)
    return max(0.0, centre - half), min(1.0, centre + half)


def report(
    target: str,
    equivalent: dict[str, str],
    *,
    show: bool = False,
    sample: tuple[int, int] | None = None,
) -> list[str]:
    """Print one target's score and unjudged survivors; return those survivors.

    With ``sample`` (size, seed) only that sample's mutants are counted.
    """
    prefix = f"tuireader.{target}."
    everything = statuses = mutant_statuses(prefix)
    if not statuses:
        print(f"\nno mutants of {target} found (run without --report first?)")
        return []
    heading = target
    if sample:
        size, seed = sample
        drawn = sample_names(list(statuses), size, seed)
        heading = f"{target} (a sample of {len(drawn)} of {len(statuses)} mutants, seed {seed})"
        statuses = {name: everything[name] for name in drawn}
    survivors = sorted(n for n, s in statuses.items() if s in ("survived", "no tests"))
    unjudged = [n for n in survivors if n not in equivalent]
    print_score(heading, statuses, survivors, unjudged, sampled=bool(sample))
    for name in unjudged:
        if show:
            mutmut = [sys.executable, "-m", "mutmut", "show", name]
            subprocess.run(mutmut, cwd=ROOT, check=False)
        else:
            print(f"  {name}")
    # Listed but killed now, or gone (its function changed); one not checked yet waits.
    # Judged on every mutant of the target, in the sample or not.
    stale = sorted(
        n
        for n in equivalent
        if n.startswith(prefix)
        and everything.get(n, "gone") not in ("survived", "no tests", "not checked", "suspicious")
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


def retest_survivors(names: set[str], keep: set[str]) -> None:
    """Forget the results of the surviving mutants in ``names``, so new tests get their chance.

    Killed ones stay killed (mutmut forgets them only when their function changes), and so
    do the survivors in ``keep`` (judged equivalent: a survivor runs every test that
    reaches it, the slowest part of a run).
    """
    for meta in (ROOT / "mutants" / "src").rglob("*.py.meta"):
        data = json.loads(meta.read_text(encoding="utf-8"))
        codes = data.get("exit_code_by_key", {})
        stale = [
            name
            for name, code in codes.items()
            if name in names and _STATUS.get(code, "suspicious") != "killed" and name not in keep
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
    target: str,
    statuses: dict[str, str],
    survivors: list[str],
    unjudged: list[str],
    *,
    sampled: bool = False,
) -> None:
    """One line of counts and the score, then the unjudged survivors' heading.

    A sample's score is an estimate of the whole target's: it comes with its 95% interval.
    """
    counts = Counter(statuses.values())
    judged = len(survivors) - len(unjudged)
    counted = len(statuses) - judged - counts["not checked"]
    score = f"{counts['killed'] / counted:.1%}" if counted else "n/a (nothing checked)"
    if sampled and counted:
        low, high = wilson_interval(counts["killed"], counted)
        score += f", 95% interval {low:.1%}–{high:.1%}"
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
