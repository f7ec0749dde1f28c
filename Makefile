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
WS_MAX_BYTES = $(shell $(BIN)/python -c "from openhire.serve import ws_max_bytes; print(ws_max_bytes())")

.PHONY: run serve worker test install migrate demo lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable

demo: migrate
	$(BIN)/python manage.py demo_data --port $(PORT)

# daphne's timeouts (slow clients cannot hold a connection for ever): 30 s to finish
# a WebSocket handshake, 120 s for the app to answer an HTTP request, a ping every
# 20 s (30 s to answer it), and no socket outlives the interview's idle timeout
# (OPENHIRE_INTERVIEW_IDLE_MINUTES; daphne's default is 24 h). Twisted closes a
# connection idle for 60 s (a request head or body that stalls).
# `make serve`'s timeouts are in openhire/serve.py.
IDLE_SECONDS = $$(( $${OPENHIRE_INTERVIEW_IDLE_MINUTES:-30} * 60 ))
DAPHNE_TIMEOUTS = --websocket_connect_timeout 30 --http-timeout 120 \
	--ping-interval 20 --ping-timeout 30 --websocket_timeout $(IDLE_SECONDS)

run: demo
	@echo "Serving HTTP and WebSocket on http://127.0.0.1:$(PORT) (Ctrl-C stops)"
	@echo "Background work (webhooks, rescreens) runs in this process (OPENHIRE_TASKS=immediate)."
	@echo "Scaled out: set OPENHIRE_TASKS=database with DATABASE_URL and start workers with"
	@echo "  OPENHIRE_TASKS=database DATABASE_URL=... REDIS_URL=... make worker"
	OPENHIRE_RECRUITER_SIGNUP=$${OPENHIRE_RECRUITER_SIGNUP:-open} \
		$(BIN)/daphne -b 127.0.0.1 -p $(PORT) $(DAPHNE_TIMEOUTS) \
		--websocket-max-message-size $(WS_MAX_BYTES) --websocket-max-frame-size $(WS_MAX_BYTES) \
		openhire.asgi:application

# The production command: N uvicorn workers sharing DATABASE_URL and REDIS_URL, with
# OpenHire's timeouts (openhire/serve.py). Without REDIS_URL each worker would keep
# its own channel layer, so it runs ONE worker and says so.
serve: migrate
	$(BIN)/python -m openhire.serve --host $(HOST) --port $(PORT) --workers $(WORKERS)

# A background-task worker (webhook deliveries and their retries, rescreens) for the
# scaled-out setup: OPENHIRE_TASKS=database, the same DATABASE_URL as the servers.
# Start as many as you like; each claims one task at a time. SIGTERM finishes the
# running task first; a worker killed mid-task loses only that task's open
# transaction (a stalled rescreen is resumed by POSTing it again).
worker: migrate
	OPENHIRE_TASKS=$${OPENHIRE_TASKS:-database} $(BIN)/python manage.py db_worker --no-reload

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) var
