"""What the canvas's gestures, menus and the window's Edit actions do to the document.

Every method builds one operation and pushes it on the undo stack, so each gesture is one undo step.
A refused edit (EditError) leaves the document unchanged and is reported through `problem`.
"""

from __future__ import annotations

import atexit
import copy
import json
from collections.abc import Callable, Iterable
from functools import cache

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication, QUndoStack

from blueprint.edit import (
    AddCard,
    AddFunction,
    AddLane,
    AddLink,
    AddStage,
    AddStep,
    Batch,
    Document,
    EditError,
    MoveCard,
    MoveLane,
    MoveStage,
    MoveStep,
    Operation,
    RemoveCards,
    RemoveImprovements,
    RemoveLane,
    RemoveLinks,
    RemoveStage,
    RemoveStep,
    SetCardFields,
    SetLaneFields,
    SetLinkFields,
    SetStageFields,
    SetStepFields,
    copy_cards,
    duplicate_cards,
    new_card,
    paste_cards,
    pasted_card_ids,
)
from blueprint.export.palette import next_function_color
from blueprint.model import Function, Lane, Link, Stage, Step, unique_id
from blueprint.ui.canvas import removal_prompt
from blueprint.ui.commands import push
from blueprint.ui.selection import Selection
from blueprint.ui.vocabulary import LANE_NAMES

CLIPBOARD_MIME = "application/x-service-blueprint-cards"


