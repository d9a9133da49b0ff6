"""Fault drills for state.db that anyone can run: ``python scripts/faults.py [--runs N]``.

1. kill -9 in the middle of a loop of bookmark adds, N times: afterwards PRAGMA
   integrity_check must say ok and every add that reported success must be there.
2. Two processes adding 300 bookmarks each at the same time: all 600 must be there.
3. An empty, a garbage and a corrupt state.db at start: the store opens, says so, and
   the bad file is kept aside.
4. Read marks and reading positions persist across a restart (a new process).

Everything happens in a temporary data dir. The tests call the same functions with
smaller counts. Exit status 0 when every drill passed.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

from tuireader.library.model import Anchor, Article, ArticleMeta, Block  # noqa: E402
from tuireader.state import StateStore  # noqa: E402

ARTICLE = Article(
    ArticleMeta(title="演练"),
    blocks=(Block("paragraph", "第一句话。第二句话！Third sentence here. 最后一句？"),),
    path="drill/演练.txt",
)


def child_env() -> dict[str, str]:
    """The environment for child processes: tuireader importable from the source tree."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    return env


def adder(db: Path, tag: str, count: int) -> int:
    """Child: add ``count`` bookmarks, printing each uid only after it is committed."""
    store = StateStore.open(db)
    for i in range(count):
        fp = f"{tag}-{i}"
        if i % 2:
            b = store.bookmarks.add_passage(ARTICLE, Anchor(0, 5), Anchor(0, 11), f"n{i}", fp=fp)
        else:
            b = store.bookmarks.add_article(fp, f"drill/{fp}.txt", f"title {i}")
        print(b.uid, flush=True)
    store.close()
    return 0


def spawn_adder(db: Path, tag: str, count: int) -> subprocess.Popen:
    """Start an adder child process whose stdout carries the acknowledged uids."""
    command = [sys.executable, __file__, "_adder", str(db), tag, str(count)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, env=child_env(), text=True)


def acknowledged(output: str) -> set[str]:
    """Uids from complete lines only (a line cut by the kill was never acknowledged)."""
    lines = output.split("\n")
    return {line for line in lines[:-1] if line}


def kill_loop(data_dir: Path, runs: int = 20, seed: int = 1) -> dict[str, int]:
    """Kill an adder with SIGKILL at a random moment, ``runs`` times; check the file."""
    db = data_dir / "state.db"
    StateStore.open(db).close()  # the first start (and its backup) is not the drill
    rng = random.Random(seed)
    result = {"runs": 0, "integrity_ok": 0, "acknowledged": 0, "lost": 0}
    for run in range(runs):
        child = spawn_adder(db, f"kill{run}", 100_000)
        first = child.stdout.readline()  # the adds have begun (whatever the start-up took)
        time.sleep(rng.uniform(0.05, 0.5))
        child.send_signal(signal.SIGKILL)
        output, _ = child.communicate()
        acked = acknowledged(first + output)
        store = StateStore.open(db, backups=False)
        present = _uids_with_fp_prefix(store, f"kill{run}-")
        result["runs"] += 1
        result["integrity_ok"] += int(store.integrity_ok() and not store.notices)
        result["acknowledged"] += len(acked)
        result["lost"] += len(acked - present)
        store.close()
    return result


def _uids_with_fp_prefix(store: StateStore, prefix: str) -> set[str]:
    """Uids of bookmarks whose fingerprint starts with ``prefix``."""
    return {b.uid for b in store.bookmarks.matching() if b.fingerprint.startswith(prefix)}


def two_writers(data_dir: Path, count: int = 300) -> tuple[int, int]:
    """Two processes add ``count`` bookmarks each at once: (found, expected)."""
    db = data_dir / "state.db"
    children = [spawn_adder(db, f"writer{n}", count) for n in (1, 2)]
    acked = set()
    for child in children:
        output, _ = child.communicate()
        acked |= acknowledged(output)
    store = StateStore.open(db, backups=False)
    present = _uids_with_fp_prefix(store, "writer1-") | _uids_with_fp_prefix(store, "writer2-")
    store.close()
    # Count what is stored and was acknowledged: both must reach 2 * count.
    return len(present & acked), 2 * count


