"""The Inspector's small forms: link, lane, stage and step."""

from __future__ import annotations

from collections.abc import Callable

from blueprint.edit import Document, Operation, SetLaneFields, SetLinkFields, SetStageFields, SetStepFields
from blueprint.model import Lane, Link, Stage, Step
from blueprint.ui.panels.form import ChoiceBox, Form, line_edit, plain_edit, set_line, set_plain
from blueprint.ui.vocabulary import LANE_KINDS as LANE_WORDS
from blueprint.ui.vocabulary import choices

Submit = Callable[[str, Operation], None]

LANE_KINDS = choices(LANE_WORDS)
PHASES = [("Not set", None), ("Pre-purchase", "pre-purchase"), ("Purchase", "purchase")]
PHASES += [("Post-purchase", "post-purchase")]
LINK_KINDS = [("Flow (work moves on)", "flow"), ("Loop (goes back)", "loop")]


class LinkForm(Form):
    def __init__(self, submit: Submit) -> None:
        super().__init__("Link")
        self.element_id = ""
        set_ = lambda key, value: submit(key, SetLinkFields(self.element_id, {key: value}))  # noqa: E731
        self.label = self.add("label", "Label", line_edit(lambda t: set_("label", t)), "What is handed over")
        self.kind = self.add(
            "kind",
            "Kind",
            ChoiceBox(LINK_KINDS, lambda v: set_("kind", v)),
            "A flow, or a loop back to rework",
        )

    def load(self, doc: Document, link: Link) -> None:
        if link.id != self.element_id:
            self.clear_errors()
        self.element_id = link.id
        source, target = doc.card(link.source), doc.card(link.target)
        self.heading.set_heading(
            "Link", source.title if source else link.source, target.title if target else link.target
        )
        set_line(self.label, link.label)
        self.kind.set_value(link.kind)


class LaneForm(Form):
    def __init__(self, submit: Submit) -> None:
        super().__init__("Lane")
        self.element_id = ""
        set_ = lambda key, value: submit(key, SetLaneFields(self.element_id, {key: value}))  # noqa: E731
        self.name = self.add("name", "Name", line_edit(lambda t: set_("name", t)), "The lane's name")
        self.kind = self.add(
            "kind",
            "Kind",
            ChoiceBox(LANE_KINDS, lambda v: set_("kind", v)),
            "Which band of the blueprint the lane belongs to",
        )

    def load(self, doc: Document, lane: Lane) -> None:
        if lane.id != self.element_id:
            self.clear_errors()
        self.element_id = lane.id
        set_line(self.name, lane.name)
        self.kind.set_value(lane.kind)


class StageForm(Form):
    def __init__(self, submit: Submit) -> None:
        super().__init__("Stage")
        self.element_id = ""
        set_ = lambda key, value: submit(key, SetStageFields(self.element_id, {key: value}))  # noqa: E731
        self.name = self.add("name", "Name", line_edit(lambda t: set_("name", t)), "The stage's name")
        self.phase = self.add(
            "phase",
            "Phase",
            ChoiceBox(PHASES, lambda v: set_("phase", v)),
            "Before, during or after purchase",
        )
        self.job = self.add(
            "job", "Job", plain_edit(lambda t: set_("job", t)), "The job the customer is trying to get done"
        )

    def load(self, doc: Document, stage: Stage) -> None:
        if stage.id != self.element_id:
            self.clear_errors()
        self.element_id = stage.id
        set_line(self.name, stage.name)
        self.phase.set_value(stage.phase)
        set_plain(self.job, stage.job)


class StepForm(Form):
    def __init__(self, submit: Submit) -> None:
        super().__init__("Step")
        self.element_id = ""
        set_ = lambda key, value: submit(key, SetStepFields(self.element_id, {key: value}))  # noqa: E731
        self.name = self.add("name", "Name", line_edit(lambda t: set_("name", t)), "The step's name")

    def load(self, doc: Document, step: Step) -> None:
        if step.id != self.element_id:
            self.clear_errors()
        self.element_id = step.id
        set_line(self.name, step.name)
