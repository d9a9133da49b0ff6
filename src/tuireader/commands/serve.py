"""``tuireader serve [PATH] [--port N] [--max-sessions N]``: the reader in a web browser.

textual-serve runs one copy of the app per browser tab, as a subprocess whose screen it
forwards over a websocket. The subprocess is ``python -m tuireader`` with the same
data, cache and config locations and the same library as this command, so the page
shows the same read marks, bookmarks and positions as the terminal. It listens on
127.0.0.1 only, and :mod:`tuireader.commands.serve_guard` lets only the page it served
connect: the Host and Origin must be this server's, the address carries a secret token
made at each start (printed here), and only a few sessions may run at once.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from tuireader.commands import common
from tuireader.config import Paths, UnknownLibrary, resolve_library

HOST = "127.0.0.1"
DEFAULT_PORT = 8000
#: Browser tabs served at once (each one runs its own copy of the reader).
DEFAULT_MAX_SESSIONS = 3


def register(subparsers) -> None:
    """Add the ``serve`` subcommand."""
    parser = common.add_command(
        subparsers, "serve", help="run the reader in a web page on http://127.0.0.1:PORT"
    )
    parser.epilog = (
        "Each browser tab gets its own copy of the reader, sharing your state. The server "
        "listens on 127.0.0.1 only and answers only the address it prints, which holds a "
        "secret token made at each start; stop it with ctrl+c."
    )
    parser.add_argument(
        "path", nargs="?", metavar="PATH", help="a library folder or an article file"
    )
    parser.add_argument(
        "--library", dest="library_name", metavar="NAME", help="a library named in the config"
    )
    parser.add_argument(
        "--port", type=_port, default=DEFAULT_PORT, help=f"the port (default {DEFAULT_PORT})"
    )
    parser.add_argument(
        "--max-sessions",
        type=_sessions,
        default=DEFAULT_MAX_SESSIONS,
        metavar="N",
        help=f"browser tabs served at once, 1 to 64 (default {DEFAULT_MAX_SESSIONS})",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Check the library, then serve the app until interrupted."""
    paths = common.paths_from(args)
    target = _target(args, paths)
    command = app_command(paths, target, args.library_name)
    run_server(command, common.show_path(target), args.port, args.max_sessions)
    return 0


def run_server(command: str, shown: str, port: int, max_sessions: int) -> None:
    """Serve ``command`` on 127.0.0.1:``port`` until interrupted; print the address."""
    from tuireader.commands.serve_guard import GuardedServer, new_token  # brings in aiohttp

    server = GuardedServer(
        command,
        host=HOST,
        port=port,
        token=new_token(),
        max_sessions=max_sessions,
        title="tuireader",
    )
    print(f"tuireader: serving {shown} on {server.page_url()}", flush=True)
    print(
        f"Open that address in a browser on this machine (it holds a secret token; "
        f"at most {max_sessions} tabs at once). ctrl+c stops the server.",
        flush=True,
    )
    try:
        server.serve()
    except OSError as exc:  # the port is taken, say
        raise common.CommandFailed(
            f"cannot listen on {HOST}:{port}: {exc.strerror or exc}"
        ) from None


def _target(args: argparse.Namespace, paths: Paths) -> Path:
    """The library folder or article file the served app opens (it must exist)."""
    settings = common.settings_from(paths)
    if args.library_name is not None and args.path:
        raise common.UsageError("give a PATH or --library NAME, not both")
    if args.library_name is not None:
        try:
            target = resolve_library(args.library_name, settings)[1]
        except UnknownLibrary as exc:
            raise common.UsageError(str(exc)) from None
    else:
        target = common.library_from(args.path, settings)
    if target is None or not target.exists():
        raise common.UsageError(f"no such file or folder: {common.show_path(target or '')}")
    return target.absolute()


def app_command(paths: Paths, target: Path, library_name: str | None = None) -> str:
    """The shell command textual-serve runs for each browser tab.

    Absolute paths throughout, quoted for the shell textual-serve starts it with; the
    same interpreter as this one, so a pipx or venv install serves its own copy. A
    library chosen by name is passed by name, so the app knows which one it shows.
    """
    argv = [
        sys.executable,
        "-m",
        "tuireader",
        "--data-dir",
        str(paths.data_dir.absolute()),
        "--cache-dir",
        str(paths.cache_dir.absolute()),
        "--config",
        str(paths.config_file.absolute()),
    ]
    argv += ["--library", library_name] if library_name else ["--", str(target)]
    return shlex.join(argv)


def _sessions(text: str) -> int:
    """How many sessions may run at once: 1 to 64."""
    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 1 <= count <= 64:
        raise argparse.ArgumentTypeError(f"sessions are from 1 to 64, not {count}")
    return count


def _port(text: str) -> int:
    """A TCP port number from 1 to 65535."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"a port is from 1 to 65535, not {port}")
    return port