def bad_file_starts(data_dir: Path) -> dict[str, bool]:
    """Empty, garbage and corrupt state.db: opened, user told, bad file kept aside."""
    results = {}
    for kind, make in (("empty", _make_empty), ("garbage", _make_garbage), ("corrupt", _corrupt)):
        folder = data_dir / kind
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / "state.db"
        original = make(db)
        store = StateStore.open(db, backups=False)
        kept = [p for p in folder.iterdir() if p.name.startswith("state.db.bad-")]
        works = _can_add(store)
        told = bool(store.notices)
        store.close()
        results[kind] = told and works and len(kept) == 1 and kept[0].read_bytes() == original
    return results


def restart_persists(data_dir: Path) -> bool:
    """Read marks and positions written by one process are seen by the next."""
    db = data_dir / "restart" / "state.db"
    store = StateStore.open(db, backups=False)
    store.marks.set_read("fp-read", "a.txt")
    store.positions.save("fp-pos", "b.txt", Anchor(7, 42))
    store.close()
    code = (
        "import sys; from pathlib import Path; from tuireader.state import StateStore;"
        "from tuireader.library.model import Anchor;"
        f"s = StateStore.open(Path({str(db)!r}), backups=False);"
        "ok = s.marks.is_read('fp-read') and s.positions.get('fp-pos') == Anchor(7, 42);"
        "sys.exit(0 if ok else 1)"
    )
    return subprocess.run([sys.executable, "-c", code], env=child_env()).returncode == 0


def _can_add(store: StateStore) -> bool:
    """Whether the store accepts and keeps a bookmark."""
    b = store.bookmarks.add_article("fp-after-repair", "x.txt", "x")
    return store.bookmarks.get(b.id) is not None


def _make_empty(db: Path) -> bytes:
    db.write_bytes(b"")
    return b""


def _make_garbage(db: Path) -> bytes:
    data = b"this is not a database\x00\xff" * 200
    db.write_bytes(data)
    return data


def _corrupt(db: Path) -> bytes:
    """A real state.db with data, then damaged pages in the middle."""
    store = StateStore.open(db, backups=False)
    for i in range(300):
        store.bookmarks.add_article(f"fp{i}", f"p{i}.txt", "t" * 200)
    store.close()
    data = bytearray(db.read_bytes())
    data[4096 : 4096 * 3] = b"\xde\xad\xbe\xef" * 2048
    db.write_bytes(bytes(data))
    return bytes(data)


def main(argv: list[str] | None = None) -> int:
    """Run every drill and print the figures."""
    args = argv if argv is not None else sys.argv[1:]
    if args[:1] == ["_adder"]:
        return adder(Path(args[1]), args[2], int(args[3]))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="kill -9 runs")
    parser.add_argument("--count", type=int, default=300, help="adds per writer")
    options = parser.parse_args(args)
    with tempfile.TemporaryDirectory(prefix="tuireader-faults-") as temp:
        return _report(Path(temp), options.runs, options.count)


def _report(temp: Path, runs: int, count: int) -> int:
    """Run the drills in ``temp`` and print one line each."""
    kill = kill_loop(temp / "kill", runs)
    print(
        f"kill -9 runs: {kill['runs']}, integrity ok: {kill['integrity_ok']}, "
        f"acknowledged adds lost: {kill['lost']} (of {kill['acknowledged']} acknowledged)"
    )
    found, expected = two_writers(temp / "two", count)
    print(f"two writers: {found}/{expected}")
    bad = bad_file_starts(temp / "bad")
    print(
        "bad state.db at start: "
        + ", ".join(f"{k} {'ok' if v else 'FAILED'}" for k, v in bad.items())
    )
    restart = restart_persists(temp)
    print(f"read marks and positions after restart: {'ok' if restart else 'FAILED'}")
    passed = kill["integrity_ok"] == kill["runs"] and kill["lost"] == 0
    passed = passed and found == expected and all(bad.values()) and restart
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
