"""Speech to text with vosk, restricted to the phrases that make sense now.

One vosk ``Model`` is loaded once (in a background thread while the welcome
is spoken, see ``RecognizerLoader``); one ``KaldiRecognizer`` is built per
distinct grammar and cached, because switching a grammar mid-utterance can
abort the process (shared/notes/vosk.md). A turn is streamed chunk by chunk
and committed as soon as the partial result is a complete phrase and the
audio has gone quiet (``_EarlyCommit``: how long depends on what was heard),
instead of waiting 0.5-2 s for vosk's end-of-speech rules.

When the grammar pass hears no listed phrase (``[unk]``, or a chain of
command words, which the grammar's bigram model produces for other speech),
the same audio is decoded a second time without a grammar: the model's own
vocabulary then gives what was really said (« je ne me souviens plus de mon
code »), for the matcher to understand, trusted less. A listed phrase with a
small n-best margin is kept as it is, with its low confidence (the dialog
asks before a change of part): measured with the Korean model, the free
decoding of such turns was wrong where the grammar was right
(docs/recognition.md). A grammar phrase heard exactly is handed on as such
(``Utterance.phrase``): its meaning is known without searching.
"""

from __future__ import annotations

import atexit
import json
import logging
import math
import shutil
import tempfile
import threading
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from voiceguide.audio import RECOGNIZER_RATE, Audio, rms
from voiceguide.errors import CannotRun
from voiceguide.listening.model_store import is_vosk_model
from voiceguide.listening.turns import Utterance
from voiceguide.userdirs import FileTooBig, read_limited

log = logging.getLogger(__name__)

BYTES_PER_SECOND = RECOGNIZER_RATE * 2
UNK = "[unk]"

# Trailing silence (s) before vosk declares the end of speech; the stock
# small models use 0.5 / 1.0 / 2.0. The early commit already covers complete
# phrases, so these rules matter for speech that is no phrase: shorter rules
# give a quicker "je n'ai pas compris". rule2 (a good, complete decoding)
# stays near its default so that a slow speaker's pause between two words of
# "j'ai oublié mon code" does not end the turn.
FAST_ENDPOINTS: Mapping[str, float] = {
    "rule2.min-trailing-silence": 0.4,
    "rule3.min-trailing-silence": 0.7,
    "rule4.min-trailing-silence": 1.0,
}

# A model's conf/model.conf is a few hundred bytes: anything near this is not one.
MAX_CONF_BYTES = 64 * 1024

# Audio is "quiet" below floor + QUIET_RATIO * (speech peak - floor).
QUIET_RATIO = 0.2
# Quiet (audio seconds) that ends a turn where no single phrase has been heard: nothing decoded yet,
# command words chained, or a phrase that took over from other words (_EarlyCommit).
UNDECIDED_QUIET_S = 0.3

# A margin of this many log-likelihood units between the best and the second
# best hypothesis gives a confidence of 0.5 (measured, see docs/recognition.md).
MARGIN_HALF = 2.0
# No competing hypothesis within the lattice beam: confident, but not certain.
LONE_CONFIDENCE = 0.95
# Words that are not one listed phrase (a chain of command words, or a
# phrase among [unk]s) halve the confidence; [unk] words lower it in
# proportion ("[unk] suivant": a filler, or other speech, around a command).
OFF_PHRASE_FACTOR = 0.5
UNK_WEIGHT = 0.5
# The most a free decoding is trusted: under the dialog's confirmation threshold
# (0.6), so a change of part or leaving is asked about first.
SECOND_PASS_CONFIDENCE = 0.5
SECOND_PASS_SECONDS = 30  # audio kept for the second pass; a longer turn is cut there


def _import_vosk() -> Any:
    import vosk

    vosk.SetLogLevel(-1)   # Kaldi's own logs would land on the user's terminal
    return vosk


def damaged_model(model_dir: Path) -> CannotRun:
    """What to say when a model's files cannot be loaded."""
    return CannotRun(f"Le modèle vosk de {model_dir} n'a pas pu être chargé : ses "
                     "fichiers sont sans doute abîmés. Réinstallez-le avec "
                     "« voiceguide model download ».",
                     spoken="Le modèle de reconnaissance vocale n'a pas pu être chargé : ses fichiers "
                            "sont sans doute abîmés. Il faut le réinstaller.")


