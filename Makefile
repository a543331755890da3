# Two commands on a fresh machine: `make run` and `make test`. Both go through
# voiceguide/bootstrap.py (standard library only), which checks the system
# (espeak-ng, PortAudio...), installs what is missing with apt-get on
# Debian/Ubuntu, creates .venv and installs voiceguide; Windows and macOS run
# the same file without make (see the README).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run test install model samples bench soak clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

install: $(PY)
	$(PY) -m pip install --quiet -e .

# Starts the Ameli guide with the best input this machine has. The French
# model is downloaded first when it is missing (offline: said once, and not
# tried again at each launch; `make model` retries); without it the guide
# explains aloud that it uses the keyboard instead.
run:
	$(PYTHON) -m voiceguide.bootstrap run --venv $(VENV)

# ruff, then the whole suite (pytest).
test:
	$(PYTHON) -m voiceguide.bootstrap test --venv $(VENV)

# The French vosk model (about 41 MB), into models/.
model: install
	$(PY) -m voiceguide model download

# Regenerates tests/audio/ (needs espeak-ng and the test extra).
samples: $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	$(PY) scripts/make_samples.py

# Long stress tests, left out of `make test`.
soak: $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	$(PY) -m pytest -m soak

# The performance report: docs/PERFORMANCE.md (several minutes).
bench: $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	$(PY) scripts/bench.py --soak

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
