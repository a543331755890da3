"""``voiceguide render``: the whole guide as audio files, for a phone or an MP3 player.

One WAV per step, in the guide's order and named by it ("01-bienvenue.wav"),
and an ``.m3u`` playlist. On a player nobody can say « par e-mail » or press
a key, so each step ends as the dialog words it for a recording: where to go
next, as track numbers (``Dialog.recording``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import partial
from pathlib import Path

from voiceguide.audio import Audio
from voiceguide.dialog.machine import Dialog
from voiceguide.errors import CannotRun, UserError
from voiceguide.speaking.config import NarratorConfig
from voiceguide.speaking.sentences import speech_pieces
from voiceguide.speaking.tts import EngineFactory, Synthesizer, TtsError, pyttsx3_engine
from voiceguide.speaking.voices import VoiceChoice


def slug(text: str) -> str:
    """A file-name-safe form of an id or a name: lower case, ASCII, dashes."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "piste"


def render_guide(dialog: Dialog, out_dir: Path, config: NarratorConfig, *,
                 engine_factory: EngineFactory | None = None,
                 notify: Callable[[str], None] | None = None) -> list[Path]:
    """Writes the guide as WAV files (16-bit PCM mono) plus a playlist; returns the paths, playlist last.

    Words are said as the guide's pronunciation table says (``config``'s
    table when it has one, else the guide's own).

    ``notify`` receives French notices (no French voice). Raises UserError
    when ``out_dir`` cannot be written (exit 2) and CannotRun when speech
    fails (exit 1).
    """
    guide = dialog.guide
    out_dir = Path(out_dir)
    _prepare_dir(out_dir)
    width = max(2, len(str(len(guide.steps))))
    tracks = {s.id: i for i, s in enumerate(guide.steps, 1)}
    items = [(f"{number:0{width}d}-{slug(step.id)}.wav", step.title, " ".join(dialog.recording(step.id, tracks)))
             for number, step in enumerate(guide.steps, 1)]

    table = config.pronunciation or guide.pronunciation
    synth = Synthesizer(config.voice, config.rate_for(0), config.volume_for(0),
                        engine_factory=engine_factory or pyttsx3_engine)
    written: list[Path] = []
    entries: list[tuple[str, str, float]] = []
    try:
        choice = _start(synth)
        if choice.notice and notify is not None:
            notify(choice.notice)
        for file_name, title, text in items:
            audio = _speak(synth, speech_pieces(text, table), file_name)
            path = out_dir / file_name
            _write(path, partial(audio.save, path))
            written.append(path)
            entries.append((file_name, title, audio.seconds))
    finally:
        synth.close()
    playlist = out_dir / f"{slug(guide.path.stem if guide.path else guide.title)}.m3u"
    _write(playlist, partial(playlist.write_text, _m3u(guide.title, entries), encoding="utf-8"))
    return written + [playlist]


def _m3u(title: str, entries: list[tuple[str, str, float]]) -> str:
    lines = ["#EXTM3U", f"#PLAYLIST:{title}"]
    for file_name, name, seconds in entries:
        lines += [f"#EXTINF:{round(seconds)},{name}", file_name]
    return "\n".join(lines) + "\n"


def _prepare_dir(out_dir: Path) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise UserError(f"Impossible d'écrire dans « {out_dir} » : ce n'est pas un dossier. "
                        f"Choisissez un dossier avec --out.") from None
    except OSError as exc:
        raise UserError(f"Impossible de créer le dossier « {out_dir} » ({exc.strerror or exc}). "
                        f"Choisissez un autre dossier avec --out.") from None


def _write(path: Path, write: Callable[[], object]) -> None:
    try:
        write()
    except OSError as exc:
        raise UserError(f"Impossible d'écrire « {path} » ({exc.strerror or exc}). Vérifiez la place libre "
                        f"et les droits du dossier, ou choisissez-en un autre avec --out.") from None


def _start(synth: Synthesizer) -> VoiceChoice:
    try:
        return synth.start()
    except TtsError as exc:
        raise CannotRun(f"{exc.message} Aucun fichier audio n'a été écrit.") from None


def _speak(synth: Synthesizer, pieces: list[str], file_name: str) -> Audio:
    try:
        return Audio.concat([synth.synth(piece) for piece in pieces])
    except TtsError as exc:
        raise CannotRun(f"{exc.message} Le fichier « {file_name} » n'a pas pu être enregistré.") from None
