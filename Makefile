# Two commands on a fresh machine: `make run` and `make test`. Both go through
# voiceguide/bootstrap.py (standard library only), which checks the system
# (espeak-ng, PortAudio...), installs what is missing with apt-get on
# Debian/Ubuntu, creates .venv and installs voiceguide (again only when
# pyproject.toml changes, so it works offline); Windows and macOS run the same
# file without make (see the README).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
BOOTSTRAP := $(PYTHON) -m voiceguide.bootstrap --venv $(VENV)

.PHONY: run test install install-test model samples bench soak clean

# Starts the Ameli guide with the best input this machine has. The French
# model is downloaded first when it is missing (offline: said once, and not
# tried again at each launch; `make model` retries); without it the guide
# explains aloud that it uses the keyboard instead.
run:
	$(BOOTSTRAP) run

# ruff, mypy, then the whole suite (pytest).
test:
	$(BOOTSTRAP) test

# Only the set-up of `make run` / `make test`.
install:
	$(BOOTSTRAP) run --prepare-only

install-test:
	$(BOOTSTRAP) test --prepare-only

# The French vosk model (about 41 MB), into models/.
model: install
	$(PY) -m voiceguide model download

# Regenerates tests/audio/ (needs espeak-ng and the test extra).
samples: install-test
	$(PY) scripts/make_samples.py

# Long stress tests, left out of `make test`.
soak: install-test
	$(PY) -m pytest -m soak

# The performance report: docs/PERFORMANCE.md (several minutes).
bench: install-test
	$(PY) scripts/bench.py --soak

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
