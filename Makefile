# Two commands on a fresh machine: `make run` and `make test`.
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
# model is downloaded first when it is missing; offline, the guide explains
# aloud that it uses the keyboard instead.
run: install
	-$(PY) -m voiceguide model download
	$(PY) -m voiceguide run

test: $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	$(PY) -m ruff check voiceguide tests scripts
	$(PY) -m mypy
	$(PY) -m pytest

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
