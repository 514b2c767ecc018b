"""Orders: the fewest moved elements, and a three-way merge of an order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from blueprint.teams.listorder import longest_common_order, merge_order, moved


def test_one_element_moved_far_is_the_only_one_moved() -> None:
    assert moved(list("abcdef"), list("fabcde")) == {"f"}
    assert moved(list("abcdef"), list("bcdefa")) == {"a"}
    assert moved(list("abc"), list("abc")) == set()


def test_only_elements_in_both_versions_count() -> None:
    assert longest_common_order(list("abcd"), list("xdyb")) in ({"d"}, {"b"})
    assert moved(list("abc"), list("cx")) == set()


@given(st.permutations(list("abcdefghij")))
def test_the_common_order_is_in_order_in_both_and_as_long_as_any(order: list[str]) -> None:
    base = list("abcdefghij")
    kept = longest_common_order(base, order)
    assert [x for x in base if x in kept] == [x for x in order if x in kept]
    # no single element can be added back without breaking the order
    for extra in set(base) - kept:
        more = kept | {extra}
        assert [x for x in base if x in more] != [x for x in order if x in more]


def test_theirs_insertions_go_before_their_next_neighbour() -> None:
    base = list("abcd")
    assert merge_order(base, list("abxcd"), list("abcyd"), set("abcdxy")) == list("abxcyd")
    assert merge_order(base, list("abcdx"), list("abcdy"), set("abcdxy")) == list("abcdxy")


def test_a_move_of_theirs_is_kept_and_where_both_moved_one_element_ours_wins() -> None:
    base = list("abcde")
    assert merge_order(base, list("abcde"), list("bcdae"), set(base)) == list("bcdae")
    # THEIRS put a just before e, OURS put e first: a goes just before e
    assert merge_order(base, list("eabcd"), list("bcdae"), set(base)) == list("aebcd")
    assert merge_order(base, list("abdce"), list("adbce"), set(base)) == list("abdce")


def test_removed_elements_are_left_out_and_kept_ones_no_side_has_come_from_base() -> None:
    assert merge_order(list("abc"), list("ac"), list("abc"), set("ac")) == list("ac")
    assert merge_order(list("abc"), list("ac"), list("ab"), set("abc")) == list("abc")