def model_with_endpoints(model_dir: Path, rules: Mapping[str, float]) -> Path:
    """A shadow of ``model_dir`` whose conf/model.conf ends with ``rules``.

    vosk 0.3.45 reads end-of-speech rules only from model.conf at load time.
    The shadow links every other file (no copy of the 40+ MB model) and is
    removed when the process ends. Falls back to ``model_dir`` when links
    cannot be made (some Windows setups).
    """
    model_dir = Path(model_dir).resolve()
    shadow = Path(tempfile.mkdtemp(prefix="voiceguide-model-"))
    atexit.register(shutil.rmtree, shadow, True)
    try:
        for entry in model_dir.iterdir():
            if entry.name != "conf":
                (shadow / entry.name).symlink_to(entry, entry.is_dir())
        (shadow / "conf").mkdir()
        for entry in (model_dir / "conf").iterdir():
            if entry.name != "model.conf":
                (shadow / "conf" / entry.name).symlink_to(entry, entry.is_dir())
    except OSError:
        shutil.rmtree(shadow, True)
        return model_dir
    original = model_dir / "conf" / "model.conf"
    try:
        text = read_limited(original, MAX_CONF_BYTES).decode("utf-8") if original.is_file() else ""
    except (OSError, FileTooBig, UnicodeDecodeError):
        shutil.rmtree(shadow, True)
        raise damaged_model(model_dir) from None
    lines = [ln for ln in text.splitlines() if not any(f"--endpoint.{k}=" in ln for k in rules)]
    lines += [f"--endpoint.{k}={v}" for k, v in rules.items()]
    (shadow / "conf" / "model.conf").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return shadow


def grammar_json(phrases: Sequence[str]) -> str:
    """The grammar as vosk wants it; ``ensure_ascii=False`` or every accented word is lost."""
    return json.dumps(list(phrases), ensure_ascii=False)


def margin_confidence(margin: float | None) -> float:
    """Maps the n-best margin (None: no rival hypothesis) to 0..1."""
    if margin is None:
        return LONE_CONFIDENCE
    margin = max(0.0, margin)
    return LONE_CONFIDENCE * margin / (margin + MARGIN_HALF)


def check_model_dir(d: Path) -> None:
    """Refuses, with a French message, a folder that cannot be a vosk model (cheap: files only)."""
    if not d.is_dir():
        raise CannotRun(f"Le dossier de modèle {d} n'existe pas. Installez le modèle avec "
                        "« voiceguide model download ».")
    if not is_vosk_model(d):
        raise CannotRun(f"Le dossier {d} n'est pas un modèle vosk (il manque am/final.mdl, "
                        "conf/mfcc.conf ou le graphe). Indiquez le dossier du modèle "
                        "décompressé, ou installez-le avec « voiceguide model download ».")


