"""The Inspector's improvement plan form: every field of one plan, each edit one operation.

Targets are listed as titles (a click selects the card or link on the canvas, "×" takes one out);
cards join a plan from their right-click menu ("Add to improvement"). The due date has a calendar and a
Clear button (a plan need not have a date), and can be typed ("20270501" or "2027-05-01") into the
field even while it shows "No date".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPalette
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from blueprint.edit import Document, Operation, SetImprovementFields
from blueprint.model import Improvement
from blueprint.ui.improvements import OVERDUE_COLOUR, OVERDUE_TIP, STATUSES, is_overdue, target_name
from blueprint.ui.panels.form import ChoiceBox, Form, line_edit, plain_edit, set_line, set_plain
from blueprint.ui.panels.title_buttons import TitleButtons
from blueprint.ui.plain import plain_label

Submit = Callable[[str, Operation], None]

#: The date edit shows "No date" at this date, which stands for "not set" (QDateEdit cannot be empty).
NO_DATE = QDate(2000, 1, 1)
NO_DATE_TEXT = "No date"
DATE_TIP = "When the change should be done: pick a day in the calendar (the arrow) or type it"
HINT = "Add a card or link: right-click it on the canvas › Add to improvement"


class _DateEdit(QDateEdit):
    """A date edit whose calendar opens on today when no date is set (not on the "No date" stand-in),
    and that takes a typed date while it shows "No date".

    Qt cannot type into the special text "No date" (typing "20270501" gave "No date20270501"): the
    first digit typed there shows the stand-in as a date, "2000-01-01", with its year selected, so the
    digits fill year, month and day in turn. Typing ends with Enter or leaving the field (keyboard
    tracking is off, so the plan gets the whole date in one edit, not each part on the way); a date
    left at the stand-in (nothing or nothing valid typed) shows "No date" again.
    """

    def __init__(self, due: DueDate) -> None:
        super().__init__()
        self._due = due
        self.setKeyboardTracking(False)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        empty = self._due.value() is None
        if empty:
            self.blockSignals(True)  # showing today is not an edit until a day is picked
            self.setDate(QDate.currentDate())
            self.blockSignals(False)
        super().mousePressEvent(event)
        if empty and not self.calendarWidget().isVisible():  # a click in the text, not on the arrow
            self._due.set_value(None)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.date() == NO_DATE and self.specialValueText() and event.text().isdigit():
            self.setSpecialValueText("")  # type over the stand-in date, year first
            self.setSelectedSection(QDateTimeEdit.Section.YearSection)
        super().keyPressEvent(event)


class DueDate(QWidget):
    """A date with a calendar pop-up and a Clear button; `edited` gives "YYYY-MM-DD" or None."""

    edited = Signal(object)
    #: Clear was pressed (its own undo step, not merged into the date picked before it).
    cleared = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._shown: str | None = None  # the date loaded or last reported
        self.date = _DateEdit(self)
        self.date.setObjectName("due-date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMinimumDate(NO_DATE)
        self.date.setSpecialValueText(NO_DATE_TEXT)
        self.date.setAccessibleName("Due date")
        self.date.setToolTip(DATE_TIP)
        self.date.dateChanged.connect(self._changed)
        self.date.editingFinished.connect(self._finished)
        calendar = self.date.calendarWidget()
        calendar.clicked.connect(self._picked)  # today picked on a calendar opened on today: no
        calendar.activated.connect(self._picked)  # dateChanged, so the pick itself reports it
        calendar.installEventFilter(self)
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("due-clear")
        self.clear_button.setText("Clear")
        self.clear_button.setToolTip("No due date")
        self.clear_button.clicked.connect(self.clear)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.date, 1)
        row.addWidget(self.clear_button)
        self.set_value(None)

    def value(self) -> str | None:
        date = self.date.date()
        return None if date == NO_DATE else date.toString("yyyy-MM-dd")

    def set_value(self, value: str | None) -> None:
        """Show `value` (loading never reports an edit)."""
        self._shown = value
        self.date.blockSignals(True)
        self.date.setSpecialValueText(NO_DATE_TEXT)
        self.date.setDate(NO_DATE if value is None else QDate.fromString(value, "yyyy-MM-dd"))
        self.date.blockSignals(False)
        self.clear_button.setEnabled(value is not None)

    def set_overdue(self, overdue: bool) -> None:
        """Show the date in red, with a tooltip that says why, while it is past on an open plan."""
        edit = self.date.lineEdit()
        palette = edit.palette()
        colour = QColor(OVERDUE_COLOUR) if overdue else self.palette().color(QPalette.ColorRole.Text)
        palette.setColor(QPalette.ColorRole.Text, colour)
        edit.setPalette(palette)
        self.date.setToolTip(OVERDUE_TIP if overdue else DATE_TIP)

    def clear(self) -> None:
        if self._shown is not None or self.value() is not None:
            self.set_value(None)
            self.cleared.emit()

    def _report(self, value: str | None) -> None:
        self._shown = value
        self.clear_button.setEnabled(value is not None)
        self.edited.emit(value)

    def _changed(self, _date: QDate) -> None:
        if self.value() != self._shown:  # Enter repeats the date shown: that is no edit
            self._report(self.value())

    def _finished(self) -> None:
        """Typing ended (Enter, or focus left the field): a date left at the stand-in is "No date"."""
        if not self.date.specialValueText() and not self.date.calendarWidget().isVisible():
            self.date.setSpecialValueText(NO_DATE_TEXT)

    def _picked(self, date: QDate) -> None:
        if date.toString("yyyy-MM-dd") != self._shown:
            self._report(date.toString("yyyy-MM-dd"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The calendar closed without a pick: show "No date" again if that is still the value."""
        if event.type() == QEvent.Type.Hide and self._shown is None and self.value() is not None:
            QTimer.singleShot(0, lambda: self._shown is None and self.set_value(None))
        return False


