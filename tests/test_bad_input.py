"""Bad input, table-driven: each case a French message saying what to do, DESIGN.md's exit code,
no traceback, and nothing lost.

Every case runs the real ``voiceguide`` in a throw-away home (network blocked,
see sandbox.py) that already holds a valid settings file and a valid
progress file. After a refused run (exit 1 or 2) both are byte for byte as
they were, no ``.bak`` appeared, and no events log was created or changed. A
damaged settings or progress file is not a reason to refuse the guide
(settings.py and progress.py: the guide starts with the defaults); those
cases exit 0 with a notice, and the file's bytes are still on disk, at their
place or set aside as ``.bak``.

The child's peak memory is read back from the kernel (VmHWM, recorded at
exit by the child's sitecustomize): a huge guide or an hour-long WAV must be
refused from its size or its header, not read into memory. A run that hangs
(a named pipe read for ever...) is stopped by conftest's time-out guard.
"""

from __future__ import annotations

import errno
import hashlib
import os
import struct
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest
from conftest import BROKEN_GUIDES, CLI_TIMEOUT, CliResult, assert_no_traceback, make_broken_guide, read_events
from sandbox import SMALL_GUIDE, Sandbox, peak_mb, read_log, run_in, sandbox

VALID_SETTINGS = "# Réglages de voiceguide.\nrate_level: 1\nearcons: false\n".encode()
VALID_PROGRESS = (b'{"format": 1, "guides": {"bundled:ameli-connexion": '
                  b'{"step": "ouvrir-ameli", "saved_at": "2025-03-01T10:12:00+00:00"}}}\n')
PEAK_MB = 250   # Python, numpy, PyYAML and the guide: ~60 MB. Reading a 2 GB file would blow it.

Prepare = Callable[[Path, Path], None]   # (the case's folder, the home)


def nothing(d: Path, home: Path) -> None:
    pass


def settings_path(home: Path) -> Path:
    return home / ".config" / "voiceguide" / "settings.yaml"


def progress_path(home: Path) -> Path:
    return home / ".local" / "share" / "voiceguide" / "progress.json"


# --------------------------------------------------------------------------- file makers

def wav_header(data_bytes: int, rate: int = 16000, channels: int = 1, bits: int = 16, tag: int = 1) -> bytes:
    align = channels * bits // 8
    riff = min(36 + data_bytes, 0xFFFFFFFF)
    return (b"RIFF" + struct.pack("<I", riff) + b"WAVE" + b"fmt " +
            struct.pack("<IHHIIHH", 16, tag, channels, rate, rate * align, align, bits) +
            b"data" + struct.pack("<I", min(data_bytes, 0xFFFFFFFF)))


def good_wav(seconds: float = 0.5) -> bytes:
    samples = (3000 * np.sin(np.arange(int(16000 * seconds)) / 5)).astype("<i2").tobytes()
    return wav_header(len(samples)) + samples


def float_wav(samples: np.ndarray) -> bytes:
    """A 32-bit float WAV at 16 kHz (samples in -1..1, or not numbers at all)."""
    data = samples.astype("<f4").tobytes()
    return wav_header(len(data), bits=32, tag=3) + data


def write(name: str, content: bytes | str) -> Prepare:
    def prepare(d: Path, home: Path) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        (d / name).write_bytes(data)
    return prepare


def sparse(name: str, head: bytes, size: int) -> Prepare:
    """A file of ``size`` bytes that takes no disk space: its header, then a hole."""
    def prepare(d: Path, home: Path) -> None:
        with open(d / name, "wb") as f:
            f.write(head)
            f.truncate(size)
    return prepare


def huge(where: Callable[[Path, Path], Path], head: bytes, size: int) -> Prepare:
    """Replaces the home's settings or progress file with ``size`` bytes that take no disk space."""
    def prepare(d: Path, home: Path) -> None:
        with open(where(d, home), "wb") as f:
            f.write(head)
            f.truncate(size)
    return prepare


def folder(name: str) -> Prepare:
    return lambda d, home: (d / name).mkdir(parents=True)


def fifo(where: Callable[[Path, Path], Path]) -> Prepare:
    """A named pipe: reading it would wait for ever for a writer."""
    def prepare(d: Path, home: Path) -> None:
        path = where(d, home)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        os.mkfifo(path)
    return prepare


def broken_guide(kind: str) -> Prepare:
    return lambda d, home: make_broken_guide(d, kind) and None


def put(where: Callable[[Path, Path], Path], content: bytes | None) -> Prepare:
    """Replaces the home's settings or progress file (None: a folder in its place)."""
    def prepare(d: Path, home: Path) -> None:
        path = where(d, home)
        path.unlink(missing_ok=True)
        if content is None:
            path.mkdir()
        else:
            path.write_bytes(content)
    return prepare


def unreadable(where: Callable[[Path, Path], Path]) -> Prepare:
    def prepare(d: Path, home: Path) -> None:
        where(d, home).chmod(0)
    return prepare


