"""`blueprint git-setup`, then real `git merge` and `git diff` in a temporary repository.

Two designers edit different cards of the hotel sample on two branches: git merges them without a
conflict and `git diff` shows the changes in words. git's config is the test's own (HOME and
GIT_CONFIG_GLOBAL point into tmp_path), so the user's is never read or written.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from blueprint.fileformat import load, save

from clirun import blueprint_script

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "hotel-stay.blueprint"
LINE = "*.blueprint diff=blueprint merge=blueprint"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    return {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "GIT_CONFIG_GLOBAL": str(home / ".gitconfig"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Ana",
        "GIT_AUTHOR_EMAIL": "ana@example.com",
        "GIT_COMMITTER_NAME": "Ana",
        "GIT_COMMITTER_EMAIL": "ana@example.com",
        "QT_QPA_PLATFORM": "offscreen",
    }


def run(env: dict[str, str], cwd: Path, *words: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(words),
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def git(env: dict[str, str], repo: Path, *words: str) -> str:
    done = run(env, repo, "git", *words)
    assert done.returncode == 0, done.stderr
    return done.stdout


def retitle(path: Path, card_id: str, title: str) -> None:
    doc = load(path)
    doc.cards_by_id()[card_id].title = title
    save(doc, path, backup=False)


@pytest.fixture
def repo(tmp_path: Path, env: dict[str, str]) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(env, repo, "init", "-q", "-b", "main")
    shutil.copy(SAMPLE, repo / "hotel.blueprint")
    git(env, repo, "add", ".")
    git(env, repo, "commit", "-q", "-m", "hotel stay")
    return repo


def test_setup_once_then_two_designers_merge_and_git_diff_speaks_words(
    repo: Path, env: dict[str, str]
) -> None:
    first = run(env, repo, blueprint_script(), "git-setup")
    assert first.returncode == 0, first.stderr
    assert f"added '{LINE}'" in first.stdout
    assert (repo / ".gitattributes").read_text(encoding="utf-8") == LINE + "\n"
    assert (repo / ".gitignore").read_text(encoding="utf-8") == "*~.blueprint\n"  # the editor's backups
    driver = git(env, repo, "config", "--local", "merge.blueprint.driver").strip()
    assert driver.endswith(" merge %O %A %B -o %A --name %P")
    assert Path(driver.split(" merge ")[0].strip("'")).resolve() == Path(blueprint_script()).resolve()
    assert git(env, repo, "config", "--local", "diff.blueprint.textconv").strip().endswith(" textconv")
    config = (repo / ".git" / "config").read_text(encoding="utf-8")
    second = run(env, repo, blueprint_script(), "git-setup")  # changes nothing
    assert second.returncode == 0
    assert "already has" in second.stdout and "set " not in second.stdout
    assert (repo / ".gitattributes").read_text(encoding="utf-8") == LINE + "\n"
    assert (repo / ".git" / "config").read_text(encoding="utf-8") == config
    assert not Path(env["GIT_CONFIG_GLOBAL"]).exists()  # the user's config untouched
    (repo / "hotel~.blueprint").write_text("{}", encoding="utf-8")  # a backup the editor left
    git(env, repo, "add", ".")
    assert "hotel~.blueprint" not in git(env, repo, "status", "--porcelain")
    git(env, repo, "commit", "-q", "-m", "blueprint diff and merge")

    git(env, repo, "checkout", "-q", "-b", "ana")
    retitle(repo / "hotel.blueprint", "cu.compares", "Compares quiet hotels near the client")
    git(env, repo, "commit", "-q", "-am", "ana: search")
    diff = git(env, repo, "diff", "main", "--", "hotel.blueprint")
    assert '+card "Compares quiet hotels near the client" (Plan › Searches, Customer actions)' in diff
    assert '-card "Compares hotels within walking distance of the client"' in diff
    assert '"cards"' not in diff  # words, not the JSON
    git(env, repo, "checkout", "-q", "-b", "ben", "main")
    retitle(repo / "hotel.blueprint", "bk.publish", "Rates published from the PMS every hour")
    git(env, repo, "commit", "-q", "-am", "ben: rates")
    git(env, repo, "checkout", "-q", "ana")
    merged = run(env, repo, "git", "merge", "--no-edit", "ben")
    assert merged.returncode == 0, merged.stdout + merged.stderr
    cards = load(repo / "hotel.blueprint").cards_by_id()
    assert cards["cu.compares"].title == "Compares quiet hotels near the client"
    assert cards["bk.publish"].title == "Rates published from the PMS every hour"
    assert git(env, repo, "status", "--porcelain") == ""

    # the same card retitled on both branches: a conflict git reports, in a file that still opens
    git(env, repo, "checkout", "-q", "-b", "cleo", "main")
    retitle(repo / "hotel.blueprint", "cu.compares", "Cleo's title")
    git(env, repo, "commit", "-q", "-am", "cleo")
    conflict = run(env, repo, "git", "merge", "--no-edit", "ana")
    assert conflict.returncode != 0
    output = conflict.stdout + conflict.stderr
    assert (
        'CONFLICT (both changed) in hotel.blueprint: card cu.compares "Cleo\'s title", '
        'title: ours "Cleo\'s title"' in output
    )
    assert load(repo / "hotel.blueprint").cards_by_id()["cu.compares"].title == "Cleo's title"
    assert "hotel.blueprint" in git(env, repo, "diff", "--name-only", "--diff-filter=U")


def test_global_setup_writes_the_users_config(tmp_path: Path, env: dict[str, str]) -> None:
    done = run(env, tmp_path, blueprint_script(), "git-setup", "--global")
    assert done.returncode == 0, done.stderr
    attributes = Path(env["XDG_CONFIG_HOME"]) / "git" / "attributes"
    assert attributes.read_text(encoding="utf-8") == LINE + "\n"
    assert (Path(env["XDG_CONFIG_HOME"]) / "git" / "ignore").read_text(encoding="utf-8") == "*~.blueprint\n"
    assert "merge %O %A %B -o %A --name %P" in Path(env["GIT_CONFIG_GLOBAL"]).read_text(encoding="utf-8")
    outside = run(env, tmp_path, blueprint_script(), "git-setup")
    assert outside.returncode == 2 and "not inside a git repository" in outside.stderr


def test_the_drivers_name_the_program_by_its_absolute_path_even_when_it_is_on_path(
    tmp_path: Path, repo: Path, env: dict[str, str]
) -> None:
    """An activated virtual environment puts `blueprint` on PATH; git run from another shell would not
    find it, so the config always holds the absolute path, and a run from elsewhere updates it."""
    script = Path(blueprint_script())
    on_path = {**env, "PATH": f"{script.parent}{os.pathsep}{env.get('PATH', '')}"}
    first = run(on_path, repo, "blueprint", "git-setup")
    assert first.returncode == 0, first.stderr
    driver = git(env, repo, "config", "--local", "merge.blueprint.driver").strip()
    textconv = git(env, repo, "config", "--local", "diff.blueprint.textconv").strip()
    assert driver.startswith(f"{script} merge ") and textconv == f"{script} textconv"

    elsewhere = tmp_path / "other tools" / "blueprint"  # a space: quoted for the shell git uses
    elsewhere.parent.mkdir()
    shutil.copy(script, elsewhere)
    again = run(env, repo, str(elsewhere), "git-setup")
    assert again.returncode == 0, again.stderr
    driver = git(env, repo, "config", "--local", "merge.blueprint.driver").strip()
    assert driver.startswith(f"'{elsewhere}' merge ")
    assert f"updated merge.blueprint.driver = '{elsewhere}' merge " in again.stdout
    assert f"(was {script} merge %O %A %B -o %A --name %P)" in again.stdout
    (repo / ".gitattributes").write_text(LINE + "\n", encoding="utf-8")
    retitle(repo / "hotel.blueprint", "cu.compares", "Compares quiet hotels")
    diff = git(env, repo, "diff", "--", "hotel.blueprint")  # git runs the quoted path
    assert '+card "Compares quiet hotels" (Plan › Searches, Customer actions)' in diff

    # both branches add the same new file: git's %O is empty, the driver still merges it by id
    git(env, repo, "add", ".")
    git(env, repo, "commit", "-q", "-m", "setup")
    for branch, title in (("ana", "Ana's search"), ("ben", "Ben's search")):
        git(env, repo, "checkout", "-q", "-b", branch, "main")
        shutil.copy(repo / "hotel.blueprint", repo / "trip.blueprint")
        retitle(repo / "trip.blueprint", "cu.compares", title)
        git(env, repo, "add", "trip.blueprint")
        git(env, repo, "commit", "-q", "-m", branch)
    both = run(env, repo, "git", "merge", "--no-edit", "ana")
    assert both.returncode != 0  # a conflict: both added the card with different titles
    assert 'CONFLICT (both added) in trip.blueprint: card cu.compares "Ben\'s search"' in both.stdout
    merged = load(repo / "trip.blueprint")
    assert merged.cards_by_id()["cu.compares"].title == "Ben's search"
    assert len(merged.cards) == len(load(repo / "hotel.blueprint").cards)  # no card twice


def test_an_attributes_file_that_is_a_pipe_is_refused_without_waiting(
    repo: Path, env: dict[str, str]
) -> None:
    os.mkfifo(repo / ".gitattributes")
    done = run(env, repo, blueprint_script(), "git-setup")
    assert done.returncode == 2
    (line,) = done.stderr.splitlines()
    assert ".gitattributes: is not a regular file" in line
