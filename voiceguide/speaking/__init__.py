"""Speaking: text to speech in a supervised worker, played so that it can be stopped at once."""