def both(*steps: Prepare) -> Prepare:
    def prepare(d: Path, home: Path) -> None:
        for step in steps:
            step(d, home)
    return prepare


def copy_guide(name: str) -> Prepare:
    return write(name, SMALL_GUIDE.read_bytes())


def settings_at(d: Path, home: Path) -> Path:
    return settings_path(home)


def progress_at(d: Path, home: Path) -> Path:
    return progress_path(home)


ALIAS_BOMB = "title: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"k{i}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8))
DEEP = "title: " + "[" * 5000 + "]" * 5000 + "\n"
HUGE_GUIDE = "# " + "x" * 200 + "\n"
LONG = "a" * 300   # a file or folder name is at most 255 bytes
BOMB_SETTINGS = ALIAS_BOMB.replace("title", "voice_base") + "voice: *i\n"


# --------------------------------------------------------------------------- the table

@dataclass(frozen=True)
class Case:
    args: tuple[str, ...]                       # "{d}" stands for the case's folder
    code: int                                   # DESIGN.md: 0 done, 1 could not run, 2 bad usage or input
    says: tuple[str, ...]                       # pieces of the French message: what is wrong, what to do
    prepare: Prepare = nothing
    stdin: str = ""
    events: str | None = None                   # an events log that must not be created (or changed)
    root_skips: bool = False                    # chmod means nothing to root
    untouched: tuple[str, ...] = field(default=())   # files of the case folder that must keep their bytes
    forgets_progress: bool = False              # a run that goes on may rightly drop an obsolete saved step
    writes_nothing: bool = False                # a read-only command: even with exit 0, nothing moved or written


RUN = ("run", "--tts", "none")
TEXT = (*RUN, "--input", "text")
AUDIO = (*RUN, "--input", "audio", "--fast", "--audio-in")

