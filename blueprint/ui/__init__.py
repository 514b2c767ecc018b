"""The Qt editor: main window, canvas, panels and undo commands. Only this layer imports Qt widgets."""
