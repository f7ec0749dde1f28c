# OpenHire: `make run` serves the API on http://127.0.0.1:$(PORT); `make test` runs the suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
WORKERS ?= 2
STAMP := $(VENV)/.installed
# WebSocket message limit: initialize_interview may carry a resume up to the upload
# limit as a base64 data URL (openhire/testing.py: ws_max_bytes); the app holds
# every other frame to 64 KB and answers `frame_too_large` before closing.
WS_MAX_BYTES = $(shell $(BIN)/python -c "from openhire.testing import ws_max_bytes; print(ws_max_bytes())")

.PHONY: run serve test install migrate demo lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py demo_data --port $(PORT)

run: demo
	@echo "Serving HTTP and WebSocket on http://127.0.0.1:$(PORT) (Ctrl-C stops)"
	$(BIN)/daphne -b 127.0.0.1 -p $(PORT) --websocket_connect_timeout 30 \
		--websocket-max-message-size $(WS_MAX_BYTES) --websocket-max-frame-size $(WS_MAX_BYTES) \
		openhire.asgi:application

# The production command: N uvicorn workers (set DATABASE_URL and REDIS_URL to share state).
serve: migrate
	$(BIN)/uvicorn openhire.asgi:application --host $(HOST) --port $(PORT) \
		--workers $(WORKERS) --no-access-log --proxy-headers --ws-max-size $(WS_MAX_BYTES)

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) var
