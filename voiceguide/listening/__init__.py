"""Listening: what the user says or types, turn by turn (voice through vosk, keys, typed lines)."""