class PlanForm(Form):
    """Title, description, targets, owner, measure, target, due date, status; and Delete."""

    #: A target title was clicked: select this card or link.
    picked = Signal(str)
    #: "Delete improvement" was pressed.
    delete_requested = Signal(str)

    def __init__(self, submit: Submit) -> None:
        super().__init__("Improvement")
        self._submit = submit
        self._doc: Document | None = None
        self._plan_loaded: Improvement | None = None
        self.plan_id = ""
        s = self._set
        self.title = self.add(
            "title", "Title", line_edit(lambda t: s("title", t)), "The change, in a few words"
        )
        self.description = self.add(
            "description",
            "Description",
            plain_edit(lambda t: s("description", t)),
            "What will change, and why",
        )
        self.targets = TitleButtons(removable=True)
        self.targets.picked.connect(self.picked.emit)
        self.targets.removed.connect(self._remove_target)
        self.add("targets", "Targets", self.targets, "The cards and links this change improves")
        self.hint = plain_label(QLabel(HINT))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:#666")
        self._layout.addRow("", self.hint)
        self.owner = self.add(
            "owner",
            "Owner",
            ChoiceBox([], lambda v: s("owner", v)),
            "The function responsible for the change",
        )
        self.measure = self.add(
            "measure",
            "Measure",
            line_edit(lambda t: s("measure", t), "e.g. minutes from arrival to seated"),
            "How success is measured",
        )
        self.target = self.add(
            "target",
            "Target",
            line_edit(lambda t: s("target", t), "e.g. under 5 min for 9 in 10 guests"),
            "The value to reach",
        )
        self.due = DueDate()
        self.due.edited.connect(lambda v: s("due", v))
        self.due.cleared.connect(
            lambda: self._submit("due#clear", SetImprovementFields(self.plan_id, {"due": None}))
        )
        self.add("due", "Due", self.due, "When the change should be done (Clear: no date)")
        self.status = self.add(
            "status", "Status", ChoiceBox(STATUSES, lambda v: s("status", v)), "Where the plan stands"
        )
        self.delete_button = QPushButton("Delete improvement")
        self.delete_button.setToolTip("Delete this plan (the cards stay)")
        self.delete_button.clicked.connect(lambda: self.delete_requested.emit(self.plan_id))
        self._layout.addRow("", self.delete_button)

    def load(self, doc: Document, plan: Improvement) -> None:
        # an edit changes the plan in place: another object is another plan, even with the same id
        # (another file's, or one planned after a deletion), and must not inherit refused edits
        if doc is not self._doc or plan is not self._plan_loaded:
            self.clear_errors()
        self._doc, self._plan_loaded, self.plan_id = doc, plan, plan.id
        bp = doc.blueprint
        self.heading.set_heading("Improvement", plan.title)
        if not self.error_text("title"):
            set_line(self.title, plan.title)
        set_plain(self.description, plan.description)
        self.targets.set_items([(i, target_name(doc, i), _kind_tip(doc, i)) for i in plan.targets])
        self.owner.set_choices([("No owner", None)] + [(f.name, f.id) for f in bp.functions])
        self.owner.set_value(plan.owner)
        set_line(self.measure, plan.measure)
        set_line(self.target, plan.target)
        if self.due.value() != plan.due or self.due._shown != plan.due:
            self.due.set_value(plan.due)
        self.due.set_overdue(is_overdue(plan))
        self.status.set_value(plan.status)

    def _plan(self) -> Improvement | None:
        return self._doc.improvement(self.plan_id) if self._doc is not None else None

    def _set(self, key: str, value: Any) -> None:
        self._submit(key, SetImprovementFields(self.plan_id, {key: value}))

    def _remove_target(self, element_id: str) -> None:
        plan = self._plan()
        if plan is None:
            return
        if plan.targets == [element_id]:
            self.show_error("targets", "A plan needs at least one card or link; delete the plan instead")
            return
        remaining = [i for i in plan.targets if i != element_id]
        op = SetImprovementFields(plan.id, {"targets": remaining}, text="Remove target from improvement")
        self._submit(f"targets#{element_id}", op)  # each removal its own undo step


def _kind_tip(doc: Document, element_id: str) -> str:
    kind = "Link" if doc.link(element_id) is not None else "Card"
    return f"{kind}: {target_name(doc, element_id)} (click to select it)"
