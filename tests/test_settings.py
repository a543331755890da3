"""Saved settings: defaults, round trip, command-line overrides, and damaged files kept aside."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from voiceguide import userdirs
from voiceguide.carer.settings import (
    Settings,
    format_settings,
    load_settings,
    merge_cli,
    save_settings,
    settings_path,
)
from voiceguide.errors import UserError
from voiceguide.userdirs import backup_name, config_dir, data_dir, write_atomic


def test_directories_follow_the_environment(home: Path) -> None:
    assert config_dir() == home / "config" / "voiceguide"
    assert data_dir() == home / "data" / "voiceguide"
    assert settings_path(None) == home / "config" / "voiceguide" / "settings.yaml"


def test_explicit_path_wins_and_expands_home(home: Path) -> None:
    assert settings_path(Path("~/mes-reglages.yaml")) == home / "mes-reglages.yaml"


def test_first_start_uses_defaults_silently(home: Path) -> None:
    settings, notices = load_settings(None)
    assert settings == Settings()
    assert notices == []
    assert not settings_path(None).exists()


def test_missing_explicit_file_is_reported(home: Path) -> None:
    settings, notices = load_settings(home / "absent.yaml")
    assert settings == Settings()
    assert len(notices) == 1
    assert "absent.yaml" in notices[0] and "--config" in notices[0]


def test_round_trip_of_every_field(home: Path) -> None:
    chosen = Settings(input="keyboard", microphone="USB Audio: micro (hw:1,0)", voice="French (France)",
                      rate_level=3, volume_level=-2, noinput_timeout=12.5, earcons=False,
                      barge_in=True, model=home / "modèles" / "vosk fr")
    written = save_settings(chosen, None)
    assert written == settings_path(None)
    loaded, notices = load_settings(None)
    assert notices == []
    assert loaded == chosen


def test_saved_file_is_commented_for_a_carer(home: Path) -> None:
    path = save_settings(Settings(microphone=2), None)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Réglages de voiceguide.")
    assert "# Vitesse de parole" in text
    data = yaml.safe_load(text)
    assert data["microphone"] == 2 and data["input"] is None


@hyp_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    voice=st.text(min_size=1, max_size=30).map(str.strip).filter(bool),
    microphone=st.one_of(st.none(), st.integers(min_value=0, max_value=64),
                         st.text(min_size=1, max_size=30).map(str.strip).filter(bool)),
    rate=st.integers(min_value=-3, max_value=6),
    timeout=st.floats(min_value=0.5, max_value=600, allow_nan=False),
)
def test_any_text_survives_a_round_trip(home: Path, voice: str, microphone: object, rate: int,
                                        timeout: float) -> None:
    # YAML look-alikes ("yes", "1.5", "null", "#", ": ") must come back as the same text.
    chosen = Settings(voice=voice, microphone=microphone, rate_level=rate, noinput_timeout=timeout)
    path = home / "rt.yaml"
    save_settings(chosen, path)
    loaded, notices = load_settings(path)
    assert notices == []
    assert loaded == chosen


def test_command_line_overrides_the_file(home: Path) -> None:
    saved = Settings(input="keyboard", rate_level=2, noinput_timeout=10.0)
    merged = merge_cli(saved, {"input": "text", "rate_level": None, "model": "/opt/modele",
                               "guide": Path("x.yaml"), "command": "run"})
    assert merged.input == "text"                # given: wins
    assert merged.rate_level == 2                # None: not given, the file's value stays
    assert merged.noinput_timeout == 10.0        # absent: the file's value stays
    assert merged.model == Path("/opt/modele")   # a text path becomes a Path
    assert saved.input == "keyboard"             # the loaded settings are not changed


def test_garbage_file_is_kept_aside_and_defaults_used(home: Path) -> None:
    path = settings_path(None)
    path.parent.mkdir(parents=True)
    garbage = b"\x00\xff\xfe garbage \x80\x81"
    path.write_bytes(garbage)
    settings, notices = load_settings(None)
    assert settings == Settings()
    kept = path.with_name("settings.yaml.bak")
    assert not path.exists()
    assert kept.read_bytes() == garbage
    assert len(notices) == 1
    assert str(kept) in notices[0] and "par défaut" in notices[0]


def test_backups_are_never_overwritten(home: Path) -> None:
    path = settings_path(None)
    path.parent.mkdir(parents=True)
    contents = [b"a: [unclosed\n", b"- just\n- a list\n", b"\xff\xfe"]
    for content in contents:
        path.write_bytes(content)
        settings, notices = load_settings(None)
        assert settings == Settings() and len(notices) == 1
    assert path.with_name("settings.yaml.bak").read_bytes() == contents[0]
    assert path.with_name("settings.yaml.bak.1").read_bytes() == contents[1]
    assert path.with_name("settings.yaml.bak.2").read_bytes() == contents[2]


def default_file(content: bytes | None = None) -> Path:
    """The default settings file (the only one ever set aside), with ``content`` when given."""
    path = settings_path(None)
    path.parent.mkdir(parents=True, exist_ok=True)
    if content is not None:
        path.write_bytes(content)
    return path


def test_yaml_syntax_error_names_the_line(home: Path) -> None:
    path = default_file(b"rate_level: 1\ninput: [keyboard\nvoice: x\n")
    _, notices = load_settings(None)
    assert "ligne" in notices[0]
    assert backup_name(path) == path.with_name("settings.yaml.bak.1")  # .bak is taken now


def test_one_wrong_value_falls_back_alone_and_the_file_stays(home: Path) -> None:
    path = home / "s.yaml"
    text = "input: keyboard\nrate_level: vite\nvolume_level: 1\nearcons: peut-être\n"
    path.write_text(text, encoding="utf-8")
    settings, notices = load_settings(path)
    assert settings == Settings(input="keyboard", volume_level=1)
    assert path.read_text(encoding="utf-8") == text
    assert not path.with_name("s.yaml.bak").exists()
    assert len(notices) == 2
    assert notices[0].startswith(f"{path}:2: ") and "rate_level" in notices[0] and "vite" in notices[0]
    assert notices[1].startswith(f"{path}:4: ") and "earcons" in notices[1]


def test_wrong_types_of_every_kind(home: Path) -> None:
    path = home / "s.yaml"
    path.write_text("input: clavier\nmicrophone: [1, 2]\nvoice: 3\nnoinput_timeout: huit\n"
                    "barge_in: 1\nmodel: {a: b}\nrate_level: true\n", encoding="utf-8")
    settings, notices = load_settings(path)
    assert settings == Settings()
    assert len(notices) == 7


def test_out_of_range_numbers_are_brought_within_range(home: Path) -> None:
    path = home / "s.yaml"
    path.write_text("rate_level: 40\nvolume_level: -9\nnoinput_timeout: 0.1\n", encoding="utf-8")
    settings, notices = load_settings(path)
    assert (settings.rate_level, settings.volume_level, settings.noinput_timeout) == (6, -5, 0.5)
    assert len(notices) == 3
    assert "0,5" in notices[2]


def test_unknown_name_is_reported_and_ignored(home: Path) -> None:
    path = home / "s.yaml"
    path.write_text("rate_levle: 2\n", encoding="utf-8")
    settings, notices = load_settings(path)
    assert settings == Settings()
    assert "rate_levle" in notices[0] and "rate_level" in notices[0]


def test_french_yes_no_and_decimal_comma_are_understood(home: Path) -> None:
    path = home / "s.yaml"
    path.write_text("earcons: non\nbarge_in: oui\nnoinput_timeout: '9,5'\ninput: Keyboard\n",
                    encoding="utf-8")
    settings, notices = load_settings(path)
    assert notices == []
    assert settings == Settings(earcons=False, barge_in=True, noinput_timeout=9.5, input="keyboard")


def test_empty_file_means_defaults(home: Path) -> None:
    path = home / "s.yaml"
    path.write_text("# rien\n", encoding="utf-8")
    assert load_settings(path) == (Settings(), [])


def test_directory_instead_of_file_is_reported_not_moved(home: Path) -> None:
    path = default_file()
    path.mkdir()
    settings, notices = load_settings(None)
    assert settings == Settings()
    assert "dossier" in notices[0]
    assert path.is_dir()


def test_unreadable_file_symlink_loop_is_kept_aside(home: Path) -> None:
    # A symlink to itself cannot be read even by root (ELOOP).
    path = default_file()
    path.symlink_to(path)
    settings, notices = load_settings(None)
    assert settings == Settings()
    assert "impossible de le lire" in notices[0]
    assert path.with_name("settings.yaml.bak").is_symlink()
    assert not path.is_symlink()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file anyway; the symlink-loop test covers unreadable files")
def test_unreadable_file_chmod_000_is_kept_aside(home: Path) -> None:
    path = default_file(b"rate_level: 1\n")
    path.chmod(0)
    settings, notices = load_settings(None)
    assert settings == Settings()
    assert path.with_name("settings.yaml.bak").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can rename in a read-only directory")
def test_file_that_cannot_be_moved_is_left_in_place(home: Path) -> None:
    path = default_file(b"\xff")
    folder = path.parent
    folder.chmod(0o500)
    try:
        settings, notices = load_settings(None)
    finally:
        folder.chmod(0o700)
    assert settings == Settings()
    assert "reste à sa place" in notices[0]
    assert path.exists()


def test_save_replaces_the_file_in_one_step(home: Path) -> None:
    path = save_settings(Settings(rate_level=1), None)
    with path.open("rb") as old_reader:
        save_settings(Settings(rate_level=2), None)
        # The old file was replaced by a new one, not rewritten in place: a
        # reader that had it open still sees the complete old content.
        assert b"rate_level: 1" in old_reader.read()
    assert load_settings(None)[0].rate_level == 2
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.yaml"]  # no temp file left


def test_failed_write_leaves_no_temporary_file(home: Path) -> None:
    target = home / "occupied"
    (target / "inside").mkdir(parents=True)  # os.replace cannot put a file over a non-empty directory
    with pytest.raises(OSError):
        write_atomic(target, "x")
    assert sorted(p.name for p in home.iterdir()) == ["occupied"]


def test_config_show_is_french_and_complete(home: Path) -> None:
    path = settings_path(None)
    text = format_settings(Settings(rate_level=1, noinput_timeout=8.5, barge_in=True), path)
    assert "absent : réglages par défaut" in text
    assert "8,5 secondes" in text
    assert "environ 161 mots par minute" in text
    for name in ("input", "microphone", "voice", "rate_level", "volume_level", "noinput_timeout",
                 "earcons", "barge_in", "model"):
        assert f"({name})" in text
    save_settings(Settings(), None)
    assert "absent" not in format_settings(Settings(), path)


@pytest.mark.parametrize("content", [
    "model: 2024-13-45\n",            # PyYAML raises ValueError, not YAMLError
    "rate_level: !!int 0x\n",
    "voice: !!timestamp x\n",          # AttributeError inside PyYAML
    "[" * 5000,                        # RecursionError
    "a: !!python/name:os.system\n",    # never executed: safe loader
])
def test_hostile_yaml_is_kept_aside_not_a_crash(home: Path, content: str) -> None:
    path = default_file(content.encode("utf-8"))
    settings, notices = load_settings(None)
    assert settings == Settings()
    assert len(notices) == 1 and path.with_name("settings.yaml.bak").exists()


@hyp_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.one_of(st.binary(max_size=200), st.text(max_size=200).map(lambda t: t.encode("utf-8"))))
def test_any_file_content_gives_settings_never_an_exception(home: Path, content: bytes) -> None:
    path = home / "fuzz.yaml"
    path.write_bytes(content)
    for read_only in (True, False):
        try:
            settings, notices = load_settings(path, read_only=read_only)
        except UserError as exc:   # a file named with --config that is not settings: run and setup refuse it
            assert not read_only and "ne peut pas servir de fichier de réglages" in exc.message
            continue
        assert isinstance(settings, Settings)
        assert all(isinstance(n, str) and n for n in notices)
    assert [p.name for p in home.glob("fuzz.yaml*")] == ["fuzz.yaml"]   # a named file is never moved
    assert path.read_bytes() == content
    path.unlink()
    default_file(content)
    settings, notices = load_settings(None)   # the default file: never an exception
    assert isinstance(settings, Settings)
    assert all(isinstance(n, str) and n for n in notices)
    for leftover in settings_path(None).parent.iterdir():
        leftover.unlink()


# --------------------------------------------------------------------------- a file named with --config

GUIDE_BY_MISTAKE = (b"title: Mon guide\nlanguage: fr\nsource: Moi.\nstart: a\nsteps:\n"
                    b"  - id: a\n    title: A\n    say: Bonjour.\n    end: true\n")


@pytest.mark.parametrize("content, why", [
    (GUIDE_BY_MISTAKE, "aucun de ses noms (title, language, source, start) n'est un réglage"),
    (b"\x00\x01\xff\xfe" * 10, "caractères invalides"),
    (b"- a\n- b\n", "nom: valeur"),
    (b"rate_level: [1\n", "ligne 2"),
], ids=["a guide", "binary", "a list", "YAML syntax"])
def test_a_named_file_that_is_not_settings_is_refused_or_reported_never_moved(home: Path, content: bytes,
                                                                              why: str) -> None:
    path = home / "mon-fichier.yaml"
    path.write_bytes(content)
    with pytest.raises(UserError) as refused:   # run and setup
        load_settings(path)
    assert refused.value.code == 2
    assert "ne peut pas servir de fichier de réglages" in refused.value.message and why in refused.value.message
    assert "--config" in refused.value.message
    settings, notices = load_settings(path, read_only=True)   # config show, doctor
    assert settings == Settings() and len(notices) == 1
    assert why in notices[0] and "n'a pas été modifié" in notices[0]
    assert [p.name for p in home.iterdir()] == ["mon-fichier.yaml"] and path.read_bytes() == content


def test_a_named_folder_is_refused(home: Path) -> None:
    with pytest.raises(UserError, match="c'est un dossier"):
        load_settings(home)
    assert "c'est un dossier" in load_settings(home, read_only=True)[1][0]


def test_read_only_commands_leave_a_damaged_default_file_where_it_is(home: Path) -> None:
    path = default_file(b"rate_level: [1, 2\n\x00\xff")
    settings, notices = load_settings(None, read_only=True)
    assert settings == Settings() and "n'a pas été modifié" in notices[0]
    assert [p.name for p in path.parent.iterdir()] == ["settings.yaml"]


def test_a_huge_default_file_is_set_aside_without_being_read(home: Path) -> None:
    path = default_file()
    with path.open("wb") as f:   # 1 GB that takes no disk space (memory: see test_bad_input.py)
        f.write(b"rate_level: 1\n")
        f.truncate(1024 ** 3)
    settings, notices = load_settings(None)
    assert settings == Settings()
    assert "trop gros (1,0 Go)" in notices[0] and "mis de côté" in notices[0]
    assert path.with_name("settings.yaml.bak").stat().st_size == 1024 ** 3


def test_a_backup_name_taken_at_the_last_moment_is_not_overwritten(home: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # Another run sets its own file aside between the choice of a free name and the rename: a rename
    # would put this file over that one.
    path = default_file(b"\xff mine")
    other = path.with_name("settings.yaml.bak")
    real_backup_name = userdirs.backup_name

    def taken_meanwhile(p: Path) -> Path:
        name = real_backup_name(p)
        if not other.exists():
            other.write_bytes(b"the other run's")
        return name

    monkeypatch.setattr(userdirs, "backup_name", taken_meanwhile)
    settings, notices = load_settings(None)
    assert other.read_bytes() == b"the other run's"
    assert path.with_name("settings.yaml.bak.1").read_bytes() == b"\xff mine"
    assert "settings.yaml.bak.1" in notices[0] and not path.exists()


def test_without_hard_links_a_bad_file_is_still_set_aside_and_nothing_is_overwritten(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # This machine's file system has hard links; a FAT key or some network shares do not: os.link is faked to fail
    # as it does there, the rename that replaces it is real.
    def no_links(*args: object, **kwargs: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(userdirs.os, "link", no_links)
    bad = tmp_path / "reglages.yaml"
    bad.write_text("bad", encoding="utf-8")
    assert userdirs.set_aside(bad) == tmp_path / "reglages.yaml.bak"
    assert not bad.exists() and (tmp_path / "reglages.yaml.bak").read_text(encoding="utf-8") == "bad"
    bad.write_text("worse", encoding="utf-8")
    assert userdirs.set_aside(bad) == tmp_path / "reglages.yaml.bak.1"   # the first backup is kept as it was
    assert (tmp_path / "reglages.yaml.bak").read_text(encoding="utf-8") == "bad"
    assert (tmp_path / "reglages.yaml.bak.1").read_text(encoding="utf-8") == "worse"
