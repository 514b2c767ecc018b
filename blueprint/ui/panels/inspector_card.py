"""The Inspector's card form: every field of one card, each edit one operation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLineEdit

from blueprint.edit import Document, EditError, MoveCard, Operation, SetCardFields
from blueprint.model import Card
from blueprint.ui.panels.form import ChoiceBox, Form, check_box, line_edit, plain_edit, set_line, set_plain
from blueprint.ui.panels.inspector_time import CustomerTime
from blueprint.ui.panels.parse import format_minutes, format_tags, optional, parse_minutes, parse_tags
from blueprint.ui.vocabulary import EMOTIONS as EMOTION_WORDS
from blueprint.ui.vocabulary import NO_FUNCTION, choices

Submit = Callable[[str, Operation], None]

EMOTIONS = choices(EMOTION_WORDS)
EVIDENCE = [("Not set", None), ("Observed", "observed"), ("Assumed", "assumed"), ("Proposed", "proposed")]
SEVERITIES = [("Low", "low"), ("Medium", "medium"), ("High", "high")]


class CardForm(Form):
    """Title, description, cell, owner, timing, emotion, fail and wait points, evidence, tags."""

    def __init__(self, submit: Submit) -> None:
        super().__init__("Card")
        self._submit = submit
        self.card_id = ""
        self._doc: Document | None = None
        #: The document's customer's time (a graph.timing.Timing), set by the Inspector; None until known.
        self.timing: Any = None
        s = self._set
        self.title = self.add(
            "title", "Title", line_edit(lambda t: s("title", t)), "What happens, in a few words"
        )
        self.description = self.add(
            "description",
            "Description",
            plain_edit(lambda t: s("description", t)),
            "Details of this action or touchpoint",
        )
        self.lane = self.add("lane", "Lane", ChoiceBox([], self._move_lane), "The lane (row) of the card")
        self.step = self.add("step", "Step", ChoiceBox([], self._move_step), "The step (column) of the card")
        self.function = self.add(
            "function",
            "Function",
            ChoiceBox([], lambda v: s("function", v)),
            "The team, role or system doing it",
        )
        self.channel = self.add(
            "channel",
            "Channel",
            line_edit(lambda t: s("channel", optional(t)), "e.g. app, phone"),
            "How it happens",
        )
        self.duration = self.add(
            "duration_minutes",
            "Duration",
            line_edit(lambda t: self._minutes("duration_minutes", "Duration", t), "minutes"),
            "How long it takes, in minutes (blank: not known)",
        )
        self.tolerance = self.add(
            "tolerance_minutes",
            "Tolerance",
            line_edit(lambda t: self._minutes("tolerance_minutes", "Tolerance", t), "minutes"),
            "How long the customer will accept, in minutes (at least the duration)",
        )
        self.customer_time = CustomerTime()
        self.add(
            "customer_time",
            "Time here",
            self.customer_time,
            "The customer's time at this card: the longest chain of work that leads to it, with waits",
        )
        self.emotion = self.add(
            "emotion",
            "Emotion",
            ChoiceBox(EMOTIONS, lambda v: s("emotion", v)),
            "How the customer feels here",
        )
        self.fail = self.add(
            "fail_point",
            "Fail point",
            check_box("Likely to fail here", self._toggle_fail),
            "Mark a fail point",
        )
        self.fail_note = self.add(
            "fail_point.note", "Fail note", line_edit(lambda t: self._fail("note", t)), "What goes wrong"
        )
        self.fail_severity = self.add(
            "fail_point.severity",
            "Severity",
            ChoiceBox(SEVERITIES, lambda v: self._fail("severity", v)),
            "How bad the failure is for the customer",
        )
        self.fail_owner = self.add(
            "fail_point.owner",
            "Owner",
            ChoiceBox([], lambda v: self._fail("owner", v)),
            "The function that owns recovery when this fails (a customer card's fail point needs one)",
        )
        self.wait = self.add(
            "wait_point",
            "Wait point",
            check_box("Customer waits here", self._toggle_wait),
            "Mark a wait point",
        )
        self.wait_note = self.add(
            "wait_point.note",
            "Wait note",
            line_edit(lambda t: self._wait("note", t)),
            "What the customer waits for",
        )
        self.wait_minutes = self.add(
            "wait_point.minutes",
            "Wait minutes",
            line_edit(lambda t: self._wait_minutes(t), "minutes"),
            "How long the customer waits, in minutes",
        )
        self.evidence = self.add(
            "evidence",
            "Evidence",
            ChoiceBox(EVIDENCE, lambda v: s("evidence", v)),
            "How we know this happens",
        )
        self.tags = self.add(
            "tags", "Tags", line_edit(lambda t: s("tags", parse_tags(t)), "comma, separated"), "Free tags"
        )

    # --- loading ------------------------------------------------------------------------------------

    def load(self, doc: Document, card: Card) -> None:
        if card.id != self.card_id:
            self.clear_errors()
        self._doc, self.card_id = doc, card.id
        bp = doc.blueprint
        self.heading.set_heading("Card", card.id)
        self.lane.set_choices([(lane.name, lane.id) for lane in bp.lanes])
        self.step.set_choices([(f"{stage.name} › {step.name}", step.id) for stage, step in bp.all_steps()])
        self.function.set_choices([(NO_FUNCTION, None)] + [(f.name, f.id) for f in bp.functions])
        set_line(self.title, card.title)
        set_plain(self.description, card.description)
        self.lane.set_value(card.lane)
        self.step.set_value(card.step)
        self.function.set_value(card.function)
        set_line(self.channel, card.channel or "")
        self._show_minutes("duration_minutes", self.duration, card.duration_minutes)
        self._show_minutes("tolerance_minutes", self.tolerance, card.tolerance_minutes)
        self.emotion.set_value(card.emotion)
        self.fail.setChecked(card.fail_point is not None)
        self.fail_note.setEnabled(card.fail_point is not None)
        self.fail_severity.setEnabled(card.fail_point is not None)
        set_line(self.fail_note, card.fail_point.note if card.fail_point else "")
        self.fail_severity.set_value(card.fail_point.severity if card.fail_point else "medium")
        own = next((f.name for f in bp.functions if f.id == card.function), None)
        self.fail_owner.set_choices(
            [(f"The card's function ({own})" if own else "Nobody (the card has no function)", None)]
            + [(f.name, f.id) for f in bp.functions]
        )
        self.fail_owner.set_value(card.fail_point.owner if card.fail_point else None)
        self.fail_owner.setEnabled(card.fail_point is not None)
        self.wait.setChecked(card.wait_point is not None)
        self.wait_note.setEnabled(card.wait_point is not None)
        self.wait_minutes.setEnabled(card.wait_point is not None)
        set_line(self.wait_note, card.wait_point.note if card.wait_point else "")
        minutes = card.wait_point.minutes if card.wait_point else None
        self._show_minutes("wait_point.minutes", self.wait_minutes, minutes)
        self.evidence.set_value(card.evidence)
        if parse_tags(self.tags.text()) != card.tags:
            set_line(self.tags, format_tags(card.tags))
        self.show_time()

    def show_time(self) -> None:
        """The customer's time here, on customer cards only."""
        card = self._card()
        customer = card is not None and self._doc is not None and self._is_customer(card)
        self._layout.setRowVisible(self.customer_time.parentWidget(), customer)
        if customer:
            self.customer_time.show_time(self._doc, card, self.timing)  # type: ignore[arg-type]

    def _is_customer(self, card: Card) -> bool:
        return any(lane.id == card.lane and lane.kind == "customer" for lane in self._doc.blueprint.lanes)  # type: ignore[union-attr]

    def _show_minutes(self, key: str, edit: QLineEdit, value: int | float | None) -> None:
        """Show the model's minutes unless the field already says the same ("1." while typing 1.5)
        or holds refused input with its message."""
        if self.error_text(key):
            return
        try:
            if parse_minutes(edit.text(), key, "") == value:
                return
        except EditError:
            pass
        set_line(edit, format_minutes(value))

    # --- edits --------------------------------------------------------------------------------------

    def _card(self) -> Card | None:
        return self._doc.card(self.card_id) if self._doc is not None else None

    def _set(self, key: str, value: Any) -> None:
        self._submit(key, SetCardFields(self.card_id, {key: value}))

    def _minutes(self, key: str, label: str, text: str) -> None:
        try:
            value = parse_minutes(text, key, label)
        except EditError as error:
            self.show_error(key, error.message)
            return
        self._set(key, value)

    def _move_lane(self, lane_id: str) -> None:
        card = self._card()
        if card is not None and lane_id != card.lane:
            self._submit("lane", MoveCard(card.id, lane_id, card.step, 10**9))

    def _move_step(self, step_id: str) -> None:
        card = self._card()
        if card is not None and step_id != card.step:
            self._submit("step", MoveCard(card.id, card.lane, step_id, 10**9))

    def _toggle_fail(self, on: bool) -> None:
        self._set("fail_point", {"note": "", "severity": "medium"} if on else None)

    def _toggle_wait(self, on: bool) -> None:
        self._set("wait_point", {"note": "", "minutes": None} if on else None)

    def _fail(self, name: str, value: Any) -> None:
        card = self._card()
        if card is not None and card.fail_point is not None:
            point = {**card.fail_point.model_dump(), name: value}
            self._submit(f"fail_point.{name}", SetCardFields(card.id, {"fail_point": point}))

    def _wait(self, name: str, value: Any) -> None:
        card = self._card()
        if card is not None and card.wait_point is not None:
            point = {**card.wait_point.model_dump(), name: value}
            self._submit(f"wait_point.{name}", SetCardFields(card.id, {"wait_point": point}))

    def _wait_minutes(self, text: str) -> None:
        try:
            value = parse_minutes(text, "wait_point.minutes", "Wait")
        except EditError as error:
            self.show_error("wait_point.minutes", error.message)
            return
        self._wait("minutes", value)
