# policy-qa — `make run` sets everything up and starts the web chat; `make test` sets up and runs every test.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip --disable-pip-version-check -q
# pip's own output goes to a log (shown in full if a step fails): one line per step on the terminal
PIPLOG := $(VENV)/install.log
QUIET = >>$(PIPLOG) 2>&1 || { cat $(PIPLOG); echo "install step failed (log: $(PIPLOG))"; exit 1; }
# system packages the browser tests drive (Debian); the page's screenshots need the CJK fonts
BROWSER_PKGS := chromium fonts-noto-cjk
export POLICY_QA_HOME ?= $(CURDIR)/.policy_qa
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False
export ANONYMIZED_TELEMETRY := False

.PHONY: install install-test browser ingest run test test-fast eval bench clean

# one line per step, so a fresh machine does not sit silent for a minute and a half
$(BIN)/python:
	@echo "==> [1/3] creating the virtual environment $(VENV)"
	@$(PY) -m venv $(VENV)
	@$(PIP) install --upgrade pip $(QUIET)

$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	@echo "==> [2/3] installing torch 2.13.0 (CPU wheel, about 30 s)"
	@$(PIP) install torch==2.13.0 $(QUIET)
	@echo "==> [3/3] installing policy-qa and what serving needs (about 60 s on a fresh machine)"
	@$(PIP) install -e . $(QUIET)
	@touch $@

$(VENV)/.test: $(VENV)/.runtime
	@echo "==> installing the test tools (pytest, playwright, hypothesis, reportlab, ...)"
	@$(PIP) install -e '.[test]' $(QUIET)
	@touch $@

install: $(VENV)/.runtime

install-test: $(VENV)/.test

# chromium + CJK fonts from Debian for the browser tests: installed once (as root, or with sudo)
browser:
	@if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "noto.*cjk"; then :; \
	else \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; \
	  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"; \
	  else echo "make test: the browser tests need Debian's $(BROWSER_PKGS); run 'sudo apt-get install $(BROWSER_PKGS)' once, or 'make test-fast' (no browser, server or real-model tests)"; exit 1; fi; \
	  echo "==> installing $(BROWSER_PKGS) for the browser tests (apt, about 30 s)"; \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(BROWSER_PKGS) >/dev/null; \
	fi

ingest: install
	@$(BIN)/policy-qa ingest

PORT ?= 7860
run: ingest
	$(BIN)/policy-qa serve --host 127.0.0.1 --port $(PORT)

test: install-test browser
	$(BIN)/python -m pytest tests ingest rag app

# the edit loop: no browser, no chroma server, no real model, no OCR
test-fast: install-test
	$(BIN)/python -m pytest tests ingest rag app -m "not browser and not server and not realmodel and not ocr"

eval: ingest install-test
	$(BIN)/python -m evals.parser_eval
	$(BIN)/python -m evals.qa_eval
	$(BIN)/python -m evals.dev_eval
	$(BIN)/python -m evals.verify_eval
	$(BIN)/python -m evals.formats_eval
	$(BIN)/python -m evals.readme_numbers

bench: ingest install-test
	$(BIN)/python -m evals.bench.ingest
	$(BIN)/python -m evals.bench.formats
	$(BIN)/python -m evals.bench.latency
	$(BIN)/python -m evals.bench.baseline
	$(BIN)/python -m evals.bench.load
	$(BIN)/python -m evals.bench.scale
	$(BIN)/python -m evals.bench.chunking
	$(BIN)/python -m evals.bench.firstrun
	$(BIN)/python -m evals.readme_numbers

clean:
	rm -rf $(POLICY_QA_HOME)
