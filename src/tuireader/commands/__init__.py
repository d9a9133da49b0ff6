"""The scriptable subcommands of the ``tuireader`` command, one module each.

Each module has ``register(subparsers)``: it adds its parser with
``common.add_command(subparsers, name, help=...)`` (which adds the global options) and sets
``func=run`` on it, where ``run(args) -> int`` does the work and returns the exit status.
``tuireader.cli.COMMANDS`` maps command names to modules (imported only when used);
adding a command is one module and one line.
"""
