"""The names of the three lines are written clear of link labels: moved right past a label's plate,
or left out at that stage when there is no room."""

from __future__ import annotations

from pathlib import Path

from blueprint.export.captions import caption_box, caption_xs, label_plates_near
from blueprint.fileformat import load
from blueprint.layout import compute_layout
from blueprint.layout.shapes import Line


def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_a_name_moves_right_past_a_plate_and_is_left_out_without_room() -> None:
    line = Line("visibility", "Line of visibility", 100.0, 0.0, 2000.0)
    plate_at_start = (95.0, 80.0, 104.0, 120.0)  # an upright label crossing the line at x 95-104
    xs = caption_xs(line, [100.0, 500.0], [plate_at_start])
    assert xs[0] == 104.0 + 2.0 and xs[1] == 500.0
    wall = [(100.0 + 10 * k, 80.0, 108.0 + 10 * k, 120.0) for k in range(20)]  # plates all along
    assert caption_xs(line, [100.0], wall) == []


def test_no_sample_writes_a_line_name_under_a_label(sample_path: Path) -> None:
    layout = compute_layout(load(sample_path))
    plates = label_plates_near(layout, layout.lines)
    starts = [10.0] + [stage.box.x + 6 for stage in layout.stages]
    for line in layout.lines:
        for x in caption_xs(line, starts, plates):
            box = caption_box(line, x)
            assert not any(_overlaps(box, p) for p in plates), (line.label, x)


def test_hotel_stay_has_names_moved_off_upright_labels(repo: Path) -> None:
    layout = compute_layout(load(repo / "samples" / "hotel-stay.blueprint"))
    plates = label_plates_near(layout, layout.lines)
    starts = [10.0] + [stage.box.x + 6 for stage in layout.stages]
    blocked = [
        (line.label, x)
        for line in layout.lines
        for x in starts
        if any(_overlaps(caption_box(line, x), p) for p in plates)
    ]
    assert blocked, "hotel-stay has upright labels crossing the lines at stage starts (the review's case)"
    for line in layout.lines:
        assert len(caption_xs(line, starts, plates)) >= len(starts) - 2  # moved, seldom left out