class Recognizer:
    """A loaded vosk model plus the recognisers of each grammar used so far."""

    def __init__(self, model_dir: Path, *, check_phrases: Sequence[str] | None = None,
                 endpoints: Mapping[str, float] | None = FAST_ENDPOINTS,
                 stable_ms: int = 200, max_alternatives: int = 3) -> None:
        self.model_dir = Path(model_dir)
        self.stable_ms = stable_ms
        self.max_alternatives = max_alternatives
        check_model_dir(self.model_dir)
        self._vosk = _import_vosk()
        load_dir = model_with_endpoints(self.model_dir, endpoints) if endpoints else self.model_dir
        try:
            self.model = self._vosk.Model(str(load_dir))
        except Exception:  # noqa: BLE001 - vosk raises a bare Exception("Failed to create a model")
            raise damaged_model(self.model_dir) from None
        self.uses_grammar = (self.model_dir / "graph" / "HCLr.fst").is_file()
        if not self.uses_grammar:
            log.warning("Le modèle %s n'accepte pas de grammaire (graphe HCLG) : il entendra des "
                        "phrases libres, moins sûres. Préférez un petit modèle (small).", self.model_dir)
        self.has_unk = self.known(UNK)
        self.dropped_words: set[str] = set()
        self._recognizers: dict[tuple[str, ...], Any] = {}
        self._fed: dict[tuple[str, ...], int] = {}   # bytes fed to each recogniser, for word times
        self._spellings: dict[str, str] = {}          # phrase -> its spelling in the model's words
        self._free: Any = None                        # the recogniser without a grammar (second pass)
        if check_phrases is not None:
            self.check_language(check_phrases)

    # ------------------------------------------------------------------ vocabulary

    def known(self, word: str) -> bool:
        """True when ``word`` is in the model's vocabulary."""
        return self.model.vosk_model_find_word(word) >= 0

    def _spell(self, word: str) -> list[str] | None:
        """The model's words for one grammar word: itself, or its parts split at '-' or "'"."""
        if self.known(word):
            return [word]
        for sep in ("-", "'"):
            if sep in word:
                head, _, tail = word.partition(sep)
                parts = [head + "'", tail] if sep == "'" else [p for p in word.split("-") if p]
                if parts and all(self.known(p) for p in parts):
                    return parts
        return None

    def usable_phrases(self, phrases: Iterable[str]) -> list[str]:
        """Phrases rewritten with the model's words; unknown words are dropped with a warning."""
        return list(self.spelled(phrases))

    def spelled(self, phrases: Iterable[str]) -> dict[str, str]:
        """Each usable phrase in the model's words -> the phrase as given (the first one, if two meet)."""
        out: dict[str, str] = {}
        for phrase in phrases:
            text = self._spellings.get(phrase)
            if text is None:
                text = self._spellings[phrase] = self._spell_phrase(phrase)
            if text:
                out.setdefault(text, phrase)
        return out

    def _spell_phrase(self, phrase: str) -> str:
        words: list[str] = []
        for w in phrase.split():
            spelled = self._spell(w)
            if spelled is None:
                if w not in self.dropped_words:
                    self.dropped_words.add(w)
                    log.warning("Mot absent du vocabulaire du modèle, ignoré : « %s »", w)
            else:
                words += spelled
        return " ".join(words)

    def check_language(self, phrases: Sequence[str]) -> None:
        """Refuses a model that knows none of the command words (wrong language)."""
        words = {w for p in phrases for w in p.split()}
        if words and not any(self._spell(w) for w in words):
            sample = ", ".join(f"« {w} »" for w in sorted(words)[:4])
            raise CannotRun(f"Ce modèle ne semble pas être un modèle français : aucun des mots de "
                            f"commande ({sample}…) n'est dans son vocabulaire ({self.model_dir}). "
                            "Installez le modèle français avec « voiceguide model download », "
                            "ou indiquez-en un autre avec --model.",
                            spoken="Ce modèle de reconnaissance vocale n'est pas un modèle français : "
                                   "il faut installer le modèle français.")

    def grammar(self, phrases: Sequence[str]) -> list[str]:
        """The vosk grammar for these phrases: the model's spellings, plus [unk] when it has it."""
        return list(self.spelled(phrases)) + ([UNK] if self.has_unk else [])

    # ------------------------------------------------------------------ streaming

    def _recognizer_for(self, grammar: list[str]) -> tuple[tuple[str, ...], Any]:
        key = tuple(grammar)
        rec = self._recognizers.get(key)
        if rec is None:
            rec = self._vosk.KaldiRecognizer(self.model, RECOGNIZER_RATE, grammar_json(grammar))
            rec.SetWords(True)
            # Not SetPartialWords(True): measured with vosk 0.3.45, it leaves
            # every partial text empty, which would disable the early commit.
            if self.max_alternatives > 1:
                rec.SetMaxAlternatives(self.max_alternatives)
            self._recognizers[key] = rec
            self._fed[key] = 0
        return key, rec

    def reset(self) -> None:
        """Forgets any half-heard utterance (call when listening resumes after the guide spoke)."""
        for rec in self._recognizers.values():
            rec.Reset()

    def recognize(self, chunks: Iterable[Audio], phrases: Sequence[str], *,
                  source: str = "audio", early_commit: bool = True,
                  no_input_s: float | None = None, second_pass: bool = True) -> Utterance | None:
        """Listens to one turn; returns what was said, or None when nothing was heard.

        Speech that is no phrase gives an Utterance with empty text (a
        "no match", not a "no input"), unless the second pass (``second_pass``)
        decodes it without a grammar. ``no_input_s`` ends the turn after that
        much audio with nothing heard at all. Times in the Utterance are
        seconds from the first chunk of this call.
        """
        spelled = self.spelled(phrases)
        grammar = list(spelled) + ([UNK] if self.has_unk else [])
        if not spelled:
            raise CannotRun("Aucune des phrases de cette étape n'est dans le vocabulaire du modèle "
                            f"{self.model_dir} : la reconnaissance vocale est impossible ici.")
        key, rec = self._recognizer_for(grammar)
        commit = _EarlyCommit(spelled, self.stable_ms / 1000.0)
        base = self._fed[key] / BYTES_PER_SECOND
        fed = 0
        kept = bytearray()     # the turn's audio, for the second pass
        heard = False
        quiet = _QuietTracker()
        clean = False

        def settle(utt: Utterance | None) -> Utterance | None:
            if second_pass and self.uses_grammar and utt is not None and utt.phrase is None:
                return self._second_pass(bytes(kept), utt)
            return utt

        try:
            for chunk in chunks:
                if chunk.rate != RECOGNIZER_RATE or chunk.channels != 1:
                    raise ValueError(f"the recogniser takes {RECOGNIZER_RATE} Hz mono, not {chunk.rate} Hz "
                                     f"with {chunk.channels} channels")
                data = chunk.to_bytes()
                fed += len(data)
                self._fed[key] += len(data)
                if len(kept) < SECOND_PASS_SECONDS * BYTES_PER_SECOND:
                    kept.extend(data)
                now = fed / BYTES_PER_SECOND
                quiet_since = quiet.update(chunk, now)
                if rec.AcceptWaveform(data):
                    utt = self._utterance(json.loads(rec.Result()), base, now, source, spelled)
                    if utt is not None:
                        clean = True
                        return settle(utt)
                    heard = False   # an empty endpoint (noise): keep listening
                    commit.restart()
                    continue
                text = json.loads(rec.PartialResult()).get("partial", "")
                heard = heard or bool(text)
                if not heard and no_input_s is not None and now >= no_input_s:
                    return None
                if commit.now(text, now, quiet_since) and early_commit:
                    utt = self._utterance(json.loads(rec.FinalResult()), base, now, source, spelled)
                    clean = True
                    return settle(utt)
            utt = self._utterance(json.loads(rec.FinalResult()), base, fed / BYTES_PER_SECOND, source,
                                 spelled)
            clean = True
            return settle(utt)
        finally:
            if not clean:
                rec.Reset()

    def decode_free(self, audio: bytes) -> dict:
        """vosk's result for ``audio`` decoded without a grammar (the model's whole vocabulary)."""
        if self._free is None:
            self._free = self._vosk.KaldiRecognizer(self.model, RECOGNIZER_RATE)
            self._free.SetWords(True)
        self._free.AcceptWaveform(audio)
        result: dict = json.loads(self._free.FinalResult())   # also readies it for the next turn
        return result

    def _second_pass(self, audio: bytes, first: Utterance) -> Utterance:
        """The turn decoded again without a grammar; the first result when that hears nothing."""
        result = self.decode_free(audio)
        timed = [w for w in result.get("result") or [] if w.get("word") != UNK]
        text = " ".join(w["word"] for w in timed) if timed else result.get("text", "").replace(UNK, " ")
        text = " ".join(text.split())
        if not text:
            return first
        confidence = SECOND_PASS_CONFIDENCE
        if timed:
            confidence *= sum(float(w.get("conf", 1.0)) for w in timed) / len(timed)
        return Utterance(text=text, confidence=round(confidence, 3), source=first.source,
                         start=first.start, end=first.end, committed=first.committed, second_pass=True)

    def _utterance(self, result: dict, base: float, committed: float, source: str,
                   spelled: Mapping[str, str]) -> Utterance | None:
        """Turns vosk's JSON into an Utterance; the confidence combines three signals.

        The n-best margin; the share of [unk] (speech the grammar does not
        cover); and whether the words form one listed phrase: the grammar is
        compiled into a bigram model, so other speech comes out as chains of
        command words ("menu oui oui"), which no user says.
        """
        alts = result.get("alternatives")
        if alts is None:   # max_alternatives <= 1: plain result
            alts = [{"text": result.get("text", ""), "result": result.get("result", [])}]
            margin = None
        else:
            margin = None
            if len(alts) > 1:
                margin = float(alts[0].get("confidence", 0.0)) - float(alts[1].get("confidence", 0.0))
        if not alts:
            return None
        best = alts[0]
        words = best.get("text", "").split()
        if not words:
            return None
        said = [w for w in words if w != UNK]
        unk_share = (len(words) - len(said)) / len(words)
        confidence = margin_confidence(margin) * (1.0 - UNK_WEIGHT * unk_share)
        phrase = spelled.get(" ".join(said)) if not unk_share else None
        if " ".join(said) not in spelled:
            confidence *= OFF_PHRASE_FACTOR
        timed = best.get("result") or []
        start = end = None
        if timed:
            start = max(0.0, float(timed[0]["start"]) - base)
            end = max(0.0, float(timed[-1]["end"]) - base)
        return Utterance(text=" ".join(said), confidence=round(confidence, 3), source=source,
                         start=start, end=end, committed=committed, phrase=phrase)


