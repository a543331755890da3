"""The conversation: what the user meant (matcher) and what the guide does and says about it (machine)."""
