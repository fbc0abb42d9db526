# Two commands do everything on a fresh machine with Python 3.11:
#   make play   - create .venv, install, start the game in a window
#   make test   - same set-up, run the whole suite headless
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: play install test test-fast lint check simulate screenshots bench monkey soak fuzz kiosk clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the project's metadata changed.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The game's bytecode, compiled once here: the kiosk runs with PYTHONDONTWRITEBYTECODE=1 as a
# user who cannot write the code, so without this every boot would compile it again.
install: $(STAMP)
	$(PY) -m compileall -q game

play: $(STAMP)
	$(PY) -m game $(ARGS)

test: $(STAMP)
	$(PY) -m ruff check game tests
	$(PY) -m ruff format --check game tests
	$(PY) -m mypy
	$(PY) -m game check levels
	$(PY) -m tests.run

# While working: the tests without the slow ones (OCR, fuzzing, crash-safety, monkey).
test-fast: $(STAMP)
	$(PY) -m tests.run -- -m "not slow"

lint: $(STAMP)
	$(PY) -m ruff check game tests
	$(PY) -m ruff format --check game tests
	$(PY) -m mypy

check: install
	$(PY) -m game check levels

simulate: $(STAMP)
	$(PY) -m game simulate levels/kiosk.yaml --runs 10000

screenshots: $(STAMP)
	$(PY) -m game screenshot --all --out docs/screenshots

bench: $(STAMP)
	$(PY) -m game bench

monkey: $(STAMP)
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(PY) -m game.tools.monkey --events 200000

soak: $(STAMP)
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(PY) -m game.tools.soak --sessions 500

# Hypothesis-driven mutations of levels/*.yaml through check, drawing and play (FUZZ_CASES=N to change).
fuzz: $(STAMP)
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(PY) -m game.tools.fuzz --cases $(or $(FUZZ_CASES),5000)

kiosk: $(STAMP)
	$(PY) -m game kiosk $(ARGS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
