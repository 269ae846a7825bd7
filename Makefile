# The two set-up commands are `make run` and `make test`; the rest are their parts.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed

.PHONY: install demo run test lint bench guide backup restore clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo

run: demo
	$(MANAGE) runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Production settings must pass Django's deployment checks, warnings included.
test: lint
	DJANGO_SETTINGS_MODULE=wenming.settings.test $(MANAGE) check
	SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
		ALLOWED_HOSTS=wenming.example WAGTAILADMIN_BASE_URL=https://wenming.example \
		DJANGO_SETTINGS_MODULE=wenming.settings.production $(MANAGE) check --deploy --fail-level WARNING
	DJANGO_SETTINGS_MODULE=wenming.settings.test $(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

# Pages per second with and without the page cache against a bare Django view (gunicorn and
# wrk, installed from Debian if missing), search latency at 10,000 articles, the office's
# dashboard at 213 communities, 10,000 volunteers and 200,000 records, each in a throwaway
# database; DATABASE_URL picks PostgreSQL, REDIS_URL the page benchmark's cache.
bench: install
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(MANAGE) bench_pages $(PAGES_BENCH_ARGS)
	$(MANAGE) bench_search $(BENCH_ARGS)
	$(MANAGE) bench_dashboard $(DASHBOARD_BENCH_ARGS)
	$(MANAGE) bench_import

# The user guide's screenshots (docs/screenshots), taken by the browser tests that walk each
# role's screens and the moderation loop.
guide: install
	WENMING_SCREENSHOTS=docs/screenshots $(BIN)/pytest home/tests/test_guide.py goodpeople/tests/test_browser.py

# The database and both media folders into a new folder under BACKUP_DIR (var/backups), and
# back: `make restore BACKUP=var/backups/wenming-…` (asks first). README, "Backups".
backup:
	$(MANAGE) backup $(BACKUP_ARGS)

restore:
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=var/backups/wenming-YYYYMMDD-HHMMSS"; exit 2; }
	$(MANAGE) restore "$(BACKUP)"

clean:
	rm -rf $(VENV) db.sqlite3 media var