CASES: dict[str, Case] = {
    # ---- guides
    "guide: YAML syntax": Case((*TEXT, "--guide", "{d}/yaml-syntax.yaml"), 2,
                               ("yaml-syntax.yaml:4:", BROKEN_GUIDES["yaml-syntax"][2]),
                               broken_guide("yaml-syntax")),
    "guide: unknown step": Case((*TEXT, "--guide", "{d}/unknown-target.yaml"), 2,
                                ("unknown-target.yaml:9:", "étape inconnue"), broken_guide("unknown-target")),
    "guide: no steps": Case((*TEXT, "--guide", "{d}/g.yaml"), 2, ("g.yaml:", "steps"),
                            write("g.yaml", "title: Essai\nlanguage: fr\nsource: Test.\nstart: a\n")),
    "guide: empty": Case((*TEXT, "--guide", "{d}/empty.yaml"), 2, ("empty.yaml:1:", "vide"), broken_guide("empty")),
    "guide: binary": Case((*TEXT, "--guide", "{d}/binary.yaml"), 2, ("binary.yaml:1:", "binaire"),
                          broken_guide("binary")),
    "guide: a folder": Case((*TEXT, "--guide", "{d}/directory.yaml"), 2, ("dossier", "indiquez le fichier"),
                            broken_guide("directory")),
    "guide: alias bomb": Case((*TEXT, "--guide", "{d}/bombe.yaml"), 2, ("bombe.yaml:1:", "alias"),
                              write("bombe.yaml", ALIAS_BOMB)),
    "guide: deep nesting": Case((*TEXT, "--guide", "{d}/profond.yaml"), 2, ("profond.yaml:1:", "imbrication"),
                                write("profond.yaml", DEEP)),
    "guide: huge": Case((*TEXT, "--guide", "{d}/gros.yaml"), 2, ("gros.yaml:1:", "trop gros"),
                        write("gros.yaml", HUGE_GUIDE * 1000)),
    "guide: 2 GB": Case((*TEXT, "--guide", "{d}/enorme.yaml"), 2, ("enorme.yaml:1:", "trop gros"),
                        sparse("enorme.yaml", b"title: x\n", 2 * 1024 ** 3)),
    "guide: not UTF-8": Case((*TEXT, "--guide", "{d}/latin1.yaml"), 2, ("latin1.yaml:",),
                             write("latin1.yaml", "title: Début\n".encode("latin-1"))),
    "guide: missing file": Case((*TEXT, "--guide", "{d}/absent.yaml"), 2, ("absent.yaml", "introuvable")),
    "guide: unknown name": Case((*TEXT, "--guide", "inconnu"), 2, ("pas de guide nommé « inconnu »",
                                                                   "voiceguide guides")),
    "validate: alias bomb": Case(("validate", "{d}/bombe.yaml"), 2, ("bombe.yaml:1:", "alias"),
                                 write("bombe.yaml", ALIAS_BOMB)),
    "validate: a fifo": Case(("validate", "{d}/tube.yaml"), 2, ("tube.yaml:1:", "pas un fichier ordinaire"),
                             fifo(lambda d, home: d / "tube.yaml")),
    "validate --graph: the guide itself": Case(("validate", "{d}/g.yaml", "--graph", "{d}/g.yaml"), 2,
                                              ("est un nom de guide", "--graph"), copy_guide("g.yaml"),
                                              untouched=("g.yaml",)),
    "validate --graph: the chart name forgotten": Case(("validate", "--graph", "{d}/mon-guide.yaml"), 2,
                                                       ("mon-guide.yaml » est un nom de guide",
                                                        "voiceguide validate GUIDE.yaml --graph guide.md"),
                                                       copy_guide("mon-guide.yaml"), untouched=("mon-guide.yaml",)),
    "validate --graph: someone's notes": Case(("validate", "{d}/g.yaml", "--graph", "{d}/notes.md"), 2,
                                              ("existe déjà et n'est pas un diagramme écrit par voiceguide",
                                               "nouveau fichier"),
                                              both(copy_guide("g.yaml"), write("notes.md", "# Mes notes\n")),
                                              untouched=("g.yaml", "notes.md")),
    "validate --graph: a fifo": Case(("validate", "--graph", "{d}/tube.md"), 2, ("n'est pas un diagramme",),
                                     fifo(lambda d, home: d / "tube.md")),
    # ---- audio files
    "audio: corrupt": Case((*AUDIO, "{d}/a.wav"), 2, ("a.wav", "abîmé", "Enregistrez-le à nouveau"),
                           write("a.wav", b"RIFF\x10\x00\x00\x00WAVEjunkjunkjunk")),
    "audio: truncated": Case((*AUDIO, "{d}/a.wav"), 2, ("tronqué", "Enregistrez-le à nouveau"),
                             write("a.wav", good_wav()[:4000])),
    "audio: empty": Case((*AUDIO, "{d}/a.wav"), 2, ("vide (0 octet)", "Enregistrez-le à nouveau"),
                         write("a.wav", b"")),
    "audio: text": Case((*AUDIO, "{d}/a.wav"), 2, ("pas un fichier WAV", "sox"), write("a.wav", "bonjour\n")),
    "audio: MP3": Case((*AUDIO, "{d}/a.mp3"), 2, ("pas un fichier WAV", "sox fichier.mp3 fichier.wav"),
                       write("a.mp3", b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(500))),
    "audio: A-law": Case((*AUDIO, "{d}/a.wav"), 2, ("codage audio non pris en charge", "sox"),
                         write("a.wav", wav_header(8000, 8000, 1, 8, tag=6) + bytes(8000))),
    "audio: incoherent header": Case((*AUDIO, "{d}/a.wav"), 2, ("incohérent", "Enregistrez-le à nouveau"),
                                     write("a.wav", wav_header(100, channels=0) + bytes(100))),
    "audio: 3 minutes": Case((*AUDIO, "{d}/a.wav"), 2, ("il dure 180 s", "Coupez-le"),
                             sparse("a.wav", wav_header(16000 * 2 * 180), 44 + 16000 * 2 * 180)),
    "audio: 2 GB, hours": Case((*AUDIO, "{d}/a.wav"), 2, ("Coupez-le en plusieurs fichiers",),
                               sparse("a.wav", wav_header(0xFFFFFFFF), 2 * 1024 ** 3)),
    "audio: 384 kHz, 8 channels": Case((*AUDIO, "{d}/a.wav"), 2, ("trop gros", "sox"),
                                       sparse("a.wav", wav_header(384000 * 8 * 4 * 60, 384000, 8, 32),
                                              44 + 384000 * 8 * 4 * 60)),
    "audio: float, all NaN": Case((*AUDIO, "{d}/a.wav"), 2, ("a.wav", "ne sont pas des nombres", "Enregistrez-le"),
                                  write("a.wav", float_wav(np.full(8000, np.nan)))),
    "audio: float, one infinity": Case((*AUDIO, "{d}/a.wav"), 2, ("a.wav", "ne sont pas des nombres"),
                                       write("a.wav", float_wav(np.r_[np.zeros(4000), np.inf, np.zeros(4000)]))),
    # 119 s at 384 kHz is within the limits of one answer: checked from its header, converted at its turn
    # only (before: decoded and converted up front, 940 MB and 40 s before a word was said).
    "audio: 119 s at 384 kHz, no model": Case((*AUDIO, "{d}/a.wav"), 1, ("Aucun modèle de reconnaissance vocale",),
                                              sparse("a.wav", wav_header(384000 * 2 * 119, 384000),
                                                     44 + 384000 * 2 * 119)),
    "audio: a folder": Case((*AUDIO, "{d}/a.wav"), 2, ("dossier",), folder("a.wav")),
    "audio: missing": Case((*AUDIO, "{d}/absent.wav"), 2, ("introuvable", "Vérifiez le chemin")),
    "audio: a fifo": Case((*AUDIO, "{d}/tube.wav"), 2, ("pas un fichier ordinaire",),
                          fifo(lambda d, home: d / "tube.wav")),
    "audio: every bad file at once": Case((*AUDIO, "{d}/bon.wav", "{d}/vide.wav", "{d}/absent.wav"), 2,
                                          ("vide.wav", "absent.wav"),
                                          both(write("bon.wav", good_wav()), write("vide.wav", b""))),
    "audio: good file, no model": Case((*AUDIO, "{d}/bon.wav"), 1,
                                       ("Aucun modèle de reconnaissance vocale", "voiceguide model download"),
                                       write("bon.wav", good_wav())),
    "audio: model folder missing": Case((*AUDIO, "{d}/bon.wav", "--model", "{d}/nulle-part"), 2,
                                        ("n'existe pas", "voiceguide model download"), write("bon.wav", good_wav())),
    "audio: model given as its zip": Case((*AUDIO, "{d}/bon.wav", "--model", "{d}/modele.zip"), 2,
                                          ("est une archive, pas le dossier du modèle", "unzip modele.zip"),
                                          both(write("bon.wav", good_wav()), write("modele.zip", b"PK\x03\x04"))),
    "audio: model given as a file": Case((*AUDIO, "{d}/bon.wav", "--model", "{d}/bon.wav"), 2,
                                         ("est un fichier, pas le dossier du modèle", "vérifiez le chemin"),
                                         write("bon.wav", good_wav())),
    "audio: not a model folder": Case((*AUDIO, "{d}/bon.wav", "--model", "{d}"), 1,
                                      ("n'est pas un modèle vosk", "voiceguide model download"),
                                      write("bon.wav", good_wav())),
    "audio: bad file, existing log, --restart": Case((*AUDIO, "{d}/a.wav", "--restart", "--events", "{d}/j.jsonl"),
                                                     2, ("pas un fichier WAV",),
                                                     both(write("a.wav", "rien"), write("j.jsonl", '{"t": 0}\n')),
                                                     untouched=("j.jsonl",)),
    # ---- command-line options
    "option: unknown": Case((*TEXT, "--vitesse", "3"), 2, ("option ou argument inconnu : --vitesse", "--help")),
    "option: no command": Case((), 2, ("indiquez une commande", "--help")),
    "option: --audio-in with text": Case((*TEXT, "--audio-in", "{d}/bon.wav"), 2,
                                         ("--audio-in ne sert qu'avec --input audio",), write("bon.wav", good_wav())),
    "option: --audio-in with keyboard": Case((*RUN, "--input", "keyboard", "--audio-in", "{d}/bon.wav"), 2,
                                             ("--audio-in ne sert qu'avec --input audio",),
                                             write("bon.wav", good_wav())),
    "option: audio without files": Case((*RUN, "--input", "audio"), 2, ("ajoutez --audio-in",)),
    "option: --audio-in without a value": Case((*RUN, "--input", "audio", "--audio-in"), 2,
                                               ("--audio-in", "au moins une valeur est attendue")),
    "option: --events without a value": Case((*TEXT, "--events"), 2, ("--events", "une valeur est attendue")),
    "option: --guide without a value": Case((*TEXT, "--guide"), 2, ("--guide", "une valeur est attendue")),
    "option: --input unknown": Case((*RUN, "--input", "telepathie"), 2, ("choix impossible", "'text'")),
    "option: --tts unknown": Case(("run", "--input", "text", "--tts", "espeak"), 2, ("choix impossible", "'none'")),
    "option: --rate text": Case((*TEXT, "--rate", "vite"), 2, ("Débit de parole impossible", "entre 80 et 450")),
    "option: --rate too high": Case((*TEXT, "--rate", "10000"), 2, ("10000 mots par minute", "entre 80 et 450")),
    "option: --rate infinite": Case((*TEXT, "--rate", "inf"), 2, ("Débit de parole impossible", "entre 80 et 450")),
    "option: --rate negative": Case((*TEXT, "--rate", "-5"), 2, ("Débit de parole impossible", "entre 80 et 450")),
    "option: --volume text": Case((*TEXT, "--volume", "fort"), 2, ("Volume impossible", "entre 0 et 1")),
    "option: --volume negative": Case((*TEXT, "--volume", "-3"), 2, ("Volume impossible", "entre 0 et 1")),
    "option: --volume 150 %": Case((*TEXT, "--volume", "150%"), 2, ("Volume impossible", "entre 0 et 100")),
    "option: --volume nan": Case((*TEXT, "--volume", "nan"), 2, ("Volume impossible", "entre 0 et 1")),
    "option: --noinput-timeout 0": Case((*TEXT, "--noinput-timeout", "0"), 2, ("entre 0,5 et 600",)),
    "option: --noinput-timeout text": Case((*TEXT, "--noinput-timeout", "longtemps"), 2,
                                           ("n'est pas un nombre de secondes",)),
    "option: --noinput-timeout nan": Case((*TEXT, "--noinput-timeout", "nan"), 2, ("entre 0,5 et 600",)),
    "option: render without --out": Case(("render",), 2, ("il manque", "--out")),
    "option: model without action": Case(("model",), 2, ("voiceguide model download",)),
    "option: config without action": Case(("config",), 2, ("voiceguide config show",)),
    # ---- file names the system refuses for their length
    **{f"name too long: {name}": Case(args, 2, (f"{name.split()[0]} : le nom « ", "est trop long (",
                                                "255 caractères sans accent", "raccourcissez-le"), prepare)
       for name, args, prepare in (
           ("--guide FILE", (*TEXT, "--guide", LONG + ".yaml"), nothing),
           ("--guide DIR/NAME", (*TEXT, "--guide", "{d}/" + LONG), nothing),
           ("--guide NAME", (*TEXT, "--guide", "é" * 200), nothing),   # 400 bytes
           ("FICHIER of validate", ("validate", LONG), nothing),
           ("--graph", ("validate", "--graph", LONG + ".md"), nothing),
           ("--audio-in", (*AUDIO, "{d}/bon.wav", LONG + ".wav"), write("bon.wav", good_wav())),
           ("--events", (*TEXT, "--events", LONG), nothing),
           ("--config of run", (*TEXT, "--config", LONG), nothing),
           ("--config of config show", ("config", "show", "--config", LONG), nothing),
           ("--config of doctor", ("doctor", "--tts", "none", "--config", LONG), nothing),
           ("--model", (*AUDIO, "{d}/bon.wav", "--model", LONG), write("bon.wav", good_wav())),
           ("--out", ("render", "--out", LONG), nothing),
           ("--dest", ("model", "download", "--dest", LONG), nothing),
       )},
    "name too long: model in the settings": Case((*AUDIO, "{d}/bon.wav"), 2, ("trop long", "raccourcissez-le",
                                                                              "dans les réglages"),
                                                 both(write("bon.wav", good_wav()),
                                                      put(settings_at, f"model: {LONG}\n".encode()))),
    # ---- the events log
    "events: a folder": Case((*TEXT, "--events", "{d}"), 2, ("est un dossier", "nom de fichier")),
    "events: missing folder": Case((*TEXT, "--events", "{d}/nulle/part.jsonl"), 2,
                                   ("Impossible d'écrire le journal", "choisissez un autre emplacement"),
                                   events="nulle/part.jsonl"),
    "events: read-only folder": Case((*TEXT, "--events", "{d}/ro/j.jsonl"), 2,
                                     ("Impossible d'écrire le journal", "choisissez un autre emplacement"),
                                     both(folder("ro"), lambda d, home: (d / "ro").chmod(0o500)),
                                     events="ro/j.jsonl", root_skips=True),
    "events: a named pipe nobody reads": Case((*TEXT, "--events", "{d}/tube"), 2,
                                              ("tube nommé que personne ne lit", "fichier ordinaire à --events"),
                                              fifo(lambda d, home: d / "tube")),
    "events: the guide itself": Case((*TEXT, "--guide", "{d}/g.yaml", "--events", "{d}/g.yaml"), 2,
                                     ("fichier du guide", "autre nom"), copy_guide("g.yaml"), untouched=("g.yaml",)),
    "events: the settings": Case((*TEXT, "--config", "{d}/r.yaml", "--events", "{d}/r.yaml"), 2,
                                 ("fichier des réglages", "autre nom"), write("r.yaml", VALID_SETTINGS),
                                 untouched=("r.yaml",)),
    "events: the progress": Case((*TEXT, "--events", "{home}/.local/share/voiceguide/progress.json"), 2,
                                 ("progression", "autre nom")),
    "events: a recording": Case((*AUDIO, "{d}/bon.wav", "--events", "{d}/bon.wav"), 2,
                                ("enregistrements", "autre nom"), write("bon.wav", good_wav()),
                                untouched=("bon.wav",)),
    # ---- damaged settings and progress: the guide goes on with the defaults (exit 0), the bytes are kept
    "settings: binary": Case(TEXT, 0, ("ne peut pas être utilisé", "mis de côté"),
                             put(settings_at, b"\x00\x01\xff\xfe" * 10)),
    "settings: not name: value": Case(TEXT, 0, ("nom: valeur", "mis de côté"), put(settings_at, b"- a\n- b\n")),
    "settings: wrong types": Case(TEXT, 0, ("settings.yaml:1:", "devrait être un nombre entier",
                                            "settings.yaml:2:", "devrait être oui ou non"),
                                  put(settings_at, "rate_level: vite\nearcons: peut-être\n".encode())),
    "settings: noinput_timeout NaN": Case(TEXT, 0, ("devrait être un nombre de secondes",),
                                          put(settings_at, b"noinput_timeout: .nan\n")),
    "settings: alias bomb": Case(TEXT, 0, ("n'est pas un réglage connu",),
                                 put(settings_at, BOMB_SETTINGS.encode())),
    "settings: a folder": Case(TEXT, 0, ("est un dossier", "réglages par défaut"), put(settings_at, None)),
    "settings: a fifo": Case(TEXT, 0, ("pas un fichier ordinaire", "réglages par défaut"), fifo(settings_at)),
    "settings: unreadable": Case(TEXT, 0, ("impossible de le lire",), unreadable(settings_at), root_skips=True),
    "settings: --config missing": Case((*TEXT, "--config", "{d}/absent.yaml"), 0, ("n'existe pas", "--config")),
    "settings: 1 GB": Case(TEXT, 0, ("trop gros (1,0 Go)", "mis de côté"),
                           huge(settings_at, VALID_SETTINGS, 1024 ** 3)),
    "settings: --config a guide, run": Case((*TEXT, "--config", "{d}/g.yaml"), 2,
                                            ("« {d}/g.yaml » ne peut pas servir de fichier de réglages",
                                             "aucun de ses noms", "Vérifiez le nom donné à --config"),
                                            copy_guide("g.yaml"), untouched=("g.yaml",)),
    "settings: --config a guide, setup": Case(("setup", "--input", "text", "--tts", "none", "--config", "{d}/g.yaml"),
                                              2, ("ne peut pas servir de fichier de réglages", "--config"),
                                              copy_guide("g.yaml"), untouched=("g.yaml",)),
    "settings: --config a guide, config show": Case(("config", "show", "--config", "{d}/g.yaml"), 0,
                                                    ("ne peut pas servir de fichier de réglages", "n'a pas été modifié"),
                                                    copy_guide("g.yaml"), untouched=("g.yaml",), writes_nothing=True),
    "settings: --config a guide, doctor": Case(("doctor", "--tts", "none", "--config", "{d}/g.yaml"), 0, (),
                                               copy_guide("g.yaml"), untouched=("g.yaml",), writes_nothing=True),
    "settings: --config binary, run": Case((*TEXT, "--config", "{d}/r.yaml"), 2,
                                           ("ne peut pas servir de fichier de réglages", "caractères invalides"),
                                           write("r.yaml", b"\x00\x01\xff\xfe" * 10), untouched=("r.yaml",)),
    "settings: damaged, config show": Case(("config", "show"), 0, ("ne peut pas être utilisé", "n'a pas été modifié"),
                                           put(settings_at, b"\x00\x01\xff\xfe" * 10), writes_nothing=True),
    "settings: damaged, doctor": Case(("doctor", "--tts", "none"), 0, (),
                                      put(settings_at, b"\x00\x01\xff\xfe" * 10), writes_nothing=True),
    "progress: 1 GB": Case(TEXT, 0, ("trop gros (1,0 Go)", "mis de côté"), huge(progress_at, VALID_PROGRESS, 1024 ** 3)),
    "progress: garbage": Case(TEXT, 0, ("abîmé", "mis de côté"), put(progress_at, b"{\"format\": 1, \"gui")),
    "progress: wrong shape": Case(TEXT, 0, ("forme attendue", "mis de côté"),
                                  put(progress_at, b'{"format": 1, "guides": ["ouvrir-ameli"]}')),
    "progress: step gone": Case(TEXT, 0, ("n'existe plus",),
                                put(progress_at, VALID_PROGRESS.replace(b"ouvrir-ameli", b"etape-disparue")),
                                forgets_progress=True),
    "progress: a folder": Case(TEXT, 0, ("est un dossier",), put(progress_at, None)),
    "progress: a fifo": Case(TEXT, 0, ("pas un fichier ordinaire",), fifo(progress_at)),
    "progress: unreadable": Case(TEXT, 0, ("ne peut pas être lu", "mis de côté"), unreadable(progress_at),
                                 root_skips=True),
}


