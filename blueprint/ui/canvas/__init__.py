"""The blueprint canvas: a QGraphicsScene drawn from the shared layout, and the view that shows it."""
