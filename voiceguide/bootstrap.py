"""The README's two commands, on any system: ``python3 -m voiceguide.bootstrap run`` and ``... test``.

``make run`` and ``make test`` call this; on Windows and macOS it is typed as
it is (``py -m voiceguide.bootstrap run``). Standard library only: it runs
with the system's Python before anything is installed. In order:

1. Python 3.10 or newer;
2. the system pieces (voiceguide.system: installed with apt-get on Debian
   and Ubuntu, otherwise one message with the command to type);
3. the virtual environment ``.venv``, created once;
4. voiceguide installed in it, again only when pyproject.toml has changed
   (so a second ``make run`` works offline);
5. ``run``: the French model, downloaded once (an unreachable site is
   remembered and not tried again on each launch, see model_store), then
   the guide; ``test``: ruff, mypy, then pytest (on every core, pytest-xdist).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from voiceguide import system

ROOT = Path(__file__).resolve().parents[1]
STAMP = "voiceguide-installed"      # in the venv: which extra was installed, newer than pyproject.toml


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if sys.platform.startswith("win") else "bin/python")


def _call(command: Sequence[str | Path], env: dict[str, str] | None = None) -> int:
    """Runs a step with this terminal; Ctrl-C reaches it too, and ends the set-up with 130."""
    try:
        return subprocess.call([str(c) for c in command], cwd=ROOT, env=env)
    except KeyboardInterrupt:
        return 130


def ensure_venv(venv: Path) -> bool:
    python = venv_python(venv)
    if python.exists():
        return True
    say(f"Création de l'environnement Python dans « {venv} »…")
    if _call([sys.executable, "-m", "venv", venv]) != 0:
        say(f"Impossible de créer « {venv} ». Supprimez ce dossier s'il existe à moitié, puis relancez.")
        return False
    _call([python, "-m", "pip", "install", "--quiet", "--upgrade", "pip"])   # an old pip still works
    return True


def _installed(venv: Path) -> set[str]:
    """What pip installed since pyproject.toml last changed: {"base"}, {"base", "test"}, or nothing."""
    stamp = venv / STAMP
    try:
        if stamp.stat().st_mtime < (ROOT / "pyproject.toml").stat().st_mtime:
            return set()
        return set(stamp.read_text(encoding="utf-8").split())
    except OSError:
        return set()


def ensure_installed(venv: Path, extra: str | None) -> bool:
    """``pip install -e .`` (with ``extra``), skipped when already done since pyproject.toml last changed."""
    wanted = {"base", extra} if extra else {"base"}
    done = _installed(venv)
    if wanted <= done:
        return True
    say("Installation des modules Python de voiceguide (la première fois, quelques minutes)…")
    quiet = dict(os.environ, PYTHONWARNINGS="ignore")   # the build's warnings are for developers, not carers
    if _call([venv_python(venv), "-m", "pip", "install", "--quiet", "-e", f".[{extra}]" if extra else "."], quiet) != 0:
        say("L'installation des modules Python a échoué. La première fois, il faut Internet : vérifiez la "
            "connexion, puis relancez.")
        return False
    (venv / STAMP).write_text(" ".join(sorted(done | wanted)) + "\n", encoding="utf-8")
    return True


def prepare(purpose: str, venv: Path, command: str) -> bool:
    if sys.version_info[:2] < system.MIN_PYTHON:
        say(f"voiceguide demande Python {system.MIN_PYTHON[0]}.{system.MIN_PYTHON[1]} ou plus récent ; celui-ci est "
            f"{sys.version_info[0]}.{sys.version_info[1]}. Installez-en un plus récent (python.org), puis relancez.")
        return False
    return (system.ensure(purpose, command=command, out=say) and ensure_venv(venv)
            and ensure_installed(venv, "test" if purpose == system.TEST else None))


def run(venv: Path, args: Sequence[str]) -> int:
    python = venv_python(venv)
    _call([python, "-m", "voiceguide", "model", "download", "--auto"])   # without it the guide uses the keyboard
    return _call([python, "-m", "voiceguide", "run", *args])


def test(venv: Path, args: Sequence[str]) -> int:
    python = venv_python(venv)
    code = _call([python, "-m", "ruff", "check", "voiceguide", "tests", "scripts"])
    code = code or _call([python, "-m", "mypy"])   # the configuration is in pyproject.toml
    # one worker per core: the suite is mostly waiting on child processes (under five minutes on two cores)
    return code or _call([python, "-m", "pytest", "-n", "auto", *args])


def again(purpose: str) -> str:
    """The command the person typed, to type again once a problem is fixed."""
    if os.environ.get("MAKELEVEL"):
        return f"make {purpose}"
    python = "py" if sys.platform.startswith("win") else "python3"
    return f"{python} -m voiceguide.bootstrap {purpose}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m voiceguide.bootstrap",
                                     description="Installe ce qu'il faut, puis lance le guide (run) ou les tests (test).")
    parser.add_argument("purpose", choices=(system.RUN, system.TEST))
    parser.add_argument("--venv", type=Path, default=ROOT / ".venv", help="dossier de l'environnement Python")
    parser.add_argument("--prepare-only", action="store_true", help="seulement installer (make install, make model…)")
    args, rest = parser.parse_known_args(argv)   # the rest goes to « voiceguide run » or to pytest
    venv = args.venv if args.venv.is_absolute() else Path(os.getcwd()) / args.venv
    if not prepare(args.purpose, venv, again(args.purpose)):
        return 1
    if args.prepare_only:
        return 0
    rest = rest[1:] if rest[:1] == ["--"] else rest
    return run(venv, rest) if args.purpose == system.RUN else test(venv, rest)


if __name__ == "__main__":
    raise SystemExit(main())