# --------------------------------------------------------------------------- running one case

def run_measured(box: Sandbox, args: list[str], stdin: str) -> tuple[CliResult, float]:
    """``python -m voiceguide ARGS`` to its end, and its peak resident memory (MB, from the kernel)."""
    result = run_in(box, args, stdin)
    return result, peak_mb(read_log(box.log))


def snapshot(path: Path) -> bytes | None:
    """A digest of a file's bytes (None when it is not a regular file), read in pieces: the 1 GB files would take
    seconds and a gigabyte of memory to hold whole. An unreadable one is read as its owner, its permissions put
    back as they were."""
    if not path.is_file():
        return None
    try:
        return _digest(path)
    except PermissionError:
        mode = path.stat().st_mode
        path.chmod(mode | 0o400)
        try:
            return _digest(path)
        finally:
            path.chmod(mode)


_BLOCK = 1 << 16


def _digest(path: Path) -> bytes:
    """The size and every block that is not zeros, with its place: the same for a file, a copy of it and a sparse
    copy of it, and the holes of a sparse file are not read (reading 1 GB of them takes seconds)."""
    digest, zeros, done = hashlib.sha256(), bytes(_BLOCK), 0
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        digest.update(size.to_bytes(8, "little"))
        for start, end in _data_spans(f.fileno(), size):
            f.seek(max(start - start % _BLOCK, done))
            while (done := f.tell()) < end:
                block = f.read(_BLOCK)
                if block != zeros[:len(block)]:
                    digest.update(done.to_bytes(8, "little") + block)
            done = f.tell()
    return digest.digest()


