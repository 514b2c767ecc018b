"""Write the hostile-file corpus of this folder (run it again after changing it; the files are committed).

`expected.json` says what loading each file must give: "ok", or the `BlueprintFileError` code. Files
marked `"repair": true` are refused by `load` but can be opened with "Open and repair".

    .venv/bin/python tests/files/make_corpus.py
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def base() -> dict[str, Any]:
    return {
        "format": "service-blueprint",
        "version": 1,
        "title": "Corpus blueprint",
        "functions": [{"id": "barista", "name": "Barista", "kind": "role"}],
        "lanes": [
            {"id": "customer", "name": "Customer actions", "kind": "customer"},
            {"id": "front", "name": "Frontstage", "kind": "frontstage"},
        ],
        "stages": [
            {
                "id": "order",
                "name": "Order",
                "steps": [{"id": "s1", "name": "Orders"}, {"id": "s2", "name": "Pays"}],
            }
        ],
        "cards": [
            {"id": "c1", "lane": "customer", "step": "s1", "title": "Orders a flat white"},
            {"id": "c2", "lane": "front", "step": "s1", "title": "Takes the order", "function": "barista"},
            {"id": "c3", "lane": "customer", "step": "s2", "title": "Pays"},
        ],
        "links": [{"id": "l1", "source": "c1", "target": "c2"}, {"id": "l2", "source": "c2", "target": "c3"}],
    }


def text_of(raw: Any) -> str:
    return json.dumps(raw, indent=2, ensure_ascii=False) + "\n"


def with_(**changes: Any) -> str:
    return text_of({**base(), **changes})


def card_change(index: int, **changes: Any) -> str:
    raw = base()
    raw["cards"][index].update(changes)
    return text_of(raw)


MARKUP = "<b>bold</b> <i>x</i> &amp; &lt; <font color='red'>red</font> <img src='x.png'/> <para>p</para>"
CODE = "__import__('os').system('touch /tmp/blueprint-pwned') ${7*7} {{7*7}} <script>alert(1)</script>"


def corpus() -> dict[str, tuple[bytes | str, str, bool]]:
    """name -> (content, expected code or 'ok', repairable)."""
    deep = "[" * 5000 + "]" * 5000
    b = base()
    b["cards"].append({"id": "c4", "lane": "gone", "step": "s9", "title": "Lost card", "function": "nobody"})
    b["links"] += [
        {"id": "l3", "source": "c1", "target": "c404"},
        {"id": "l4", "source": "c3", "target": "c3"},
    ]
    many_problems = text_of(b)
    dup_and_dangling = base()
    dup_and_dangling["cards"][2]["id"] = "c1"
    dup_and_dangling["links"].append({"id": "l9", "source": "c1", "target": "zzz"})
    no_lanes = base()
    no_lanes["lanes"] = []
    return {
        "ok-minimal.blueprint": ('{"format": "service-blueprint", "version": 1, "title": "T"}', "ok", False),
        "ok-bom.blueprint": ("\ufeff" + with_(), "ok", False),
        "ok-crlf.blueprint": (with_().replace("\n", "\r\n"), "ok", False),
        "ok-version-0.blueprint": (with_(version=0), "ok", False),
        "ok-unicode.blueprint": (
            with_(
                title="Café ☕ نقطة 日本 e\u0301 \u200b\u200f 😀", description="\u202eevil\u202c tab\there"
            ),
            "ok",
            False,
        ),
        "ok-markup-in-text.blueprint": (card_change(0, title=MARKUP, description=MARKUP), "ok", False),
        "ok-code-in-text.blueprint": (card_change(1, title=CODE[:500], description=CODE), "ok", False),
        "ok-control-chars.blueprint": (
            card_change(0, title="nul\u0000bell\u0007esc\u001b[31m", description="\u0000" * 20),
            "ok",
            False,
        ),
        "ok-escaped-pair.blueprint": (
            '{"format": "service-blueprint", "version": 1, "title": "\\ud83d\\ude00"}',
            "ok",
            False,
        ),
        "ok-at-the-limits.blueprint": (
            card_change(0, title="T" * 500, description="d" * 20_000),
            "ok",
            False,
        ),
        "bad-empty.blueprint": ("", "empty", False),
        "bad-whitespace.blueprint": ("  \n\t ", "empty", False),
        "bad-truncated.blueprint": (with_()[:150], "not-json", False),
        "bad-not-object.blueprint": ("[1, 2, 3]", "not-blueprint", False),
        "bad-string-root.blueprint": ('"service-blueprint"', "not-blueprint", False),
        "bad-wrong-format.blueprint": (with_(format="bpmn"), "not-blueprint", False),
        "bad-utf16-bom.blueprint": (with_().encode("utf-16"), "not-utf8", False),
        "bad-utf16-no-bom.blueprint": (with_().encode("utf-16-le"), "not-utf8", False),
        "bad-utf32.blueprint": (with_().encode("utf-32"), "not-utf8", False),
        "bad-latin1.blueprint": (with_(title="Café").encode("latin-1"), "not-utf8", False),
        "bad-lone-surrogate.blueprint": (
            '{"format": "service-blueprint", "version": 1, "title": "\\ud800x"}',
            "not-utf8",
            False,
        ),
        "bad-newer-version.blueprint": (with_(version=3), "newer-version", False),
        "bad-huge-version.blueprint": (
            with_()[:-2].replace('"version": 1', '"version": 1' + "0" * 40) + "}\n",
            "not-finite",
            False,
        ),
        "bad-negative-version.blueprint": (with_(version=-1), "bad-version", False),
        "bad-version-text.blueprint": (with_(version="1"), "int_type", False),
        "bad-deep-nesting.blueprint": (
            '{"format": "service-blueprint", "version": 1, "title": "T", "x": ' + deep + "}",
            "too-deep",
            False,
        ),
        "bad-deep-objects.blueprint": ('{"a":' * 3000 + "1" + "}" * 3000, "too-deep", False),
        "bad-huge-integer.blueprint": (
            card_change(0)[:-2].replace(
                '"title": "Orders a flat white"', '"title": "x", "emotion": ' + "9" * 5000
            )
            + "}\n",
            "not-finite",
            False,
        ),
        "bad-huge-float.blueprint": (
            card_change(0).replace(
                '"title": "Orders a flat white"', '"title": "x", "duration_minutes": 1e400'
            ),
            "not-finite",
            False,
        ),
        "bad-big-minutes.blueprint": (card_change(0, duration_minutes=10**13), "not-finite", False),
        "bad-nan.blueprint": (
            card_change(0).replace('"title": "Orders a flat white"', '"title": "x", "duration_minutes": NaN'),
            "not-finite",
            False,
        ),
        "bad-infinity.blueprint": (
            card_change(0).replace(
                '"title": "Orders a flat white"', '"title": "x", "duration_minutes": -Infinity'
            ),
            "not-finite",
            False,
        ),
        "bad-duplicate-keys.blueprint": (
            '{"format": "service-blueprint", "version": 1, "title": "a", "title": "b"}',
            "duplicate-key",
            False,
        ),
        "bad-long-string.blueprint": (with_(description="x" * 150_000), "too-long", False),
        "bad-long-key.blueprint": (
            '{"format": "service-blueprint", "version": 1, "title": "T", "' + "k" * 500 + '": 1}',
            "too-long",
            False,
        ),
        "bad-long-title.blueprint": (card_change(0, title="T" * 501), "string_too_long", False),
        "bad-unknown-field.blueprint": (with_(macro="run()"), "extra_forbidden", False),
        "bad-wrong-types.blueprint": (with_(cards="c1, c2"), "list_type", False),
        "bad-card-is-number.blueprint": (with_(cards=[1]), "model_type", False),
        "bad-null-title.blueprint": (with_(title=None), "string_type", False),
        "bad-missing-title.blueprint": ('{"format": "service-blueprint", "version": 1}', "missing", False),
        "bad-bad-id.blueprint": (card_change(0, id="../../etc/passwd"), "string_pattern_mismatch", False),
        "bad-duplicate-id.blueprint": (card_change(2, id="c1"), "duplicate-id", False),
        "bad-duplicate-id-and-dangling.blueprint": (text_of(dup_and_dangling), "duplicate-id", False),
        "bad-pickle.blueprint": (pickle.dumps({"format": "service-blueprint"}), "not-utf8", False),
        "bad-python-yaml.blueprint": (
            "!!python/object/apply:os.system ['touch /tmp/blueprint-pwned']\n",
            "not-json",
            False,
        ),
        "bad-js.blueprint": ("module.exports = {format: 'service-blueprint'}", "not-json", False),
        "bad-comment.blueprint": ("// a comment\n" + with_(), "not-json", False),
        "bad-trailing-garbage.blueprint": (with_() + "\x00\x00junk", "not-json", False),
        "bad-unterminated-escapes.blueprint": ('"' + '\\"' * 20_000, "not-json", False),
        "repair-dangling-lane.blueprint": (card_change(1, lane="backstage"), "unknown-lane", True),
        "repair-dangling-step.blueprint": (card_change(2, step="s7"), "unknown-step", True),
        "repair-dangling-function.blueprint": (card_change(1, function="manager"), "unknown-function", True),
        "repair-dangling-link.blueprint": (
            with_(links=[{"id": "l1", "source": "c1", "target": "deleted-card"}]),
            "unknown-card",
            True,
        ),
        "repair-self-link.blueprint": (
            with_(links=[{"id": "l1", "source": "c2", "target": "c2"}]),
            "self-link",
            True,
        ),
        "repair-no-lanes.blueprint": (text_of(no_lanes), "unknown-lane", True),
        "repair-many-problems.blueprint": (many_problems, "unknown-lane", True),
        # format version 2
        "ok-version-2.blueprint": (version_2(), "ok", False),
        "ok-version-1-tag-with-line-break.blueprint": (card_change(0, tags=["two\nlines"]), "ok", False),
        "bad-v2-tag-with-line-break.blueprint": (version_2(tags=["two\nlines"]), "tag_line_break", False),
        "bad-v2-plan-without-targets.blueprint": (version_2(plan={"targets": []}), "too_short", False),
        "bad-v2-plan-repeats-a-target.blueprint": (
            version_2(plan={"targets": ["c1", "c1"]}),
            "repeated",
            False,
        ),
        "bad-v2-plan-due-not-a-date.blueprint": (
            version_2(plan={"due": "31/03/2027"}),
            "calendar_date",
            False,
        ),
        "bad-v2-plan-unknown-status.blueprint": (
            version_2(plan={"status": "complete"}),
            "literal_error",
            False,
        ),
        "bad-v2-language.blueprint": (version_2(language="English (UK)"), "language_tag", False),
        "repair-v1-blank-card-title.blueprint": (card_change(2, title="   "), "blank", True),
        "repair-v2-plan-targets-a-lane.blueprint": (
            version_2(plan={"targets": ["c2", "front"]}),
            "target-kind",
            True,
        ),
        "repair-v2-dangling-references.blueprint": (
            version_2(
                owner="manager",
                plan={"targets": ["c2", "l404"], "owner": "nobody"},
                view={"hidden_lanes": ["back"], "focus": ["barista", "cook"]},
            ),
            "unknown-function",
            True,
        ),
    }


def version_2(
    *,
    owner: str | None = "barista",
    tags: list[str] | None = None,
    language: str = "en",
    plan: dict[str, Any] | None = None,
    view: dict[str, Any] | None = None,
) -> str:
    """The base blueprint in format version 2, with a plan, a view, an owned fail point and `$schema`."""
    raw = base()
    raw["version"] = 2
    raw = {"format": raw.pop("format"), "$schema": "./blueprint.schema.json", **raw}
    raw["metadata"] = {"author": "Ana", "language": language, "tags": tags or ["retail"]}
    raw["cards"][0]["fail_point"] = {"note": "Sign unclear", "severity": "high", "owner": owner}
    raw["improvements"] = [
        {
            "id": "plan1",
            "title": "A clearer sign",
            "targets": ["c1", "l1"],
            "owner": "barista",
            "measure": "orders asked twice",
            "target": "under 1 in 20",
            "due": "2027-03-31",
            "status": "planned",
            **(plan or {}),
        }
    ]
    raw["views"] = [
        {"id": "view1", "name": "Front desk", "hidden_lanes": [], "focus": ["barista"], **(view or {})}
    ]
    return text_of(raw)


def main() -> None:
    expected = {}
    for old in HERE.glob("*.blueprint"):
        old.unlink()
    for name, (content, code, repairable) in corpus().items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (HERE / name).write_bytes(data)
        expected[name] = {"expect": code, "repair": repairable}
    (HERE / "expected.json").write_text(
        json.dumps(expected, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
