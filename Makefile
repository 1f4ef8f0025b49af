# The two commands a new machine needs are `make run` and `make test`; everything else is detail.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
CLI := $(VENV)/bin/ministry-news
export PYTHAINLP_OFFLINE := 1

.PHONY: install run demo test lint format services bench eval clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed

## Crawl every site of scraper/profiles (www.mdes.go.th, www.thaigov.go.th) into
## data/ministry-news.sqlite, extract visits, print a summary.
run: install
	$(CLI) crawl
	$(CLI) stats

## The same on the bundled mirrors of both sites (works offline), into data/demo.sqlite.
demo: install
	$(CLI) demo

## Start PostgreSQL and Redis on 127.0.0.1 (installing them where missing), then run every test.
test: install
	eval "$$(bash .ci/services.sh)" && $(PY) -m pytest -q

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

## Accuracy on the annotated corpus beside the repo.
eval: install
	$(CLI) evaluate ../shared/corpus/dev

## Benchmarks print figures; they are not tests.
bench: install
	eval "$$(bash .ci/services.sh)" && for b in benchmarks/bench_*.py; do $(PY) $$b || exit 1; done

clean:
	rm -rf data bench-output .pytest_cache .ruff_cache
