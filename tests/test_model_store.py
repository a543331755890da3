"""Model lookup order, and the download against a local HTTP server on 127.0.0.1.

The server serves a small model-shaped archive and a model list built here,
in the format of vosk's published model-list.json; each failure mode
(corrupt, truncated, MD5 mismatch, server gone mid-way, offline) must leave
the destination exactly as it was.
"""

from __future__ import annotations

import hashlib
import http.server
import io
import json
import socket
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from voiceguide.errors import EXIT_CANNOT_RUN, EXIT_USAGE, CannotRun, UserError
from voiceguide.listening import model_store
from voiceguide.listening.model_store import (
    DEFAULT_MODEL_NAME,
    ProgressBar,
    SiteUnreachable,
    download_model,
    find_model,
    is_vosk_model,
    main_download,
    parse_model_list,
)

NAME = DEFAULT_MODEL_NAME
MODEL_FILES = {
    "am/final.mdl": b"acoustic model " * 2000,
    "conf/mfcc.conf": b"--use-energy=false\n",
    "conf/model.conf": b"--endpoint.rule2.min-trailing-silence=0.5\n",
    "graph/HCLr.fst": b"HCLr " * 3000,
    "graph/Gr.fst": b"Gr " * 3000,
    "ivector/final.ie": b"ivector " * 1000,
    "README": "Modèle français de test\n".encode(),
}


def make_model(root: Path) -> Path:
    for rel, data in MODEL_FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    return root


