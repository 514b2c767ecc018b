"""`blueprint git-setup [--global]`: let git diff and merge .blueprint files as blueprints.

Writes `*.blueprint diff=blueprint merge=blueprint` to the repository's `.gitattributes` (or, with
--global, the user's attributes file), and in git's config: `diff.blueprint.textconv` (the blueprint in
words, see `textconv`), `diff.blueprint.xfuncname` (hunks headed by the element they are in) and
`merge.blueprint.driver = blueprint merge %O %A %B -o %A`. The `blueprint` named there is the running
program, by its absolute path when `blueprint` on PATH is not this program. Running it again changes
nothing; each line printed says what was written or found already there.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from blueprint.cli.common import EXIT_OK, EXIT_UNREADABLE, say_error

ATTRIBUTES_LINE = "*.blueprint diff=blueprint merge=blueprint"


class SetupError(Exception):
    """Something git-setup cannot do, in one line."""


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "git-setup",
        help="make git diff and merge .blueprint files as blueprints (run it in your repository)",
        description="Register Service Blueprint Studio with git for .blueprint files: `git diff` shows "
        "the changes in words and `git merge` merges two designers' work element by element. Writes "
        ".gitattributes and the repository's git config (--global: your own git config and attributes "
        "file, for every repository). Running it twice changes nothing.",
    )
    parser.add_argument(
        "--global",
        dest="everywhere",
        action="store_true",
        help="set it up in your user git config, for all your repositories",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        git = shutil.which("git")
        if git is None:
            raise SetupError("git is not installed (git-setup registers blueprint with git)")
        if args.everywhere:
            scope, attributes = "--global", _global_attributes(git)
        else:
            scope, attributes = "--local", _repository_root(git) / ".gitattributes"
        print(_add_attributes_line(attributes))
        command = blueprint_command()
        for key, value in settings(command).items():
            print(_set_config(git, scope, key, value))
    except SetupError as error:
        say_error(None, str(error))
        return EXIT_UNREADABLE
    return EXIT_OK


def settings(command: str) -> dict[str, str]:
    """The git config entries, for a program started by `command`."""
    return {
        "diff.blueprint.textconv": f"{command} textconv",
        "diff.blueprint.xfuncname": "^[a-z].*$",
        "merge.blueprint.name": "Service Blueprint Studio merge (element by element)",
        "merge.blueprint.driver": f"{command} merge %O %A %B -o %A",
    }


def blueprint_command() -> str:
    """How git should start this program: `blueprint` when that is this program on PATH, else its
    absolute path (or the interpreter with `-m blueprint`), quoted for the shell git runs it with."""
    script = Path(sys.argv[0]).resolve() if sys.argv and sys.argv[0] else None
    on_path = shutil.which("blueprint")
    if script is not None and script.name == "blueprint" and script.is_file():
        if on_path is not None and Path(on_path).resolve() == script:
            return "blueprint"
        return shlex.quote(str(script))
    return f"{shlex.quote(sys.executable)} -m blueprint"


def _git(git: str, *words: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run([git, *words], capture_output=True, text=True, cwd=cwd, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SetupError(f"could not run git: {error}") from None


def _repository_root(git: str) -> Path:
    done = _git(git, "rev-parse", "--show-toplevel")
    if done.returncode != 0 or not done.stdout.strip():
        raise SetupError("not inside a git repository: run git-setup in your repository, or use --global")
    return Path(done.stdout.strip())


def _global_attributes(git: str) -> Path:
    """The user's attributes file: core.attributesFile, else git's default place."""
    done = _git(git, "config", "--global", "--get", "core.attributesFile")
    if done.returncode == 0 and done.stdout.strip():
        return Path(os.path.expanduser(done.stdout.strip()))
    config_home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config_home) / "git" / "attributes"


def _add_attributes_line(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        if any(line.split() == ATTRIBUTES_LINE.split() for line in text.splitlines()):
            return f"{path}: already has '{ATTRIBUTES_LINE}'"
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(("\n" if text and not text.endswith("\n") else "") + ATTRIBUTES_LINE + "\n")
    except (OSError, UnicodeDecodeError) as error:
        raise SetupError(f"{path}: cannot write: {getattr(error, 'strerror', None) or error}") from None
    return f"{path}: added '{ATTRIBUTES_LINE}'"


def _set_config(git: str, scope: str, key: str, value: str) -> str:
    where = "your git config" if scope == "--global" else "the repository's git config"
    current = _git(git, "config", scope, "--get", key)
    if current.returncode == 0 and current.stdout.rstrip("\n") == value:
        return f"{where}: {key} is already {value}"
    done = _git(git, "config", scope, key, value)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["git config failed"])[-1]
        raise SetupError(f"could not set {key}: {last}")
    return f"{where}: set {key} = {value}"
