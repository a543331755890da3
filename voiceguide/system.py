"""The pieces of the operating system that voiceguide needs besides Python packages, checked as they are used.

Standard library only: ``make run`` / ``make test`` (through voiceguide.bootstrap)
run these checks with the system's own Python, before the virtual environment
exists, on Linux, Windows and macOS alike; ``tests/conftest.py`` runs them
before the first test; ``voiceguide doctor``, ``setup`` and ``run`` name a
missing piece through voiceguide.carer.diagnosis.

A piece counts as present only when it works the way voiceguide uses it: the
espeak-ng library loads *and* starts (pyttsx3 loads it by these names), the
PortAudio library is found and loads (as sounddevice finds it), a program
answers ``--version``. A package that dpkg calls installed but whose library
is broken counts as missing.

On Debian and Ubuntu the missing packages are installed with apt-get (through
sudo when not root), after saying which and why; elsewhere, or when that is
not possible, the person is given the one command to type.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

RUN, TEST = "run", "test"
MIN_PYTHON = (3, 10)
PROBE_TIMEOUT = 20.0           # a program's --version, the espeak-ng start-up: a guard against a hang only

# pyttsx3's Linux driver tries these names, in this order.
ESPEAK_LIBRARIES = ("libespeak-ng.so.1", "/usr/local/lib/libespeak-ng.so.1", "libespeak.so.1")

# Run in a child process: espeak-ng's start-up exits the process on some errors, and the test
# process must not keep a speech engine loaded. 0x8000 = espeakINITIALIZE_DONT_EXIT; 1 = retrieval
# (no sound device is opened).
_ESPEAK_PROBE = """
import ctypes, sys
errors = []
for name in sys.argv[1:]:
    try:
        lib = ctypes.CDLL(name)
        break
    except OSError as exc:
        errors.append(str(exc))
else:
    print("; ".join(errors)); sys.exit(2)
rate = lib.espeak_Initialize(1, 0, None, 0x8000)
if rate <= 0:
    print("espeak_Initialize a échoué (" + str(rate) + ")"); sys.exit(3)