def _data_spans(fd: int, size: int) -> Iterator[tuple[int, int]]:
    """Where a file has data; the rest, its holes, reads as zeros (the whole file where holes cannot be found)."""
    position = 0
    while position < size:
        try:
            start = os.lseek(fd, position, os.SEEK_DATA)
        except OSError as exc:
            if exc.errno != errno.ENXIO:   # no SEEK_DATA here: read it all
                yield position, size
            return
        position = os.lseek(fd, start, os.SEEK_HOLE)
        yield start, position


def kept_somewhere(path: Path, before: bytes) -> bool:
    """The bytes digested in ``before`` are still on disk: at ``path`` or in one of its ``.bak`` copies."""
    candidates = [path, *path.parent.glob(path.name + ".bak*")]
    return any(snapshot(p) == before for p in candidates)


@pytest.mark.parametrize("name", CASES)
def test_bad_input(tmp_path: Path, name: str) -> None:
    case = CASES[name]
    if case.root_skips and os.geteuid() == 0:
        pytest.skip("run as root: file permissions cannot make a file unreadable")
    box = sandbox(tmp_path)
    settings_path(box.home).parent.mkdir(parents=True)
    settings_path(box.home).write_bytes(VALID_SETTINGS)
    progress_path(box.home).parent.mkdir(parents=True)
    progress_path(box.home).write_bytes(VALID_PROGRESS)
    case.prepare(box.cwd, box.home)
    guarded = {p: snapshot(p) for p in (settings_path(box.home), progress_path(box.home),
                                        *(box.cwd / u for u in case.untouched))}
    files_before = sorted(p.name for p in box.cwd.iterdir())
    args = [a.format(d=box.cwd, home=box.home) for a in case.args]
    says = [piece.format(d=box.cwd) for piece in case.says]

    result, peak = run_measured(box, args, case.stdin)

    assert result.code == case.code, result.stderr
    assert_no_traceback(result)
    assert "Warning:" not in result.stderr, result.stderr   # numpy's or Python's: never for the user
    for piece in says:
        assert piece in result.stderr, f"« {piece} » missing from: {result.stderr}"
    assert peak < PEAK_MB, f"{peak:.0f} MB resident: the input was read into memory"
    if case.code != 0 or case.writes_nothing:
        for path, before in guarded.items():
            assert snapshot(path) == before, f"{path} changed by a refused run"
        assert not list(box.home.rglob("*.bak*")), "a refused run set a file aside"
        assert sorted(p.name for p in box.cwd.iterdir()) == files_before, "a refused run left a file"
        if case.events:
            assert not (box.cwd / case.events).exists()
    else:
        for path, before in guarded.items():
            if before is not None and not (case.forgets_progress and path == progress_path(box.home)):
                assert kept_somewhere(path, before), f"the bytes of {path} were lost"


