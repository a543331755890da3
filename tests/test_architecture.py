"""The layout holds: imports only go down the layers of the README, no module imports itself back,
the orchestration layer stays in small modules, and the typed modes start without the audio stack.

The imports are read from the source (every ``import`` statement, those inside functions and under
``TYPE_CHECKING`` included), so a lazy import cannot hide a wrong direction.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "voiceguide"

# The README's Layout, bottom up: a module imports only from its own package and from lower layers.
LAYERS = [
    {"errors", "userdirs", "speech_levels", "audio", "resampling", "system"},
    {"language"},
    {"guide"},
    {"dialog"},
    {"speaking", "listening"},
    {"session"},
    {"carer"},
    {"cli"},
]
# `python -m voiceguide` and `make run` / `make test` (voiceguide.bootstrap): above everything.
ENTRY_POINTS = {"voiceguide.__main__", "voiceguide.bootstrap"}
ORCHESTRATION = ["session", "cli/run.py", "listening/spoken.py", "listening/typed.py", "listening/microphone.py",
                 "speaking/narrator.py", "speaking/player.py", "speaking/speaker.py", "speaking/earcons.py",
                 "carer/setup_wizard.py", "audio.py", "resampling.py"]
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every voiceguide module ``path`` imports (``from voiceguide.x import y`` counts as x.y when y is a module)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            named = [f"{node.module}.{alias.name}" for alias in node.names]
            submodules = [name for name in named if name in MODULES]
            found.update(submodules)
            if len(submodules) < len(named):
                found.add(node.module)
    return {name for name in found if name in MODULES}


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def layer_of(module: str) -> tuple[int, str]:
    if module == "voiceguide":
        return 0, module   # the package root holds only the version
    top = module.split(".")[1]
    for index, layer in enumerate(LAYERS):
        if top in layer:
            return index, top
    raise AssertionError(f"{module} is in no layer of the README: add its package to LAYERS and to the Layout")


def test_imports_only_go_down_the_layers() -> None:
    wrong = []
    for module, path in MODULES.items():
        if module in ENTRY_POINTS:
            continue
        level, package = layer_of(module)
        for imported in imports(path):
            if imported in ENTRY_POINTS:
                wrong.append(f"{module} imports the entry point {imported}")
                continue
            their_level, their_package = layer_of(imported)
            if their_package != package and (their_level > level or (their_level == level and level > 0)):
                wrong.append(f"{module} ({package}) imports {imported} ({their_package})")
    assert not wrong, "\n".join(sorted(wrong))


def test_no_import_circle() -> None:
    graph = {module: imports(path) - {module} for module, path in MODULES.items()}
    state: dict[str, str] = {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = "open"
        for imported in sorted(graph[module]):
            if state.get(imported) == "open":
                circle = trail[trail.index(imported):] + [imported] if imported in trail else [module, imported]
                pytest.fail("import circle: " + " -> ".join(circle))
            if imported not in state:
                visit(imported, trail + [imported])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])


def test_the_orchestration_layer_is_made_of_small_modules() -> None:
    files = [f for entry in ORCHESTRATION
             for f in ((PACKAGE / entry).rglob("*.py") if (PACKAGE / entry).is_dir() else [PACKAGE / entry])]
    long = {str(f.relative_to(PACKAGE)): n for f in files
            if (n := len(f.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, long


@pytest.mark.parametrize("args", [["run", "--input", "text", "--tts", "none"], ["validate"]])
def test_typed_modes_start_without_the_audio_stack(args: list[str], tmp_path: Path) -> None:
    """numpy, sounddevice, vosk and pyttsx3 are for the modes that move sound (issue 13 measures the start)."""
    probe = ("import sys\nfrom voiceguide.cli.main import main\ncode = main(sys.argv[1:])\n"
             "heavy = [m for m in ('numpy', 'sounddevice', 'vosk', 'pyttsx3') if m in sys.modules]\n"
             "print('LOADED', heavy, file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", probe, *args], input="quitter\noui\n", capture_output=True,
                          text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "LOADED []" in done.stderr, done.stderr