class _EarlyCommit:
    """Whether to take the turn now, before vosk's end of speech, from the partial results and the quiet.

    The partial result lags the audio by up to ~0.3 s, so a phrase is taken
    only once the audio is quiet (« menu ... horaires » would otherwise be
    cut after « menu »); how long depends on what the turn has shown. One
    complete phrase and nothing else: ``quiet_s``. A phrase that begins a
    longer one (« oui », « oui c'est ça »): twice that, unchanged, for the
    rest may come. Anything less settled (a phrase that took over from
    other words, nothing decoded yet while the decoder lags, command words
    chained): ``UNDECIDED_QUIET_S``, then vosk's final result decides;
    except the start of a phrase (a slow « j'ai oublié ... mon code ») and
    other speech (``[unk]``), which vosk's own end-of-speech rules end.
    """

    def __init__(self, phrases: Iterable[str], quiet_s: float) -> None:
        self.phrases = set(phrases)
        self.prefixes = {p for p in self.phrases for q in self.phrases if q != p and (q + " ").startswith(p + " ")}
        self.starts = {" ".join(p.split()[:n]) for p in self.phrases for n in range(1, len(p.split()))}
        self.quiet_s = quiet_s
        self.restart()

    def restart(self) -> None:
        """Forgets the partial results (after an empty end of speech: noise)."""
        self.partial, self.since, self.others, self.spoke = "", 0.0, False, False

    def now(self, partial: str, now: float, quiet_since: float | None) -> bool:
        """Feeds one chunk's partial result (``now``: audio seconds at the chunk's end); True: commit."""
        if partial != self.partial:
            self.others = self.others or bool(self.partial)
            self.partial, self.since = partial, now
        if quiet_since is None:
            self.spoke = True
        if quiet_since is None or not self.spoke:   # the quiet that counts is the one after speech
            return False
        quiet, held = now - quiet_since + 1e-9, now - self.since + 1e-9
        if partial in self.prefixes:
            return min(quiet, held) >= 2 * self.quiet_s
        if partial in self.phrases and not self.others:
            return quiet >= self.quiet_s
        undecided = partial in self.phrases or not (UNK in partial or partial in self.starts)
        return undecided and quiet >= UNDECIDED_QUIET_S