# --------------------------------------------------------------------------- the standard streams

# Every byte value on its own line (the newline excepted), then a word with a byte that is not UTF-8 and
# a broken UTF-8 sequence: the session reads them all as typed lines and logs valid UTF-8 JSON.
EVERY_BYTE = b"".join(bytes([b]) + b"\n" for b in range(256) if b != 10) + b"suiv\xffant\n\xc3(\xe9 \xed\xa0\x80\n"
EMOJI_GUIDE = SMALL_GUIDE.read_text(encoding="utf-8").replace(
    "Bonjour. Ce petit guide", "Bonjour 🙂. Ce petit guide").replace("sert aux essais", "sert aux essais, cœur compris")
NOT_TEXT = "\udcff"   # a file name byte that is not UTF-8, as Python holds it (PEP 383)


@dataclass(frozen=True)
class StreamCase:
    args: tuple[str, ...]                       # "{d}" stands for the case's folder
    stdin: bytes | None = b""                   # None: closed (``<&-``)
    closed: tuple[int, ...] = ()                # stdout (1) and stderr (2) closed as well
    env: dict[str, str] = field(default_factory=dict)
    code: int = 0
    shows: tuple[str, ...] = ()                 # pieces of stdout
    tells: tuple[str, ...] = ()                 # pieces of stderr
    encoding: str = "utf-8"                     # the console's: stdout and stderr must decode with it
    prepare: Prepare = nothing


