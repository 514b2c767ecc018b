"""Wrapping text in every script: Chinese and Japanese break between characters (never before `。` or
after `「`), Thai breaks where it must but never inside a letter with its marks, and a wrapped line of a
right-to-left paragraph keeps the paragraph's direction."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from blueprint.export.rtl import reads_right_to_left, visual
from blueprint.layout.direction import LRM, RLM
from blueprint.layout.linebreaks import clusters
from blueprint.layout.text import text_width, wrap

CHINESE = "我们的客服人员会在二十四小时内通过电话联系您并确认订单的所有细节。"
JAPANESE = (
    "お客様のご注文を確認するために、担当者から「二十四時間以内」にお電話いたします。"
    + "よろしくお願いします。"
)
THAI = "ลูกค้าสั่งซื้อสินค้าผ่านแอปพลิเคชันบนโทรศัพท์มือถือของตนเองและเลือกรับที่ร้าน"
HEBREW = "הזמנה מספר 42 עבור Apple Store נשלחה"
WIDTH = 100.0


def _no_space(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace() and ch not in (RLM, LRM))


def test_chinese_fills_each_line_and_loses_nothing() -> None:
    lines, shortened = wrap(CHINESE, 9.5, WIDTH, True)
    assert not shortened and len(lines) >= 3
    assert "".join(lines) == CHINESE
    for line in lines:
        assert text_width(line, 9.5, True) <= WIDTH
    assert all(text_width(line + "我", 9.5, True) > WIDTH for line in lines[:-1]), "each line is full"


def test_japanese_keeps_punctuation_with_its_words() -> None:
    lines, _ = wrap(JAPANESE, 9.5, 80, False)
    assert "".join(lines) == JAPANESE
    for line in lines[1:]:
        assert line[0] not in "、。」ょっ", lines
    for line in lines[:-1]:
        assert line[-1] != "「", lines


def test_latin_then_chinese_fills_the_first_line() -> None:
    lines, _ = wrap("订单 confirmed " + CHINESE, 9.5, WIDTH, True)
    assert lines[0].startswith("订单 confirmed 我"), "Chinese goes on after the Latin word, not below it"


def test_thai_breaks_between_letters_with_their_marks() -> None:
    lines, _ = wrap(THAI, 9.5, WIDTH, True)
    assert len(lines) >= 2 and "".join(lines) == THAI
    for line in lines:
        assert unicodedata.category(line[0])[0] != "M", line  # no line starts with a vowel or tone mark
        assert line[-1] not in "เแโใไ", line  # a leading vowel stays with its consonant
        assert text_width(line, 9.5, True) <= WIDTH


def test_emoji_sequences_stay_whole() -> None:
    family = "👩\u200d👩\u200d👧\u200d👦"
    assert clusters(family + "👍🏽") == [family, "👍🏽"]
    lines, _ = wrap(family * 12, 9.5, 40, False)
    assert all(line.count("\u200d") == 3 * line.count("👩\u200d👩") for line in lines)


def test_a_wrapped_line_keeps_its_paragraphs_direction() -> None:
    lines, _ = wrap(HEBREW, 9.5, WIDTH, True)
    assert lines == ("הזמנה מספר 42 עבור", RLM + "Apple Store נשלחה")
    assert all(reads_right_to_left(line) for line in lines)
    assert visual(lines[1]) == "החלשנ Apple Store"  # the Hebrew word on the left, read last
    lines, _ = wrap("Order from חנות ירוקה today", 9.5, 60, False)
    assert all(not reads_right_to_left(line) for line in lines)
    assert any(line.startswith(LRM) for line in lines)
    assert text_width(RLM + "Apple", 9.5) == text_width("Apple", 9.5)


ALPHABET = st.sampled_from(
    list("Ab zq 19 .,()%€-") + list(CHINESE[:12]) + list(JAPANESE[:12]) + list(THAI[:20]) + list("السعر١٢٣")
    + list("הזמנה") + ["😀", "👍🏽", "é", "\u0301"]
)  # fmt: skip


@settings(max_examples=200)
@given(st.lists(ALPHABET, min_size=1, max_size=150).map("".join), st.sampled_from([30.0, 60.0, 120.0]))
def test_every_line_fits_and_no_character_is_lost(text: str, width: float) -> None:
    lines, shortened = wrap(text, 9.5, width, True)
    assert not shortened
    for line in lines:
        assert text_width(line, 9.5, True) <= width + 1e-9, line
    assert _no_space("".join(lines)) == _no_space(text)
