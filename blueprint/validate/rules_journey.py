"""Rules about the customer's journey as a whole (BP108, BP201)."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.validate.context import Context
from blueprint.validate.registry import Hit, rule


def _customer_steps(ctx: Context) -> set[str]:
    return {data["step"] for data in ctx.nodes.values() if data["lane_kind"] == "customer"}


@rule("BP108", "Journey gap", "warning")
def journey_gap(ctx: Context) -> Iterator[Hit]:
    """A step with no customer card (only once the blueprint has cards: a blank draft is left alone)."""
    if not ctx.doc.cards:
        return
    covered = _customer_steps(ctx)
    for step_id, (index, _, _) in ctx.step_places.items():
        if step_id not in covered:
            yield Hit(
                f"step {ctx.step_label(step_id)} has no customer card: "
                "the customer's journey is interrupted there",
                (step_id,),
                (index, -1, -1),
            )


@rule("BP201", "Inside-out journey", "info")
def inside_out_journey(ctx: Context) -> Iterator[Hit]:
    """Stages have phases, and no customer card sits in a post-purchase stage."""
    stages = ctx.doc.stages
    if not ctx.doc.cards or all(stage.phase is None for stage in stages):
        return
    after = [stage for stage in stages if stage.phase == "post-purchase"]
    covered = _customer_steps(ctx)
    if any(step.id in covered for stage in after for step in stage.steps):
        return
    where = (
        "no stage is post-purchase"
        if not after
        else "no customer card sits in the post-purchase stage"
        + ("s " if len(after) > 1 else " ")
        + ", ".join(f'"{ctx.stage_names[stage.id]}"' for stage in after)
    )
    yield Hit(
        f"{where}: the usage experience, where the customer gets value from the service, is not designed",
        tuple(stage.id for stage in after),
    )