ASCII = {"PYTHONIOENCODING": "ascii"}
STREAM_CASES: dict[str, StreamCase] = {
    "stdin: every byte, text": StreamCase((*TEXT, "--guide", str(SMALL_GUIDE), "--events", "{d}/j.jsonl"),
                                          EVERY_BYTE, shows=("Bonjour. Ce petit guide",)),
    # keys: the screen-reader choice pinned (a test of that mode may run an « orca » process meanwhile)
    "stdin: every byte, keys from a pipe": StreamCase((*RUN, "--input", "keyboard", "--no-screen-reader", "--events",
                                                       "{d}/j.jsonl"), bytes(range(256)) + b"\xc3(", shows=("Bonjour.",)),
    "stdin: a word that is not UTF-8": StreamCase((*TEXT, "--events", "{d}/j.jsonl"), b"suiv\xffant\n",
                                                  shows=("Bonjour.",)),
    "stdin closed: text": StreamCase(TEXT, None, shows=("Bonjour.",)),
    "stdin closed: keys": StreamCase((*RUN, "--input", "keyboard", "--no-screen-reader"), None, shows=("Bonjour.",)),
    "stdin closed: the best input": StreamCase(RUN, None, shows=("Bonjour.",)),
    "stdout closed": StreamCase((*TEXT, "--events", "{d}/j.jsonl"), b"suivant\n", closed=(1,)),
    "stdout and stderr closed, bad guide": StreamCase((*TEXT, "--guide", "{d}/absent.yaml"), closed=(1, 2), code=2),
    "every stream closed": StreamCase((*TEXT, "--events", "{d}/j.jsonl"), None, closed=(1, 2)),
    "ASCII console": StreamCase(TEXT, b"suivant\n", env=ASCII, encoding="ascii",
                                shows=("Je vais vous guider pas a pas", 'tapez " suivant "', "Ctrl+L")),
    "ASCII console, typed accents": StreamCase((*TEXT, "--events", "{d}/j.jsonl"), "précédent\n".encode(),
                                               env=ASCII, encoding="ascii", shows=("Bonjour.",)),
    "ASCII console, an error": StreamCase((*TEXT, "--guide", "{d}/absent.yaml"), env=ASCII, code=2, encoding="ascii",
                                          tells=("absent.yaml:1: fichier introuvable : verifiez",)),
    "cp1252 console, an emoji in the guide": StreamCase((*TEXT, "--guide", "{d}/g.yaml"), b"suivant\n",
                                                        env={"PYTHONIOENCODING": "cp1252"}, encoding="cp1252",
                                                        shows=("Bonjour ?. Ce petit guide", "cœur", "« suivant »"),
                                                        prepare=write("g.yaml", EMOJI_GUIDE)),
    "UTF-8 console, a file name that is not text": StreamCase(
        ("validate", f"{{d}}/{NOT_TEXT}.yaml"), env={"PYTHONIOENCODING": "utf-8"}, encoding="utf-8",
        shows=(f"{NOT_TEXT}.yaml : guide valide",), prepare=copy_guide(f"{NOT_TEXT}.yaml")),
}


