"""Errors meant for the user: a French message and the exit code of DESIGN.md; and notices on the console."""

import sys

EXIT_OK = 0
EXIT_CANNOT_RUN = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class UserError(Exception):
    """A problem the user can fix; the CLI prints ``message`` and exits with ``code``.

    ``spoken``: what the guide says aloud when it can speak, when ``message``
    is not for the ear (a long path, say); by default the message itself.
    """

    def __init__(self, message: str, code: int = EXIT_USAGE, spoken: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.spoken = spoken or message


class CannotRun(UserError):
    """The machine lacks something needed (model, audio device, TTS): exit 1."""

    def __init__(self, message: str, spoken: str | None = None) -> None:
        super().__init__(message, EXIT_CANNOT_RUN, spoken)


def notify(message: str) -> None:
    """Tells the person at the console something that is not narration (a damaged settings file,
    no sound card): on stderr, so stdout stays the guide's words."""
    print(message, file=sys.stderr, flush=True)
