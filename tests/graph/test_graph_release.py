"""The hand-off count and the checks leave no graph in a reference cycle: networkx keeps a graph's
degree views in it, each referring back to it. The editor freezes what is alive out of the cycle
collector after a check (`ui/worker.keep_out_of_collections`): a function graph left in a cycle
stayed for good (5,341 objects a count at 40,000 cards)."""

from __future__ import annotations

import gc

from blueprint.graph import build_graph, handoff_report, release_graph
from blueprint.model import Blueprint

import generated as _generator


def _blueprint() -> Blueprint:
    return _generator.generate(300)


def test_a_hand_off_report_leaves_no_cyclic_garbage() -> None:
    bp = _blueprint()
    handoff_report(bp)  # (networkx compiles its wrappers on their first use: cyclic garbage once)
    gc.collect()
    gc.disable()
    try:
        report = handoff_report(bp)
        assert report.functions
        del report
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_a_released_graph_is_empty_and_keeps_no_views() -> None:
    graph = build_graph(_blueprint())
    assert graph.nodes and graph.in_degree  # (cached in the graph)
    release_graph(graph)
    assert vars(graph) == {}