def run_with_streams(box: Sandbox, case: StreamCase, args: list[str]) -> tuple[int, str, str]:
    """The run with its standard streams as the case says; stdout and stderr decoded as its console's encoding
    (an undecodable file name byte comes back as it was given, PEP 383)."""
    closed = (*case.closed, *((0,) if case.stdin is None else ()))

    def close_in_child() -> None:
        for fd in closed:
            os.close(fd)

    done = subprocess.run([sys.executable, "-m", "voiceguide", *args], input=case.stdin,
                          stdin=subprocess.DEVNULL if case.stdin is None else None, capture_output=True,
                          env={**box.env, **case.env}, cwd=box.cwd, timeout=CLI_TIMEOUT, check=False,
                          preexec_fn=close_in_child)
    return (done.returncode, done.stdout.decode(case.encoding, "surrogateescape"),
            done.stderr.decode(case.encoding, "surrogateescape"))


@pytest.mark.parametrize("name", STREAM_CASES)
def test_any_standard_stream(tmp_path: Path, name: str) -> None:
    """Any byte on stdin, no stdin, no stdout, any output encoding: a French message or a quiet exit."""
    case = STREAM_CASES[name]
    box = sandbox(tmp_path)
    case.prepare(box.cwd, box.home)
    args = [a.format(d=box.cwd) for a in case.args]

    code, out, err = run_with_streams(box, case, args)

    assert code == case.code, err
    assert_no_traceback(CliResult(code, out, err))
    assert not any("\udc80" <= c <= "\udcff" for c in (out + err).replace(NOT_TEXT, "")), \
        f"not {case.encoding}: {out + err}"
    for piece in case.shows:
        assert piece in out, f"« {piece} » missing from: {out}"
    for piece in case.tells:
        assert piece in err, f"« {piece} » missing from: {err}"
    if 1 in case.closed:
        assert out == ""
    if "{d}/j.jsonl" in case.args:
        events = read_events(box.cwd / "j.jsonl")   # UTF-8, no control character, DESIGN.md's fields
        assert events[-1]["event"] == "end"