class _QuietTracker:
    """Tells when the audio went quiet, relative to this turn's own noise floor and speech level.

    Relative levels rather than a fixed threshold: a quiet room, a noisy
    kitchen and a near microphone all differ by tens of decibels.
    """

    def __init__(self, ratio: float = QUIET_RATIO) -> None:
        self.ratio = ratio
        self.floor = math.inf
        self.peak = 0.0
        self.since: float | None = None

    def update(self, chunk: Audio, end: float) -> float | None:
        """Feeds one chunk ending at ``end`` s; returns when the current quiet run began, or None."""
        if chunk.frames == 0:
            return self.since
        level = rms(chunk.samples)
        self.floor = min(self.floor, level)
        self.peak = max(self.peak, level)
        threshold = self.floor + self.ratio * (self.peak - self.floor)
        if level <= threshold:
            if self.since is None:
                self.since = end - chunk.seconds
        else:
            self.since = None
        return self.since


class RecognizerLoader:
    """Loads a Recognizer in a background thread (the welcome is spoken meanwhile)."""

    def __init__(self, model_dir: Path, **kwargs: Any) -> None:
        self._args = (Path(model_dir),)
        self._kwargs = kwargs
        self._result: Recognizer | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="vosk-loader", daemon=True)

    def _run(self) -> None:
        try:
            self._result = Recognizer(*self._args, **self._kwargs)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller of result()
            self._error = exc

    def start(self) -> RecognizerLoader:
        """Starts loading; returns at once."""
        self._thread.start()
        return self

    def done(self) -> bool:
        """True once loading has finished (successfully or not)."""
        return self._thread.ident is not None and not self._thread.is_alive()

    def result(self, timeout: float | None = None) -> Recognizer:
        """Waits for the model; re-raises the loading error (CannotRun) in the caller's thread."""
        self._thread.join(timeout)
        if self._thread.is_alive():
            raise TimeoutError("the vosk model is still loading")
        if self._error is not None:
            raise self._error
        assert self._result is not None
        return self._result
