# policy-qa — `make run` sets everything up and starts the web chat; `make test` runs the tests.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
export POLICY_QA_HOME ?= $(CURDIR)/.policy_qa
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False
export ANONYMIZED_TELEMETRY := False

.PHONY: install ingest run test eval bench clean

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

ingest: install
	$(BIN)/policy-qa ingest

run: ingest
	$(BIN)/policy-qa serve --host 127.0.0.1 --port 7860

test: install
	$(BIN)/python -m pytest tests ingest rag app

eval: ingest
	$(BIN)/python -m evals.parser_eval
	$(BIN)/python -m evals.qa_eval

bench: ingest
	$(BIN)/python -m evals.bench.ingest
	$(BIN)/python -m evals.bench.latency
	$(BIN)/python -m evals.bench.baseline
	$(BIN)/python -m evals.bench.load
	$(BIN)/python -m evals.bench.scale
	$(BIN)/python -m evals.bench.chunking

clean:
	rm -rf $(POLICY_QA_HOME)