class CanvasEditor:
    """The document edits a designer makes on the canvas."""

    def __init__(self, document: Document, stack: QUndoStack, selection: Selection) -> None:
        self.document = document
        self.stack = stack
        self.selection = selection
        self.problem: Callable[[str], None] = lambda message: None

    def run(self, op: Operation) -> bool:
        """Push `op` as one undo step; False (and a message) when the document refuses it."""
        try:
            push(self.stack, self.document, op)
        except EditError as error:
            self.problem(error.message)
            return False
        return True

    # --- cards and links ------------------------------------------------------------------------

    def selected_cards(self) -> list[str]:
        return [i for i in self.selection.ids if self.document.card(i) is not None]

    def selected_links(self) -> list[str]:
        return [i for i in self.selection.ids if self.document.link(i) is not None]

    def add_card(self, lane_id: str, step_id: str, title: str) -> str | None:
        title = title.strip()
        if not title:
            return None
        try:
            card = new_card(self.document, lane_id, step_id, title)
        except ValueError:  # pydantic refuses it (e.g. longer than a title may be)
            self.problem("A card title has at most 500 characters")
            return None
        if self.run(AddCard(card, text=f"Add card '{_short(title)}'")):
            self.selection.set([card.id])
            return card.id
        return None

    def set_card_fields(self, card_id: str, changes: dict, text: str = "") -> bool:  # type: ignore[type-arg]
        return self.run(SetCardFields(card_id, changes, text=text))

    def set_cards_fields(self, card_ids: list[str], changes: dict, text: str = "") -> bool:  # type: ignore[type-arg]
        """The same change on several cards, as one undo step."""
        if len(card_ids) == 1:
            return self.set_card_fields(card_ids[0], changes, text)
        # each card gets its own copy: a fail point object must never be shared by two cards
        ops: list[Operation] = [SetCardFields(card_id, copy.deepcopy(changes)) for card_id in card_ids]
        return self.run(Batch(ops, text=f"{text or 'Edit'} ({len(card_ids)} cards)"))

    def new_function_for(self, card_ids: list[str], name: str, kind: str = "team") -> str | None:
        """Create a function named `name` of `kind` (with the first free palette colour) and give it the
        cards."""
        name = name.strip()
        if not name or not card_ids:
            return None
        bp = self.document.blueprint
        same = [f for f in bp.functions if f.name.strip().casefold() == name.casefold()]
        if same:  # "Web shop" typed again is the same function: a copy would split its hand-offs
            assign: list[Operation] = [
                SetCardFields(card_id, {"function": same[0].id}) for card_id in card_ids
            ]
            return same[0].id if self.run(Batch(assign, text=f"Set function '{_short(name)}'")) else None
        colour = next_function_color([f.color for f in bp.functions])
        function = Function(id=unique_id(_slug(name), bp.all_ids()), name=name[:100], kind=kind, color=colour)
        ops: list[Operation] = [AddFunction(function)]
        ops += [SetCardFields(card_id, {"function": function.id}) for card_id in card_ids]
        return function.id if self.run(Batch(ops, text=f"New function '{_short(name)}'")) else None

    def reverse_link(self, link_id: str) -> bool:
        """Turn a link round (same id, label and place in the file), as one undo step."""
        links = self.document.blueprint.links
        position = next((i for i, link in enumerate(links) if link.id == link_id), None)
        if position is None:
            return False
        link = links[position]
        turned = link.model_copy(update={"source": link.target, "target": link.source})
        ops: list[Operation] = [RemoveLinks((link_id,)), AddLink(turned, index=position)]
        return self.run(Batch(ops, text="Reverse link"))

    def move_cards(self, card_ids: list[str], lane_id: str, step_id: str, index: int) -> bool:
        """Move cards to a cell, as one undo step; False when nothing would change."""
        cell = [c.id for c in self.document.blueprint.cards_in_cell(lane_id, step_id)]
        others = [c for c in cell if c not in card_ids]
        if cell == others[:index] + card_ids + others[index:] and all(
            (self.document.card(c).lane, self.document.card(c).step) == (lane_id, step_id)  # type: ignore[union-attr]
            for c in card_ids
        ):
            return False
        ops: list[Operation] = [MoveCard(c, lane_id, step_id, index + i) for i, c in enumerate(card_ids)]
        if len(ops) == 1:
            return self.run(ops[0])
        return self.run(Batch(ops, text=f"Move {len(ops)} cards"))

    def add_link(self, source: str, target: str) -> str | None:
        if source == target:
            return None
        if any(link.target == target for link in self.document.links_of(source) if link.source == source):
            self.problem("These cards are already linked")
            return None
        link = Link(id=unique_id("link", self.document.blueprint.all_ids()), source=source, target=target)
        if self.run(AddLink(link)):
            self.selection.set([link.id])
            return link.id
        return None

    def link_selected(self) -> str | None:
        """Link Selected Cards: from the card selected first to the one selected second."""
        cards = self.selected_cards()
        if len(cards) != 2:
            self.problem("Select two cards to link: the first, then the second (Ctrl+click or Shift+arrow)")
            return None
        return self.add_link(cards[0], cards[1])

    def move_cards_by(self, card_ids: list[str], lanes: int, steps: int) -> bool:
        """Move cards to the next or previous lane or step (each keeps its own cell's neighbour), as
        one undo step; at the edge of the grid nothing moves and the reason is given."""
        bp = self.document.blueprint
        lane_ids = [lane.id for lane in bp.lanes]
        step_ids = [step.id for _, step in bp.all_steps()]
        ops: list[Operation] = []
        for card_id in card_ids:
            card = self.document.card(card_id)
            if card is None:
                continue
            lane = lane_ids.index(card.lane) + lanes
            step = step_ids.index(card.step) + steps
            if not (0 <= lane < len(lane_ids) and 0 <= step < len(step_ids)):
                edge = "first" if lanes < 0 or steps < 0 else "last"
                what = "lane" if lanes else "step"
                self.problem(f"'{_short(card.title)}' is already in the {edge} {what}")
                return False
            ops.append(MoveCard(card_id, lane_ids[lane], step_ids[step], 10**9))
        if not ops:
            return False
        return self.run(ops[0] if len(ops) == 1 else Batch(ops, text=f"Move {len(ops)} cards"))

    def set_link_label(self, link_id: str, label: str) -> bool:
        return self.run(SetLinkFields(link_id, {"label": label}, text="Label link"))

    def delete_selection(self) -> bool:
        cards, links = self.selected_cards(), self.selected_links()
        dropped = set(cards)
        links = [
            i for i in links if not ({self.document.link(i).source, self.document.link(i).target} & dropped)
        ]  # type: ignore[union-attr]
        ops: list[Operation] = []
        if cards:
            ops.append(RemoveCards(tuple(cards)))
        if links:
            ops.append(RemoveLinks(tuple(links)))
        if not ops:
            return self._delete_selected_header()
        done = self.run(ops[0] if len(ops) == 1 else Batch(ops, text="Delete selection"))
        if done:
            self.selection.clear()
        return done

    def _delete_selected_header(self) -> bool:
        """Delete with a lane, stage or step selected (its name clicked) removes it, asking first; with
        an improvement plan selected (in the Improvements panel), the plan."""
        if len(self.selection.ids) != 1:
            return False
        element_id = self.selection.ids[0]
        kind = self.document.kind_of(element_id)
        if kind == "improvement":
            done = self.run(RemoveImprovements((element_id,)))
            if done:
                self.selection.discard([element_id])
            return done
        return kind in ("lane", "stage", "step") and self.remove(kind, element_id)  # type: ignore[arg-type]

    # --- clipboard ------------------------------------------------------------------------------

    def copy(self) -> bool:
        cards = self.selected_cards()
        if not cards:
            return False
        payload = copy_cards(self.document, cards)
        data = QMimeData()
        data.setData(CLIPBOARD_MIME, json.dumps(payload).encode("utf-8"))
        data.setText("\n".join(c["title"] for c in payload["cards"]))
        QGuiApplication.clipboard().setMimeData(data)
        _clear_clipboard_at_exit()
        return True

    def cut(self) -> bool:
        return self.copy() and self.delete_selection()

    def can_paste(self) -> bool:
        data = QGuiApplication.clipboard().mimeData()
        return data is not None and data.hasFormat(CLIPBOARD_MIME)

    def paste(self, cell: tuple[str, str] | None = None) -> bool:
        """Paste the clipboard's cards; with a cell, the block's top-left card goes there and the others
        keep their offsets (clamped to the grid); without one, copies go to their own cells."""
        data = QGuiApplication.clipboard().mimeData()
        if data is None or not data.hasFormat(CLIPBOARD_MIME):
            return False
        try:
            payload = json.loads(bytes(data.data(CLIPBOARD_MIME)).decode("utf-8"))
            lane, step = cell if cell is not None else (None, None)
            batch = paste_cards(self.document, payload, lane, step, keep_offsets=True)
        except (ValueError, KeyError, TypeError) as error:
            self.problem(f"The clipboard does not hold cards this editor can paste ({error})")
            return False
        if self.run(batch):
            self.selection.set(pasted_card_ids(batch))
            return True
        return False

    def duplicate(self) -> bool:
        cards = self.selected_cards()
        if not cards:
            return False
        batch = duplicate_cards(self.document, cards)
        if self.run(batch):
            self.selection.set(pasted_card_ids(batch))
            return True
        return False

    # --- lanes, stages and steps ----------------------------------------------------------------

    def rename(self, kind: str, element_id: str, name: str) -> bool:
        name = name.strip()
        if not name:
            return False
        ops = {"lane": SetLaneFields, "stage": SetStageFields, "step": SetStepFields}
        if kind == "card":
            return self.set_card_fields(element_id, {"title": name})
        return self.run(ops[kind](element_id, {"name": name}))

    def insert_step(self, step_id: str, after: bool) -> str | None:
        bp = self.document.blueprint
        for stage in bp.stages:
            for i, step in enumerate(stage.steps):
                if step.id == step_id:
                    new = Step(id=unique_id("step", bp.all_ids()), name="New step")
                    return new.id if self.run(AddStep(stage.id, new, i + int(after))) else None
        return None

    def insert_stage(self, stage_id: str, after: bool) -> str | None:
        bp = self.document.blueprint
        index = next(i for i, s in enumerate(bp.stages) if s.id == stage_id) + int(after)
        taken = bp.all_ids()
        stage_key = unique_id("stage", taken)
        step = Step(id=unique_id("step", taken | {stage_key}), name="New step")
        stage = Stage(id=stage_key, name="New stage", steps=[step])
        return stage.id if self.run(AddStage(stage, index)) else None

    def insert_lane(self, lane_id: str, kind: str, after: bool) -> str | None:
        bp = self.document.blueprint
        index = next(i for i, lane in enumerate(bp.lanes) if lane.id == lane_id) + int(after)
        lane = Lane(id=unique_id(kind, bp.all_ids()), name=LANE_NAMES.get(kind, kind.title()), kind=kind)
        return lane.id if self.run(AddLane(lane, index)) else None

    def move_lane(self, lane_id: str, delta: int) -> bool:
        lanes = [lane.id for lane in self.document.blueprint.lanes]
        index = lanes.index(lane_id) + delta
        if not 0 <= index < len(lanes):
            return False
        return self.run(MoveLane(lane_id, index))

    def move_lane_to(self, lane_id: str, index: int) -> bool:
        """Move a lane to `index` (a drag of its name); False when it is there already."""
        lanes = [lane.id for lane in self.document.blueprint.lanes]
        return lane_id in lanes and lanes.index(lane_id) != index and self.run(MoveLane(lane_id, index))

    def move_stage(self, stage_id: str, delta: int) -> bool:
        """Move a stage (its steps and their cards with it) one place left or right."""
        stages = [stage.id for stage in self.document.blueprint.stages]
        index = stages.index(stage_id) + delta
        if not 0 <= index < len(stages):
            self.problem(f"This is already the {'first' if delta < 0 else 'last'} stage")
            return False
        return self.run(MoveStage(stage_id, index))

    def move_stage_to(self, stage_id: str, index: int) -> bool:
        """Move a stage to `index` (a drag of its header); False when it is there already."""
        stages = [stage.id for stage in self.document.blueprint.stages]
        return stage_id in stages and stages.index(stage_id) != index and self.run(MoveStage(stage_id, index))

    def move_step(self, step_id: str, delta: int) -> bool:
        """Move a step one place left or right. Past the edge of its stage it joins the neighbouring
        stage (as its last or first step); a stage keeps at least one step, so its only step stays."""
        stages = self.document.blueprint.stages
        for s, stage in enumerate(stages):
            for i, step in enumerate(stage.steps):
                if step.id != step_id:
                    continue
                if 0 <= i + delta < len(stage.steps):
                    return self.run(MoveStep(step_id, stage.id, i + delta))
                if not 0 <= s + delta < len(stages):
                    self.problem(f"This is already the {'first' if delta < 0 else 'last'} step")
                    return False
                other = stages[s + delta]
                return self.run(MoveStep(step_id, other.id, len(other.steps) if delta < 0 else 0))
        return False

    def move_step_to(self, step_id: str, stage_id: str, index: int) -> bool:
        """Move a step to `index` among the steps of `stage_id` (a drag of its header)."""
        for stage in self.document.blueprint.stages:
            ids = [step.id for step in stage.steps]
            if step_id in ids and stage.id == stage_id and ids.index(step_id) == index:
                return False
        return self.run(MoveStep(step_id, stage_id, index))

    def remove(self, kind: str, element_id: str) -> bool:
        """Remove a lane, stage or step; one that holds cards asks first, naming what goes with it."""
        ops = {"lane": RemoveLane, "stage": RemoveStage, "step": RemoveStep}
        if not removal_prompt.may_remove(self.document, kind, element_id):
            return False
        done = self.run(ops[kind](element_id))
        if done:
            self.selection.discard([element_id])
        return done

    def select(self, ids: Iterable[str], centre: bool = False) -> None:
        self.selection.set(ids, centre=centre)


@cache
def _clear_clipboard_at_exit() -> None:
    """Qt crashes at exit when the clipboard still holds our data (offscreen and X11): drop it first."""

    def clear() -> None:
        if QGuiApplication.instance() is not None:
            QGuiApplication.clipboard().clear()

    atexit.register(clear)


def _slug(name: str) -> str:
    slug = "".join(ch.lower() if ch.isascii() and ch.isalnum() else "-" for ch in name).strip("-")
    return "-".join(part for part in slug.split("-") if part)[:40] or "function"


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
