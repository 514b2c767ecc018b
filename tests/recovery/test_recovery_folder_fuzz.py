"""The recovery folder fuzzed: any mix of envelopes (valid, damaged, with odd field values), bases,
journals, locks, temporary files, folders and links under our names and others'. Scanning never
raises, every offered copy reads or says why not, and no envelope is ever deleted (each is offered,
left alone or set aside where the designer can find it)."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from recovery_folders import entries, envelope_files, lay_out

from blueprint.recovery import RecoveryStore, UnreadableCopy


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(entries(), max_size=10))
def test_whatever_the_folder_holds_the_scan_starts_and_keeps_every_envelope(
    tmp_path: Path, planned: list[tuple[str, str, bytes]]
) -> None:
    folder = tmp_path / "recovery"
    shutil.rmtree(folder, ignore_errors=True)
    lay_out(folder, planned)
    before = envelope_files(folder)
    store = RecoveryStore(folder)
    scan = store.scan()
    for copy in scan.copies:
        try:
            recovered = copy.read()
        except UnreadableCopy as error:
            assert str(error) and "\n" not in str(error)
            continue
        assert recovered.blueprint.title in ("Test blueprint", "Edited")
    for aside in scan.set_aside:
        assert aside.reason and aside.name
    assert envelope_files(folder) == before  # offered, left, or moved to set-aside: never deleted
    for copy in scan.copies:
        store.remove_copy(copy)  # discarding what was offered never raises either
    store.release_all()
    assert RecoveryStore(folder).scan().copies == []
