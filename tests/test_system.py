"""The system pieces (voiceguide.system): checked as they are used, named when missing, installed on Debian.

The « package missing » paths run for real: a child process gets a private
mount namespace in which the package's files are unloadable and the linker
no longer finds its library (tests/hiding.py says how, and why that is what
``apt-get remove`` would leave). Nothing is uninstalled on this machine.
Installing is the one edge left out: running apt-get for real would change a
machine that others share, so ``ensure`` is given a stand-in that records
the command it would run.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from hiding import without_packages

from voiceguide import system
from voiceguide.system import RUN, TEST, Missing, Piece, describe, ensure, find_missing, plan

REPO = Path(__file__).resolve().parent.parent
FRESH_ESPEAK = ("espeak-ng", "libespeak-ng1", "espeak-ng-data")   # what a machine without espeak-ng lacks


def run(command: Sequence[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(command), capture_output=True, text=True, cwd=REPO, timeout=120, check=False)


# --------------------------------------------------------------------------- the suite refuses to start

@pytest.mark.parametrize("packages, named, why", [
    (("libportaudio2",), "libportaudio2", "le son (haut-parleurs et micro)"),
    (FRESH_ESPEAK, "espeak-ng", "la voix du guide et pour les tests de prononciation"),
    (("espeak-ng",), "espeak-ng", "les tests de prononciation"),     # apt-get remove espeak-ng: the library stays
    (("sox",), "sox", "les fichiers de son des tests"),
    (("strace",), "strace", "les tests qui vérifient que rien ne part sur le réseau"),
], ids=["libportaudio2", "espeak-ng-fresh", "espeak-ng-program", "sox", "strace"])
def test_the_suite_stops_at_the_start_naming_the_missing_package(tmp_path: Path, packages: tuple[str, ...],
                                                                 named: str, why: str) -> None:
    pytest_run = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(Path(__file__))]
    done = run(without_packages(packages, pytest_run, tmp_path))
    output = done.stdout + done.stderr
    assert done.returncode == pytest.ExitCode.USAGE_ERROR, output
    assert f"Il manque sur cet ordinateur : {named}, pour {why}." in output
    assert f"apt-get install {named}" in output and "make test" in output
    assert "passed" not in output and "failed" not in output and "skipped" not in output   # no test ran
    assert "Traceback" not in output


def test_the_system_check_before_the_venv_names_the_library_and_the_command(tmp_path: Path) -> None:
    # What ``make run`` asks first, with the system's Python and no third-party module.
    check = [sys.executable, "-I", "-m", "voiceguide.system", "check", RUN]
    done = run(without_packages(("libportaudio2",) + FRESH_ESPEAK, check, tmp_path))
    assert done.returncode == 1
    assert done.stdout.strip() == ("Il manque sur cet ordinateur : espeak-ng, pour la voix du guide ; libportaudio2, "
                                   "pour le son (haut-parleurs et micro). Tapez « apt-get install espeak-ng "
                                   "libportaudio2 », puis relancez « make run ».")
    assert run(check).returncode == 0    # outside the namespace, nothing is missing


def test_the_probes_find_the_real_pieces_of_this_machine() -> None:
    assert find_missing(TEST) == []
    assert system.probe_espeak_library() is None and system.probe_portaudio() is None


# --------------------------------------------------------------------------- what to do about it

def test_plan_on_debian_root_sudo_and_neither() -> None:
    packages = ["espeak-ng", "libportaudio2"]
    root = plan(packages, "apt", root=True, sudo=False, interactive=False)
    assert root.run == ("apt-get", "install", "-y", "-q", *packages)
    assert root.typed == "apt-get install espeak-ng libportaudio2"
    by_sudo = plan(packages, "apt", root=False, sudo=True, interactive=True)
    assert by_sudo.run == ("sudo", "apt-get", "install", "-y", "-q", *packages)
    assert by_sudo.typed == "sudo apt-get install espeak-ng libportaudio2"
    # No terminal (CI=true, a pipe): sudo must fail at once rather than wait for a password.
    assert plan(packages, "apt", root=False, sudo=True, interactive=False).run[:2] == ("sudo", "-n")
    nothing = plan(packages, "apt", root=False, sudo=False, interactive=True)
    assert nothing.run is None and nothing.typed == 'su -c "apt-get install espeak-ng libportaudio2"'


def test_plan_elsewhere_gives_the_command_and_installs_nothing() -> None:
    assert plan(["espeak-ng", "portaudio"], "dnf", root=True, sudo=True, interactive=True) == \
        system.Plan(None, "sudo dnf install espeak-ng portaudio")
    assert plan(["sox"], "brew", root=False, sudo=False, interactive=True).typed == "brew install sox"
    assert plan(["sox"], None, root=False, sudo=False, interactive=True).typed.startswith(
        "installez avec le gestionnaire de paquets de votre système : sox")


def test_each_package_is_named_once_with_every_reason() -> None:
    both = [Missing(system.piece("espeak-library"), "x"), Missing(system.piece("espeak-program"), "y"),
            Missing(system.piece("portaudio"), "z")]
    assert system.packages_for(both, "apt") == ["espeak-ng", "libportaudio2"]
    assert system.packages_for(both, "dnf") == ["espeak-ng", "portaudio"]
    assert describe(both, "apt") == ("Il manque sur cet ordinateur : espeak-ng, pour la voix du guide et pour les "
                                     "tests de prononciation ; libportaudio2, pour le son (haut-parleurs et micro).")


def test_pieces_apply_only_where_the_system_must_provide_them() -> None:
    portaudio = system.piece("portaudio")
    assert portaudio.applies("linux") and not portaudio.applies("win32") and not portaudio.applies("darwin")
    assert system.piece("venv").applies("win32")
    absent = Piece("essai", "un essai", {"apt": "paquet-essai"}, lambda: "absent")
    assert find_missing(RUN, [absent], platform="linux") == [Missing(absent, "absent")]
    assert find_missing(RUN, [absent], platform="win32") == []


class Installer:
    """Stands in for apt-get (see the module docstring); installing makes the piece work."""

    def __init__(self, works: bool) -> None:
        self.works = works
        self.commands: list[tuple[str, ...]] = []
        self.installed = False

    def __call__(self, command: Sequence[str], env: dict[str, str]) -> int:
        assert env["DEBIAN_FRONTEND"] == "noninteractive"
        self.commands.append(tuple(command))
        if "install" in command and self.works:
            self.installed = True
        return 0 if self.works or "update" in command else 100


def on_debian(monkeypatch: pytest.MonkeyPatch, *, root: bool, sudo: bool = False) -> list[str]:
    """This machine seen as Debian with or without root and sudo, no terminal; returns what ensure says."""
    monkeypatch.setattr(system, "package_manager", lambda: "apt")
    monkeypatch.setattr(system, "_is_root", lambda: root)
    monkeypatch.setattr(system.shutil, "which", lambda name: "/usr/bin/sudo" if sudo and name == "sudo" else None)
    monkeypatch.setattr(system, "_interactive", lambda: False)
    return []


def essai(probe) -> Piece:
    return Piece("essai", "un essai", {"apt": "paquet-essai"}, probe)


def test_ensure_installs_on_debian_then_checks_again(monkeypatch: pytest.MonkeyPatch) -> None:
    installer = Installer(works=True)
    said = on_debian(monkeypatch, root=True)
    piece = essai(lambda: None if installer.installed else "absent")
    assert ensure(RUN, command="make run", out=said.append, runner=installer, pieces=[piece])
    assert installer.commands == [("apt-get", "install", "-y", "-q", "paquet-essai")]
    assert said == ["Il manque sur cet ordinateur : paquet-essai, pour un essai. Je l'installe avec "
                    "« apt-get install paquet-essai »…", "Installation terminée."]


def test_ensure_says_when_a_package_still_does_not_work_after_installing(monkeypatch: pytest.MonkeyPatch) -> None:
    said = on_debian(monkeypatch, root=True)
    broken = essai(lambda: "absent")      # installed, and still not working
    assert not ensure(RUN, command="make run", out=said.append, runner=Installer(works=True), pieces=[broken])
    assert said[-1] == ("Après l'installation, il manque encore : paquet-essai, pour un essai. Tapez « apt-get install "
                        "paquet-essai », puis relancez « make run ».")


def test_ensure_fetches_the_package_lists_once_then_gives_the_command(monkeypatch: pytest.MonkeyPatch) -> None:
    installer = Installer(works=False)
    said = on_debian(monkeypatch, root=False, sudo=True)
    assert not ensure(RUN, command="make run", out=said.append, runner=installer, pieces=[essai(lambda: "absent")])
    assert installer.commands == [("sudo", "-n", "apt-get", "install", "-y", "-q", "paquet-essai"),
                                  ("sudo", "-n", "apt-get", "update", "-q"),
                                  ("sudo", "-n", "apt-get", "install", "-y", "-q", "paquet-essai")]
    assert said[-1] == ("Il manque sur cet ordinateur : paquet-essai, pour un essai. L'installation n'a pas abouti : "
                        "tapez « sudo apt-get install paquet-essai », puis relancez « make run ».")


def test_ensure_without_sudo_stops_at_once_with_the_command(monkeypatch: pytest.MonkeyPatch) -> None:
    installer = Installer(works=True)
    said = on_debian(monkeypatch, root=False)
    assert not ensure(RUN, command="make run", out=said.append, runner=installer, pieces=[essai(lambda: "absent")])
    assert installer.commands == []
    assert said == ["Il manque sur cet ordinateur : paquet-essai, pour un essai. Tapez « su -c \"apt-get install "
                    "paquet-essai\" », puis relancez « make run »."]
