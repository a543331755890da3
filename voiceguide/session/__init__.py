"""A session: wires input, understanding, dialog and speech for one run of a guide; the events log."""
