"""voiceguide: a spoken, offline, step-by-step guide in French."""

__version__ = "0.1.0"
