# Two commands on a fresh machine: `make run` (site with demo content on SQLite and
# database search; `make run SAMPLE_REQUESTS=1` adds sample engineering requests, marked
# "exemple", for trying the staff screens) and `make test` (the whole suite). Everything they need is installed
# by the targets below; nothing is assumed beyond Python 3.11, Java, Maven, Node.js, apt.

# Bytecode caches are written (__pycache__/, ignored by git) even where the environment
# says not to: otherwise every process (each pytest worker, each manage.py of the checks)
# compiles the project and pytest rewrites the 190 test modules again, 2 s per process.
unexport PYTHONDONTWRITEBYTECODE

PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
HOST ?= 127.0.0.1
DEMO_ADMIN_PASSWORD ?= demo-anct-2020
OPENSEARCH_PORT ?= 9201

.PHONY: run serve setup install install-test node-data browser gettext messages serve-packages test test-fast test-browser-repeat lint check clean

$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.lock
	$(PY) -m pip install --quiet -r requirements-test.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed gettext
install-test: $(VENV)/.installed-test node_modules/.installed gettext browser serve-packages

# Debian's Chromium for the browser tests (Playwright drives it; it never downloads one).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installation de Chromium (paquet Debian)…"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || { echo "Impossible d'installer chromium : lancez 'apt-get install chromium' en root."; exit 1; }; }

# GNU gettext from Debian: compiles the French catalogue (locale/fr), whose plural rule
# makes "0 résultat" and "2 programmes" read right.
gettext:
	@command -v msgfmt >/dev/null 2>&1 || { \
	  echo "Installation de gettext (paquet Debian)…"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null) \
	  || { echo "Impossible d'installer gettext : lancez 'apt-get install gettext' en root."; exit 1; }; }

# The compiled catalogue (.mo) is a build product, not in git: compiled here and by the tests.
COMPILEMESSAGES := $(PY) manage.py compilemessages -l fr --ignore=$(VENV) --ignore=node_modules -v 0

# Debian's Varnish (HTTP cache), Redis (shared cache) and wrk (bench) for `make serve`
# and the HTTP cache tests.
serve-packages:
	@command -v varnishd >/dev/null 2>&1 && command -v redis-server >/dev/null 2>&1 && command -v wrk >/dev/null 2>&1 || { \
	  echo "Installation de Varnish, Redis et wrk (paquets Debian)…"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish redis-server wrk >/dev/null) \
	  || { echo "Impossible d'installer varnish redis-server wrk : lancez 'apt-get install varnish redis-server wrk' en root."; exit 1; }; }

setup: install
	$(COMPILEMESSAGES)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py import_territories
	$(PY) manage.py setup_site
	$(PY) manage.py import_public_services
	$(PY) manage.py import_official_lists
	$(PY) manage.py load_demo_content
	@if [ "$(SAMPLE_REQUESTS)" = "1" ]; then $(PY) manage.py load_sample_requests; fi
	$(PY) manage.py ensure_demo_admin --password "$(DEMO_ADMIN_PASSWORD)"

# The address served is the site's public address (SITE_BASE_URL): the links of the e-mails,
# the canonical addresses and the Wagtail Site (setup_site) follow PORT.
run: export SITE_BASE_URL ?= http://$(HOST):$(PORT)
run: setup
	@echo ""
	@echo "  Site : http://$(HOST):$(PORT)/"
	@echo "  Administration : http://$(HOST):$(PORT)/admin/ (identifiant : admin, mot de passe : $(DEMO_ADMIN_PASSWORD))"
	@echo ""
	@# Emails are queued, never sent inside a request: a worker sends them (printed here).
	$(PY) manage.py db_worker --backend mail --interval 2 & trap 'kill $$!' EXIT INT TERM; \
	  $(PY) manage.py runserver $(HOST):$(PORT)

# Production stack on loopback: Varnish on PORT, gunicorn, Redis, the task worker.
serve: export SITE_BASE_URL ?= http://127.0.0.1:$(PORT)
serve: setup serve-packages
	PORT=$(PORT) bash tools/serve/run.sh

test: install-test
	bash tests/run.sh

# The unit subset: project checks, then pytest without Chromium and without OpenSearch,
# the property tests with 100 generated examples each (1,000 in `make test` and CI).
# The template test database (tests/database_template.py) is built beside the checks and
# while pytest starts: its processes wait for it (the builder holds its lock), then copy it.
# The checks and pytest run under `nice` so that the builder, which every test waits for,
# keeps a core (tests/run.sh does the same).
test-fast: $(VENV)/.installed-test node_modules/.installed gettext
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py build_test_database & template=$$!; \
	nice -n 5 bash tests/checks.sh || { kill $$template; exit 1; }; \
	FUZZ_EXAMPLES=$(or $(FUZZ_EXAMPLES),100) SEARCH_FUZZ_EXAMPLES=$(or $(SEARCH_FUZZ_EXAMPLES),100) \
	DJANGO_SETTINGS_MODULE=config.settings.test nice -n 5 $(PY) -m pytest -n $(or $(TEST_WORKERS),auto) --dist loadgroup --no-loadscope-reorder -m "not browser and not opensearch" $(PYTEST_ARGS); \
	status=$$?; wait $$template || status=1; exit $$status

# The browser suite ten times in a row (REPEAT=N to change): flaky tests show here.
test-browser-repeat: install-test
	bash tests/repeat_browser.sh $(or $(REPEAT),10)

# After adding or changing a text in a template or in Python: update the French catalogue.
messages: install gettext
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemessages -l fr

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

clean:
	rm -rf $(VENV) node_modules db.sqlite3 static media
