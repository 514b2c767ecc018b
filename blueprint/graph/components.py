"""Strongly connected components without networkx's overhead, for the passes that run on every edit.

networkx's `condensation` builds a whole graph of views and attributes; the customer's time and BP102
need only the components themselves, in an order they can fill tables in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def strongly_connected(nodes: Iterable[str], after: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """The strongly connected components reached from `nodes` in the graph `after` (node -> its
    successors; a networkx graph's raw `_succ` will do), Tarjan's way with an explicit stack;
    components come out in reverse topological order (sinks first)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(after[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            pushed = False
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = counter
                    counter += 1
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(after[successor])))
                    pushed = True
                    break
                if successor in on_stack and index[successor] < low[node]:
                    low[node] = index[successor]
            if pushed:
                continue
            work.pop()
            if work and low[node] < low[work[-1][0]]:
                low[work[-1][0]] = low[node]
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
    return components
