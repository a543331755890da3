# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run test install model soak bench samples clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

install: $(PY)
	$(PY) -m pip install --quiet -e .

# Starts the Ameli guide with the best input this machine has.
run: install
	$(PY) -m voiceguide run

test: $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	$(PY) -m pytest

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
