"""French words: the command vocabulary (data) and the text forms used to compare phrases."""
