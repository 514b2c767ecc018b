"""The Inspector dock: edits every field of the selected card, link, lane, stage, step or improvement
plan, the shared fields of several selected cards, and the blueprint's own fields when nothing is
selected.

Every edit is an operation pushed on the undo stack; typing in one field merges into one undo step
(the merge key names the element, the field and an edit session that restarts whenever the selection
or the document changes from elsewhere). A refused edit shows its message beside the field.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDockWidget, QLabel, QScrollArea, QSizePolicy, QStackedWidget, QWidget

from blueprint.edit import Change, Document, EditError, Operation, RemoveImprovements
from blueprint.ui.commands import push
from blueprint.ui.panels.form import Form
from blueprint.ui.panels.inspector_card import CardForm
from blueprint.ui.panels.inspector_document import DocumentForm
from blueprint.ui.panels.inspector_elements import LaneForm, LinkForm, StageForm, StepForm
from blueprint.ui.panels.inspector_many import ManyCardsForm
from blueprint.ui.panels.inspector_plan import PlanForm
from blueprint.ui.panels.wheel_guard import WheelGuard
from blueprint.ui.selection import Selection


class InspectorPanel(QDockWidget):
    """Dock widget; build with the window's document, undo stack and selection."""

    def __init__(
        self, document: Document, undo_stack: QUndoStack, selection: Selection, parent: QWidget | None = None
    ) -> None:
        super().__init__("Inspector", parent)
        self.setObjectName("inspector")
        self.setToolTip("Edit the selected element, or the blueprint when nothing is selected")
        self.undo_stack = undo_stack
        self.selection = selection
        self._session = 0
        self._pushing = False
        self._unsubscribe = None
        self.card_form = CardForm(self._submit)
        self.link_form = LinkForm(self._submit)
        self.lane_form = LaneForm(self._submit)
        self.stage_form = StageForm(self._submit)
        self.step_form = StepForm(self._submit)
        self.document_form = DocumentForm(self._submit)
        self.cards_form = ManyCardsForm(self._submit)
        self.plan_form = PlanForm(self._submit)
        self.plan_form.picked.connect(lambda element_id: self.selection.set([element_id], centre=True))
        self.plan_form.delete_requested.connect(self._delete_plan)
        self.card_form.customer_time.picked.connect(
            lambda card_id: self.selection.set([card_id], centre=True)
        )
        self.many = QLabel()
        self.many.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        for page in (
            self.document_form,
            self.card_form,
            self.link_form,
            self.lane_form,
            self.stage_form,
            self.step_form,
            self.cards_form,
            self.plan_form,
            self.many,
        ):
            self.pages.addWidget(page)
        self.pages.currentChanged.connect(self._fit_current_page)
        scroll = self.scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.pages)
        WheelGuard(scroll, scroll).guard(self.pages)  # the wheel scrolls the form, not the box under it
        self.setWidget(scroll)
        selection.changed.connect(self._selection_changed)
        self.set_document(document)

    def set_document(self, document: Document) -> None:
        """Show another document (after Open or New)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
        self.document = document
        self._unsubscribe = document.subscribe(self._document_changed)
        self._session += 1
        self.refresh()

    @property
    def current_form(self) -> Form | None:
        page = self.pages.currentWidget()
        return page if isinstance(page, Form) else None

    def refresh(self) -> None:
        """Show the form of the selection with the model's current values; a form of another kind
        starts at its top (a link's Label was hidden below a card's scrolled form)."""
        shown = self.pages.currentWidget()
        self._load()
        if self.pages.currentWidget() is not shown:
            self.scroll.verticalScrollBar().setValue(0)

    def _fit_current_page(self) -> None:
        """The pages' height is the shown form's, not the tallest form's: a stage's two fields scrolled
        down into the empty height of the card's form below them."""
        for i in range(self.pages.count()):
            page = self.pages.widget(i)
            shown = page is self.pages.currentWidget()
            policy = page.sizePolicy()
            policy.setVerticalPolicy(QSizePolicy.Policy.Preferred if shown else QSizePolicy.Policy.Ignored)
            page.setSizePolicy(policy)
        self.pages.updateGeometry()

    def _load(self) -> None:
        doc, ids = self.document, self.selection.ids
        if len(ids) > 1:
            cards = [doc.card(i) for i in ids]
            if all(card is not None for card in cards):
                self.cards_form.load(doc, cards)  # type: ignore[arg-type]
                self.pages.setCurrentWidget(self.cards_form)
                return
            self.many.setText(f"{len(ids)} elements selected")
            self.pages.setCurrentWidget(self.many)
            return
        element_id = ids[0] if ids else None
        kind = doc.kind_of(element_id) if element_id else None
        bp = doc.blueprint
        if kind == "card":
            self.card_form.load(doc, doc.card(element_id))
            self.pages.setCurrentWidget(self.card_form)
        elif kind == "link":
            self.link_form.load(doc, doc.link(element_id))
            self.pages.setCurrentWidget(self.link_form)
        elif kind == "lane":
            self.lane_form.load(doc, bp.lanes_by_id()[element_id])
            self.pages.setCurrentWidget(self.lane_form)
        elif kind == "stage":
            self.stage_form.load(doc, next(s for s in bp.stages if s.id == element_id))
            self.pages.setCurrentWidget(self.stage_form)
        elif kind == "improvement":
            self.plan_form.load(doc, doc.improvement(element_id))  # type: ignore[arg-type]
            self.pages.setCurrentWidget(self.plan_form)
        elif kind == "step":
            self.step_form.load(doc, next(step for _, step in bp.all_steps() if step.id == element_id))
            self.pages.setCurrentWidget(self.step_form)
        else:
            self.document_form.load(doc)
            self.pages.setCurrentWidget(self.document_form)

    # --- plumbing -----------------------------------------------------------------------------------

    def _submit(self, key: str, op: Operation) -> None:
        """Push `op` for field `key`; "field#gesture" is field `field`, never merged with its other
        gestures (each target taken out of a plan is its own undo step)."""
        form = self.current_form
        element_id = self.selection.ids[0] if self.selection.ids else "document"
        field = key.split("#", 1)[0]
        self._pushing = True
        try:
            push(self.undo_stack, self.document, op, merge_key=f"{element_id}:{key}:{self._session}")
        except EditError as error:
            if form is not None:
                form.show_error(field, error.message)
            return
        finally:
            self._pushing = False
        if form is not None:
            form.clear_error(field)
        self.refresh()  # keeps other fields in step (e.g. fail point note enabled)

    def set_timing(self, timing: object) -> None:
        """The customer's time was worked out again (a graph.timing.Timing): show it at the card."""
        self.card_form.timing = timing
        if self.pages.currentWidget() is self.card_form:
            self.card_form.show_time()

    def _delete_plan(self, plan_id: str) -> None:
        try:
            push(self.undo_stack, self.document, RemoveImprovements((plan_id,)))
        except EditError:
            return
        self.selection.discard([plan_id])

    def _selection_changed(self) -> None:
        self._session += 1
        self.refresh()

    def _document_changed(self, change: Change) -> None:
        if self._pushing:
            return
        self._session += 1  # an undo or a canvas edit ends the typing step
        shown = set(self.selection.ids)
        plan_shown = self.pages.currentWidget() is self.plan_form  # it names other elements' titles
        if not shown or shown & change.ids or change.structural or "function" in change.kinds or plan_shown:
            self.refresh()