lib.espeak_Terminate()
"""


# --------------------------------------------------------------------------- probes: None when fine, else why (technical)

def probe_espeak_library() -> str | None:
    """The espeak-ng library loads and starts (its voice data is found)."""
    try:
        done = subprocess.run([sys.executable, "-I", "-S", "-c", _ESPEAK_PROBE, *ESPEAK_LIBRARIES],
                              capture_output=True, text=True, timeout=PROBE_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"essai d'espeak-ng impossible ({exc})"
    if done.returncode == 0:
        return None
    return " ".join((done.stdout + " " + done.stderr).split()) or f"code {done.returncode}"


def probe_portaudio() -> str | None:
    """The PortAudio library is found and loads, the way sounddevice looks for it on Linux."""
    name = ctypes.util.find_library("portaudio")
    if name is None:
        return "PortAudio library not found"
    try:
        ctypes.CDLL(name)
    except OSError as exc:
        return str(exc)
    return None


def probe_program(program: str, *args: str) -> Callable[[], str | None]:
    """A probe that runs ``program ARGS`` (usually its version) and wants exit code 0."""
    def probe() -> str | None:
        path = shutil.which(program)
        if path is None:
            return f"{program} introuvable dans le PATH"
        try:
            done = subprocess.run([path, *args], capture_output=True, timeout=PROBE_TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"{program} ne démarre pas ({exc})"
        return None if done.returncode == 0 else f"{program} {' '.join(args)} : code {done.returncode}"

    return probe


def probe_venv() -> str | None:
    """Python can create a virtual environment (Debian ships ensurepip apart, in python3-venv)."""
    missing = [m for m in ("venv", "ensurepip") if importlib.util.find_spec(m) is None]
    return f"module {', '.join(missing)} absent" if missing else None


# --------------------------------------------------------------------------- the pieces

@dataclass(frozen=True)
class Piece:
    """One system piece: what it is for (French), the package that brings it per package manager,
    and when it is needed."""

    key: str
    purpose: str
    packages: dict[str, str]             # package manager -> package name ("apt" -> "libportaudio2")
    probe: Callable[[], str | None] = field(compare=False)
    needed_for: frozenset[str] = frozenset({RUN, TEST})
    platforms: tuple[str, ...] = ("linux",)   # sys.platform prefixes where the system must provide it

    def applies(self, platform: str) -> bool:
        return platform.startswith(self.platforms)

    def package(self, manager: str | None) -> str:
        """The package to install with ``manager``, or the usual (Debian) name when it is unknown."""
        return self.packages.get(manager or "", self.packages["apt"])


PIECES: tuple[Piece, ...] = (
    Piece("venv", "créer l'environnement Python de voiceguide",
          {"apt": "python3-venv", "dnf": "python3", "pacman": "python", "brew": "python"},
          probe_venv, platforms=("linux", "darwin", "win")),
    Piece("espeak-library", "la voix du guide",
          {"apt": "espeak-ng", "dnf": "espeak-ng", "pacman": "espeak-ng"},
          probe_espeak_library),
    Piece("portaudio", "le son (haut-parleurs et micro)",
          {"apt": "libportaudio2", "dnf": "portaudio", "pacman": "portaudio"},
          probe_portaudio),
    Piece("espeak-program", "les tests de prononciation",
          {"apt": "espeak-ng", "dnf": "espeak-ng", "pacman": "espeak-ng", "brew": "espeak-ng"},
          probe_program("espeak-ng", "--version"), frozenset({TEST}), ("linux", "darwin")),
    Piece("sox", "les fichiers de son des tests",
          {"apt": "sox", "dnf": "sox", "pacman": "sox", "brew": "sox"},
          probe_program("sox", "--version"), frozenset({TEST}), ("linux", "darwin")),
    Piece("strace", "les tests qui vérifient que rien ne part sur le réseau",
          {"apt": "strace", "dnf": "strace", "pacman": "strace"},
          probe_program("strace", "-V"), frozenset({TEST})),
)


def piece(key: str) -> Piece:
    return next(p for p in PIECES if p.key == key)


@dataclass(frozen=True)
class Missing:
    """A piece that does not work here, and why (technical: for ``doctor --details``)."""

    piece: Piece
    detail: str


def find_missing(purpose: str, pieces: Sequence[Piece] = PIECES, platform: str | None = None) -> list[Missing]:
    """The pieces needed for ``purpose`` (RUN or TEST) that do not work on this machine."""
    platform = platform or sys.platform
    found = []
    for p in pieces:
        if purpose in p.needed_for and p.applies(platform):
            detail = p.probe()
            if detail is not None:
                found.append(Missing(p, detail))
    return found


# --------------------------------------------------------------------------- how to install

def package_manager() -> str | None:
    """The package manager whose names we know: apt (Debian, Ubuntu), dnf, pacman, brew; else None."""
    for manager, program in (("apt", "apt-get"), ("dnf", "dnf"), ("pacman", "pacman"), ("brew", "brew")):
        if shutil.which(program):
            return manager
    return None


def packages_for(missing: Sequence[Missing], manager: str | None) -> list[str]:
    """The packages to install, each once, in the order of the pieces."""
    return list(dict.fromkeys(m.piece.package(manager) for m in missing))


@dataclass(frozen=True)
class Plan:
    """What to do about missing packages: a command we run ourselves (or None), and the one to type."""

    run: tuple[str, ...] | None
    typed: str


def plan(packages: Sequence[str], manager: str | None, *, root: bool, sudo: bool, interactive: bool) -> Plan:
    """Decides how the packages get installed. Only apt is driven here (the Debian/Ubuntu promise of
    the README); elsewhere, and on Debian without root or sudo, the person types the command."""
    names = " ".join(packages)
    if manager == "apt":
        install = ("apt-get", "install", "-y", "-q", *packages)
        if root:
            return Plan(install, f"apt-get install {names}")
        if sudo:   # without a terminal sudo must not wait for a password nobody can type: -n
            return Plan(("sudo", *(() if interactive else ("-n",)), *install), f"sudo apt-get install {names}")
        return Plan(None, f"su -c \"apt-get install {names}\"")
    if manager == "dnf":
        return Plan(None, f"sudo dnf install {names}")
    if manager == "pacman":
        return Plan(None, f"sudo pacman -S {names}")
    if manager == "brew":
        return Plan(None, f"brew install {names}")
    return Plan(None, f"installez avec le gestionnaire de paquets de votre système : {', '.join(packages)}")


def command_to_type(packages: Sequence[str]) -> str:
    """The one command that installs ``packages`` on this system, as the person would type it."""
    manager = package_manager()
    return plan(packages, manager, root=_is_root(), sudo=shutil.which("sudo") is not None, interactive=True).typed


def install_hint(key: str) -> str:
    """The command that brings piece ``key`` on this system (French words when there is no command)."""
    return command_to_type([piece(key).package(package_manager())])


def describe(missing: Sequence[Missing], manager: str | None, lead: str = "Il manque sur cet ordinateur") -> str:
    """« Il manque sur cet ordinateur : espeak-ng, pour la voix du guide ; libportaudio2, pour le son… »"""
    by_package: dict[str, list[str]] = {}
    for m in missing:
        by_package.setdefault(m.piece.package(manager), []).append(m.piece.purpose)
    parts = [f"{name}, pour {' et pour '.join(purposes)}" for name, purposes in by_package.items()]
    return f"{lead} : " + " ; ".join(parts) + "."


def missing_message(missing: Sequence[Missing], command: str) -> str:
    """One message: what is missing, why, and the exact command to type before ``command`` again."""
    manager = package_manager()
    typed = command_to_type(packages_for(missing, manager))
    return f"{describe(missing, manager)} Tapez « {typed} », puis relancez « {command} »."


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty() and not os.environ.get("CI")


def ensure(purpose: str, *, command: str, out: Callable[[str], None] = print,
           runner: Callable[[Sequence[str], dict[str, str]], int] | None = None,
           pieces: Sequence[Piece] = PIECES) -> bool:
    """Checks the pieces for ``purpose``; on Debian/Ubuntu installs what is missing, then checks again.

    Returns True when everything works. Otherwise it has said, in one
    message, what is missing and the exact command to type, and returns
    False. ``command`` is what to run again afterwards (« make run »);
    ``runner`` runs a command (apt-get) and returns its exit code.
    """
    missing = find_missing(purpose, pieces)
    if not missing:
        return True
    manager = package_manager()
    packages = packages_for(missing, manager)
    decided = plan(packages, manager, root=_is_root(), sudo=shutil.which("sudo") is not None,
                   interactive=_interactive())
    what = describe(missing, manager)
    if decided.run is None:
        out(f"{what} Tapez « {decided.typed} », puis relancez « {command} ».")
        return False
    password = " (votre mot de passe peut être demandé)" if decided.run[0] == "sudo" else ""
    verb = "Je les installe" if len(packages) > 1 else "Je l'installe"
    out(f"{what} {verb} avec « {decided.typed} »{password}…")
    runner = runner or _run
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    if runner(decided.run, env) != 0:
        # A fresh machine may have no package lists yet: fetch them once, then try again.
        update = (*decided.run[:decided.run.index("apt-get")], "apt-get", "update", "-q")
        if runner(update, env) != 0 or runner(decided.run, env) != 0:
            out(f"{what} L'installation n'a pas abouti : tapez « {decided.typed} », puis relancez « {command} ».")
            return False
    still = find_missing(purpose, pieces)
    if still:
        again = describe(still, manager, "Après l'installation, il manque encore")
        out(f"{again} Tapez « {decided.typed} », puis relancez « {command} ».")
        return False
    out("Installation terminée.")
    return True


def _run(command: Sequence[str], env: dict[str, str]) -> int:
    try:
        return subprocess.run(list(command), env=env, check=False).returncode
    except OSError:
        return 127


def main(argv: Sequence[str] | None = None) -> int:
    """``python3 -m voiceguide.system check|install run|test``: 0 when everything works, else 1."""
    parser = argparse.ArgumentParser(prog="python3 -m voiceguide.system",
                                     description="Vérifie (et installe) ce que voiceguide demande au système.")
    parser.add_argument("action", choices=("check", "install"))
    parser.add_argument("purpose", choices=(RUN, TEST))
    args = parser.parse_args(argv)
    command = f"make {args.purpose}"
    if args.action == "install":
        return 0 if ensure(args.purpose, command=command) else 1
    missing = find_missing(args.purpose)
    if missing:
        print(missing_message(missing, command))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
