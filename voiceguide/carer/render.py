"""``voiceguide render``: the whole guide as audio files, for a phone or an MP3 player.

One WAV per step, in the guide's order and named by it ("01-bienvenue.wav"),
then one per extra text (help, prompts), and an ``.m3u`` playlist. On a player
nobody can say « par e-mail », so a step with choices ends by naming the track
each choice leads to.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from pathlib import Path

from voiceguide.errors import CannotRun, UserError
from voiceguide.guide import Guide, Step
from voiceguide.speaking.clip import Audio
from voiceguide.speaking.narrator import NarratorConfig
from voiceguide.speaking.sentences import speech_pieces
from voiceguide.speaking.tts import EngineFactory, Synthesizer, TtsError, pyttsx3_engine
from voiceguide.speaking.voices import VoiceChoice

# Used when the caller passes no texts of its own (the dialog owns the real ones).
DEFAULT_EXTRAS: dict[str, str] = {
    "aide": ("Pendant le guide, vous pouvez dire : suivant, précédent, répéter, aide, sommaire, "
             "où suis-je, pause, plus lentement, plus vite, plus fort, moins fort, et quitter."),
    "relance": "Je vous écoute. Dites « aide » pour savoir quoi dire.",
    "pas-compris": "Je n'ai pas compris. Dites « aide » pour entendre ce que vous pouvez dire.",
    "au-revoir": "Au revoir, et à bientôt.",
}


def slug(text: str) -> str:
    """A file-name-safe form of an id or a name: lower case, ASCII, dashes."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "piste"


def step_script(guide: Guide, step: Step, track_of: Mapping[str, int]) -> str:
    """What a step's file says: its narration, then where to go when it branches.

    ``track_of`` maps step ids to their track numbers.
    """
    parts = [step.say.strip()]
    if step.choices:
        routes = [f"« {c.label} », piste {track_of[c.target]}" for c in step.choices if c.target in track_of]
        if routes:
            parts.append("Pour continuer : " + " ; ".join(routes) + ".")
    elif step.next and step.next in track_of and track_of[step.next] != track_of[step.id] + 1:
        parts.append(f"La suite est à la piste {track_of[step.next]}.")
    return " ".join(parts)


def render_guide(guide: Guide, out_dir: Path, config: NarratorConfig,
                 extras: Mapping[str, str] | None = None, *,
                 engine_factory: EngineFactory | None = None,
                 notify: Callable[[str], None] | None = None) -> list[Path]:
    """Writes the guide as WAV files (16-bit PCM mono) plus a playlist; returns the paths, playlist last.

    Words are said as the guide's pronunciation table says (``config``'s
    table when it has one, else the guide's own).

    ``extras`` maps a name to a text (help, re-prompt, "not understood",
    goodbye); None uses DEFAULT_EXTRAS. ``notify`` receives French notices
    (no French voice). Raises UserError when ``out_dir`` cannot be written
    (exit 2) and CannotRun when speech fails (exit 1).
    """
    out_dir = Path(out_dir)
    _prepare_dir(out_dir)
    extras = DEFAULT_EXTRAS if extras is None else extras
    total = len(guide.steps) + len(extras)
    width = max(2, len(str(total)))
    track_of = {s.id: i for i, s in enumerate(guide.steps, 1)}
    items: list[tuple[str, str, str]] = []    # (file name, playlist title, text)
    for number, step in enumerate(guide.steps, 1):
        items.append((f"{number:0{width}d}-{slug(step.id)}.wav", step.title, step_script(guide, step, track_of)))
    for number, (name, text) in enumerate(extras.items(), len(guide.steps) + 1):
        items.append((f"{number:0{width}d}-{slug(name)}.wav", name.replace("-", " ").capitalize(), text))

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
            _write(path, lambda p=path, a=audio: a.save(p))
            written.append(path)
            entries.append((file_name, title, audio.seconds))
    finally:
        synth.close()
    playlist = out_dir / f"{slug(guide.path.stem if guide.path else guide.title)}.m3u"
    _write(playlist, lambda: playlist.write_text(_m3u(guide.title, entries), encoding="utf-8"))
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


def _write(path: Path, write: Callable[[], None]) -> None:
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
