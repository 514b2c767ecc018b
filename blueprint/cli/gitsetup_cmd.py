"""`blueprint git-setup [--global]`: let git diff and merge .blueprint files as blueprints.

Writes `*.blueprint diff=blueprint merge=blueprint` to the repository's `.gitattributes` (or, with
--global, the user's attributes file), and in git's config: `diff.blueprint.textconv` (the blueprint in
words, see `textconv`), `diff.blueprint.xfuncname` (hunks headed by the element they are in) and
`merge.blueprint.driver = PROGRAM merge %O %A %B -o %A --name %P`, where PROGRAM is the absolute path of the
running program: git runs drivers from shells where no virtual environment is active and `blueprint` is
not on PATH, so a bare name would make every `git diff` and `git merge` fail later, far from here. It
also adds `*~.blueprint` (the editor's backups) to `.gitignore` (--global: git's own excludes file), so
a backup is not committed by `git add .`. Running it again changes nothing; run from another install,
it updates the entries and says what they were. Each line printed says what was written or found.
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
IGNORE_LINE = "*~.blueprint"


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
            attributes = _global_file(git, "core.attributesFile", "attributes")
            scope, ignore = "--global", _global_file(git, "core.excludesFile", "ignore")
        else:
            root = _repository_root(git)
            scope, attributes, ignore = "--local", root / ".gitattributes", root / ".gitignore"
        print(_add_line(attributes, ATTRIBUTES_LINE))
        print(_add_line(ignore, IGNORE_LINE))
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
        "merge.blueprint.driver": f"{command} merge %O %A %B -o %A --name %P",
    }


def blueprint_command() -> str:
    """How git should start this program: always by an absolute path (the `blueprint` script as it was
    started, else the interpreter with `-m blueprint`), quoted for the shell git runs it with. Never the
    bare name `blueprint`, even when it is on PATH now: git runs the driver from other shells, IDEs and
    GUI clients, where an activated virtual environment is not."""
    script = Path(os.path.abspath(sys.argv[0])) if sys.argv and sys.argv[0] else None
    if script is not None and script.name == "blueprint" and script.is_file():
        return shlex.quote(str(script))
    return f"{shlex.quote(os.path.abspath(sys.executable))} -m blueprint"


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


def _global_file(git: str, key: str, name: str) -> Path:
    """The user's attributes or excludes file: git config `key`, else git's default place `name`."""
    done = _git(git, "config", "--global", "--get", key)
    if done.returncode == 0 and done.stdout.strip():
        return Path(os.path.expanduser(done.stdout.strip()))
    config_home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config_home) / "git" / name


def _add_line(path: Path, wanted: str) -> str:
    """Append `wanted` to the attributes or ignore file `path` unless a line already says it."""
    if path.exists() and not path.is_file():  # a folder, or a pipe an open would wait on for ever
        raise SetupError(f"{path}: is not a regular file; git-setup adds one line to it")
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        if any(line.split() == wanted.split() for line in text.splitlines()):
            return f"{path}: already has '{wanted}'"
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(("\n" if text and not text.endswith("\n") else "") + wanted + "\n")
    except (OSError, UnicodeDecodeError) as error:
        raise SetupError(f"{path}: cannot write: {getattr(error, 'strerror', None) or error}") from None
    return f"{path}: added '{wanted}'"


def _set_config(git: str, scope: str, key: str, value: str) -> str:
    where = "your git config" if scope == "--global" else "the repository's git config"
    current = _git(git, "config", scope, "--get", key)
    if current.returncode == 0 and current.stdout.rstrip("\n") == value:
        return f"{where}: {key} is already {value}"
    done = _git(git, "config", scope, key, value)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["git config failed"])[-1]
        raise SetupError(f"could not set {key}: {last}")
    if current.returncode == 0:
        return f"{where}: updated {key} = {value} (was {current.stdout.rstrip()})"
    return f"{where}: set {key} = {value}"
