"""The Inspector's blueprint form (nothing selected): title, description, persona, author, tags."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from blueprint.edit import Document, Operation, SetDocumentFields
from blueprint.ui.panels.form import Form, line_edit, plain_edit, set_line, set_plain
from blueprint.ui.panels.parse import format_tags, optional, parse_tags

Submit = Callable[[str, Operation], None]


class DocumentForm(Form):
    def __init__(self, submit: Submit) -> None:
        super().__init__("Blueprint")
        self._submit = submit
        self._doc: Document | None = None
        s = self._set
        self.title = self.add("title", "Title", line_edit(lambda t: s("title", t)), "The blueprint's title")
        self.description = self.add(
            "description",
            "Description",
            plain_edit(lambda t: s("description", t)),
            "What this blueprint covers",
        )
        self.persona_name = self.add(
            "persona.name",
            "Persona",
            line_edit(self._persona_name, "who the journey follows"),
            "The customer whose journey this is (blank: no persona)",
        )
        self.persona_description = self.add(
            "persona.description",
            "About them",
            plain_edit(self._persona_description),
            "What matters about this customer",
        )
        self.author = self.add(
            "metadata.author", "Author", line_edit(self._author), "Who made this blueprint"
        )
        self.tags = self.add("metadata.tags", "Tags", line_edit(self._tags, "comma, separated"), "Free tags")

    def load(self, doc: Document) -> None:
        self._doc = doc
        bp = doc.blueprint
        if not self.error_text("title"):
            set_line(self.title, bp.title)
        set_plain(self.description, bp.description)
        if not self.error_text("persona.name"):
            set_line(self.persona_name, bp.persona.name if bp.persona else "")
        set_plain(self.persona_description, bp.persona.description if bp.persona else "")
        self.persona_description.setEnabled(bp.persona is not None)
        set_line(self.author, bp.metadata.author or "")
        if parse_tags(self.tags.text()) != bp.metadata.tags:
            set_line(self.tags, format_tags(bp.metadata.tags))

    def _set(self, key: str, value: Any) -> None:
        self._submit(key, SetDocumentFields({key: value}))

    def _persona_name(self, text: str) -> None:
        persona = self._doc.blueprint.persona if self._doc else None
        if not text.strip():
            if persona is not None and persona.description:
                self.show_error("persona.name", "A persona with a description needs a name")
                return
            self._submit("persona.name", SetDocumentFields({"persona": None}))
            return
        description = persona.description if persona else ""
        self._submit(
            "persona.name", SetDocumentFields({"persona": {"name": text, "description": description}})
        )

    def _persona_description(self, text: str) -> None:
        persona = self._doc.blueprint.persona if self._doc else None
        if persona is None:
            self.show_error("persona.description", "Give the persona a name first")
            return
        self._submit(
            "persona.description", SetDocumentFields({"persona": {"name": persona.name, "description": text}})
        )

    def _metadata(self, key: str, name: str, value: Any) -> None:
        if self._doc is None:
            return
        metadata = {**self._doc.blueprint.metadata.model_dump(), name: value}
        self._submit(key, SetDocumentFields({"metadata": metadata}))

    def _author(self, text: str) -> None:
        self._metadata("metadata.author", "author", optional(text))

    def _tags(self, text: str) -> None:
        self._metadata("metadata.tags", "tags", parse_tags(text))