def make_zip(prefix: str = NAME + "/", extra: dict[str, bytes] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for rel, data in {**MODEL_FILES, **(extra or {})}.items():
            zf.writestr(prefix + rel, data)
    return buf.getvalue()


def listing(archive: bytes, url: str, **override: object) -> bytes:
    entry = {"lang": "fr", "lang_text": "French", "md5": hashlib.md5(archive).hexdigest(),
             "name": NAME, "obsolete": "false", "size": len(archive), "size_text": "40.3MiB",
             "type": "small", "url": url, "version": "0.22"}
    entry.update(override)
    other = dict(entry, name="vosk-model-small-de-0.15", lang="de")
    return json.dumps([other, entry]).encode()


class Server:
    """A real HTTP server on 127.0.0.1 in a thread; ``routes`` maps a path to (body, mode)."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[bytes, str]] = {}
        routes = self.routes

        self.requests: list[str] = []
        requests = self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                requests.append(self.path)
                if self.path not in routes:
                    self.send_error(404, "Not Found")
                    return
                body, mode = routes[self.path]
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if mode == "gone":   # promises everything, sends half, hangs up
                    self.wfile.write(body[:len(body) // 2])
                    self.wfile.flush()
                    self.connection.shutdown(socket.SHUT_RDWR)
                    self.close_connection = True
                else:
                    self.wfile.write(body)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True)
        self.thread.start()

    def serve(self, archive: bytes, *, mode: str = "ok", listed: bytes | None = None,
              **override: object) -> str:
        self.routes["/model.zip"] = (archive, mode)
        self.routes["/model-list.json"] = (listed if listed is not None else
                                           listing(archive, self.base + "/model.zip", **override), "ok")
        return self.base + "/model-list.json"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[Server]:
    s = Server()
    yield s
    s.stop()


def assert_untouched(root: Path) -> None:
    """Nothing half-installed: no model directory, no temporary leftovers."""
    if root.exists():
        assert list(root.iterdir()) == []


# ------------------------------------------------------------------ download

def test_good_archive_is_installed_with_progress(server: Server, tmp_path: Path) -> None:
    archive = make_zip()
    url = server.serve(archive)
    seen: list[tuple[int, int]] = []
    path = download_model(tmp_path / "models", list_url=url, progress=lambda d, t: seen.append((d, t)))
    assert path == tmp_path / "models" / NAME
    assert is_vosk_model(path)
    assert (path / "README").read_text(encoding="utf-8") == "Modèle français de test\n"
    assert sorted(p.name for p in (tmp_path / "models").iterdir()) == [NAME]   # no temp dir left
    assert seen[-1] == (len(archive), len(archive))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_installed_model_is_not_downloaded_again(server: Server, tmp_path: Path) -> None:
    url = server.serve(make_zip())
    download_model(tmp_path, list_url=url)
    server.routes.clear()   # any request would now fail with 404
    assert download_model(tmp_path, list_url=url) == tmp_path / NAME


def test_archive_without_top_directory(server: Server, tmp_path: Path) -> None:
    url = server.serve(make_zip(prefix=""))
    assert is_vosk_model(download_model(tmp_path, list_url=url))


def test_corrupt_archive_fails_its_crc(server: Server, tmp_path: Path) -> None:
    archive = bytearray(make_zip())
    pos = archive.index(b"acoustic model acoustic")
    archive[pos + 100] ^= 0xFF          # damaged in the member data: size and MD5 match the list
    url = server.serve(bytes(archive))
    with pytest.raises(CannotRun) as info:
        download_model(tmp_path / "models", list_url=url)
    assert info.value.code == EXIT_CANNOT_RUN
    assert "abîmée" in info.value.message
    assert_untouched(tmp_path / "models")


def test_truncated_archive(server: Server, tmp_path: Path) -> None:
    archive = make_zip()
    server.serve(archive)
    url = server.serve(archive[: len(archive) * 2 // 3], listed=listing(archive, server.base + "/model.zip"))
    with pytest.raises(CannotRun) as info:
        download_model(tmp_path / "models", list_url=url)
    assert "incomplet" in info.value.message
    assert_untouched(tmp_path / "models")


def test_md5_mismatch(server: Server, tmp_path: Path) -> None:
    url = server.serve(make_zip(), md5="0" * 32)
    with pytest.raises(CannotRun) as info:
        download_model(tmp_path / "models", list_url=url)
    assert "MD5" in info.value.message
    assert_untouched(tmp_path / "models")


def test_server_gone_mid_way(server: Server, tmp_path: Path) -> None:
    url = server.serve(make_zip(), mode="gone")
    with pytest.raises(CannotRun) as info:
        download_model(tmp_path / "models", list_url=url)
    assert "interrompu" in info.value.message or "incomplet" in info.value.message
    assert_untouched(tmp_path / "models")


def test_offline(tmp_path: Path) -> None:
    with socket.socket() as s:   # a port that nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(CannotRun) as info:
        download_model(tmp_path / "models", list_url=f"http://127.0.0.1:{port}/model-list.json",
                       timeout=5)
    msg = info.value.message
    # One French sentence, no error number: offline is a normal state.
    assert msg == ("Impossible de joindre le site des modèles vosk : cet ordinateur semble hors ligne ; réessayez "
                   "avec « voiceguide model download » une fois connecté à Internet, ou copiez le modèle dans "
                   f"« {tmp_path / 'models'} ».")
    assert isinstance(info.value, SiteUnreachable)
    assert_untouched(tmp_path / "models")


def test_model_missing_from_the_list(server: Server, tmp_path: Path) -> None:
    url = server.serve(make_zip(), name="vosk-model-small-xx-0.1")
    with pytest.raises(CannotRun) as info:
        download_model(tmp_path / "models", list_url=url)
    assert "ne figure pas" in info.value.message


def test_http_error_is_reported(server: Server, tmp_path: Path) -> None:
    with pytest.raises(CannotRun) as info:
        download_model(tmp_path / "models", list_url=server.base + "/nulle-part.json")
    assert "404" in info.value.message


def test_archive_with_a_dangerous_path_is_refused(server: Server, tmp_path: Path) -> None:
    url = server.serve(make_zip(extra={"../../evil.txt": b"x"}))
    with pytest.raises(CannotRun) as info:
        download_model(tmp_path / "models", list_url=url)
    assert "dangereux" in info.value.message
    assert not (tmp_path / "evil.txt").exists()
    assert_untouched(tmp_path / "models")


def test_archive_that_is_no_model(server: Server, tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(NAME + "/README", "rien")
    url = server.serve(buf.getvalue())
    with pytest.raises(CannotRun) as info:
        download_model(tmp_path / "models", list_url=url)
    assert "pas de modèle vosk complet" in info.value.message
    assert_untouched(tmp_path / "models")


@pytest.mark.parametrize("text, expected", [
    (b"<html>erreur</html>", "illisible"),
    (b'{"name": "x"}', "forme attendue"),
    (json.dumps([{"name": NAME, "size": "grand", "md5": "x", "url": "u"}]).encode(), "invalide"),
])
def test_bad_model_list(text: bytes, expected: str) -> None:
    with pytest.raises(CannotRun) as info:
        parse_model_list(text, NAME)
    assert expected in info.value.message


def test_real_list_fields_are_read() -> None:
    # The fields and types of vosk's published list, as it describes this model.
    entry = parse_model_list(json.dumps([{
        "lang": "fr", "lang_text": "French", "md5": "8873B1234503F6EDD55F54BFFF31CF3E",
        "name": NAME, "obsolete": "false", "size": 42233323, "size_text": "40.3MiB",
        "type": "small", "url": "https://example.invalid/m.zip", "version": "0.22"}]), NAME)
    assert (entry.size, entry.md5, entry.obsolete) == (42233323, "8873b1234503f6edd55f54bfff31cf3e", False)


def test_main_download_prints_in_french(server: Server, tmp_path: Path, home: Path) -> None:
    url = server.serve(make_zip())
    out = io.StringIO()
    assert main_download(tmp_path, list_url=url, stream=out) == 0
    text = out.getvalue()
    assert "Téléchargement de " + NAME + " : 100 %" in text
    assert "Modèle installé dans" in text
    out = io.StringIO()
    assert main_download(tmp_path, list_url=url, stream=out) == 0
    assert "déjà installé" in out.getvalue()


def refused_url() -> str:
    with socket.socket() as s:   # a port that nobody listens on
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}/model-list.json"


def test_an_unreachable_site_is_remembered_so_make_run_does_not_retry_each_launch(
        server: Server, tmp_path: Path, home: Path) -> None:
    dest = tmp_path / "models"
    with pytest.raises(SiteUnreachable):
        main_download(dest, list_url=refused_url(), stream=io.StringIO())
    assert model_store.unreachable_since() == time.strftime("%Y-%m-%d")
    # make run's automatic attempt: one line, no network (the server would count a request), exit 0.
    url = server.serve(make_zip())
    out = io.StringIO()
    assert main_download(dest, list_url=url, stream=out, auto=True) == 0
    assert server.requests == []
    day = time.strftime("%d/%m/%Y")
    assert out.getvalue() == (f"Modèle de reconnaissance vocale pas encore installé : le site était injoignable le "
                              f"{day}. « make model » (ou « voiceguide model download ») réessaie.\n")
    # make model / voiceguide model download always try; success forgets the failure.
    assert main_download(dest, list_url=url, stream=io.StringIO()) == 0
    assert server.requests and is_vosk_model(dest / NAME)
    assert model_store.unreachable_since() is None


def test_the_automatic_attempt_downloads_when_nothing_failed_before(server: Server, tmp_path: Path,
                                                                    home: Path) -> None:
    url = server.serve(make_zip())
    assert main_download(tmp_path, list_url=url, stream=io.StringIO(), auto=True) == 0
    assert is_vosk_model(tmp_path / NAME)


def test_other_failures_are_not_remembered_as_offline(server: Server, tmp_path: Path, home: Path) -> None:
    url = server.serve(make_zip(), md5="0" * 32)
    with pytest.raises(CannotRun):
        main_download(tmp_path, list_url=url, stream=io.StringIO())
    assert model_store.unreachable_since() is None      # a bad file is retried at the next launch


def test_progress_bar_without_terminal_prints_every_ten_percent() -> None:
    out = io.StringIO()
    bar = ProgressBar("Téléchargement", out)
    for done in range(0, 1001, 7):
        bar(done, 1000)
    bar(1000, 1000)
    lines = out.getvalue().splitlines()
    assert lines[0] == "Téléchargement : 0 % (0,0 Mo sur 0,0 Mo)"
    assert len(lines) == 11 and lines[-1].startswith("Téléchargement : 100 %")


# ------------------------------------------------------------------ lookup

@pytest.fixture
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    p = {k: tmp_path / k for k in ("source", "cwd", "xdg", "explicit", "env")}
    for d in p.values():
        d.mkdir()
    monkeypatch.setattr(model_store, "SOURCE_MODELS_DIR", p["source"] / "models")
    monkeypatch.setenv("XDG_DATA_HOME", str(p["xdg"]))
    monkeypatch.delenv(model_store.ENV_VAR, raising=False)
    return p


def test_lookup_order(places: dict[str, Path]) -> None:
    cwd = places["cwd"]
    assert find_model(env={}, cwd=cwd) is None
    user = make_model(places["xdg"] / "voiceguide" / "models" / NAME)
    assert find_model(env={}, cwd=cwd) == user
    local = make_model(cwd / "models" / NAME)
    assert find_model(env={}, cwd=cwd) == local
    source = make_model(places["source"] / "models" / NAME)
    assert find_model(env={}, cwd=cwd) == source
    env = make_model(places["env"] / "m")
    assert find_model(env={model_store.ENV_VAR: str(env)}, cwd=cwd) == env
    explicit = make_model(places["explicit"] / "m")
    assert find_model(explicit, env={model_store.ENV_VAR: str(env)}, cwd=cwd) == explicit


def test_incomplete_model_dirs_are_skipped(places: dict[str, Path]) -> None:
    (places["cwd"] / "models" / NAME / "am").mkdir(parents=True)   # an interrupted manual copy
    user = make_model(places["xdg"] / "voiceguide" / "models" / NAME)
    assert find_model(env={}, cwd=places["cwd"]) == user


def test_explicit_folder_holding_the_model(places: dict[str, Path]) -> None:
    inner = make_model(places["explicit"] / NAME)
    assert find_model(places["explicit"], env={}) == inner


@pytest.mark.parametrize("how", ["--model", "env"])
def test_explicit_missing_folder_is_an_error(places: dict[str, Path], how: str) -> None:
    missing = places["explicit"] / "absent"
    with pytest.raises(UserError) as info:
        if how == "--model":
            find_model(missing, env={})
        else:
            find_model(env={model_store.ENV_VAR: str(missing)})
    assert info.value.code == EXIT_USAGE
    assert str(missing) in info.value.message and "n'existe pas" in info.value.message


@pytest.mark.parametrize("name, content, says", [
    ("modele.zip", None, ("est une archive, pas le dossier du modèle", "unzip modele.zip", "décompressez-la")),
    ("modele", None, ("est une archive", "unzip modele")),   # a zip without its suffix
    ("modele.tar.gz", b"\x1f\x8b\x08\x00", ("est une archive", "décompressez-la")),
    ("final.mdl", b"\x00" * 64, ("est un fichier, pas le dossier du modèle", "vérifiez le chemin")),
], ids=["zip", "zip without suffix", "tar.gz", "another file"])
@pytest.mark.parametrize("how", ["--model", "env"])
def test_explicit_file_says_it_is_a_file_not_that_the_folder_is_missing(places: dict[str, Path], how: str, name: str,
                                                                       content: bytes | None,
                                                                       says: tuple[str, ...]) -> None:
    given = places["explicit"] / name
    if content is None:
        with zipfile.ZipFile(given, "w") as archive:
            archive.writestr(f"{NAME}/README", "modèle")
    else:
        given.write_bytes(content)
    with pytest.raises(UserError) as info:
        if how == "--model":
            find_model(given, env={})
        else:
            find_model(env={model_store.ENV_VAR: str(given)})
    assert info.value.code == EXIT_USAGE
    assert f"« {given} »" in info.value.message and "n'existe pas" not in info.value.message
    for piece in says:
        assert piece in info.value.message
    assert ("--model" if how == "--model" else model_store.ENV_VAR) in info.value.message


def test_explicit_folder_that_is_no_model_is_returned_for_loading_to_refuse(places: dict[str, Path]) -> None:
    # The recogniser then says what is wrong with *this* folder (tests/test_recognizer.py).
    assert find_model(places["explicit"], env={}) == places["explicit"]


def test_user_dir_follows_xdg(places: dict[str, Path]) -> None:
    assert model_store.user_models_dir() == places["xdg"] / "voiceguide" / "models"
    assert places["xdg"] / "voiceguide" / "models" / NAME in model_store.candidate_dirs(cwd=places["cwd"])
