# syntax=docker/dockerfile:1

# Stage 1: the KERN stylesheet and the Fira Sans and Noto Sans Arabic subsets, built with npm.
FROM node:20-bookworm-slim AS assets
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY assets/ assets/
RUN npm run build

# Stage 2: the Python runtime.
FROM python:3.11-slim-bookworm AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH="/opt/venv/bin:$PATH"
# pg_dump and pg_restore for backup_portal and restore_portal. Bookworm ships version 15;
# pg_dump must be at least the server's version, so for PostgreSQL 16 or later install
# that version's client from apt.postgresql.org instead.
RUN apt-get update \
    && apt-get install --yes --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/venv
COPY requirements.txt /tmp/requirements.txt
RUN pip install --no-cache-dir --require-hashes -r /tmp/requirements.txt && rm /tmp/requirements.txt

RUN useradd --system --create-home --home-dir /app --uid 10001 portal
WORKDIR /app
COPY --chown=portal:portal manage.py ./
COPY --chown=portal:portal ki_portal/ ki_portal/
COPY --chown=portal:portal portal/ portal/
COPY --chown=portal:portal accounts/ accounts/
COPY --chown=portal:portal languages/ languages/
COPY --chown=portal:portal centre/ centre/
COPY --chown=portal:portal fields/ fields/
COPY --chown=portal:portal news/ news/
COPY --chown=portal:portal organisations/ organisations/
COPY --chown=portal:portal counselling/ counselling/
COPY --chown=portal:portal networks/ networks/
COPY --chown=portal:portal templates/ templates/
COPY --chown=portal:portal locale/ locale/
COPY --chown=portal:portal locale_libraries/ locale_libraries/
COPY --chown=portal:portal locale_demo/ locale_demo/
COPY --chown=portal:portal static/ static/
COPY --chown=portal:portal deploy/gunicorn.conf.py deploy/gunicorn.conf.py
COPY --from=assets --chown=portal:portal /build/static/dist/ static/dist/

# collectstatic needs keys to import the settings; the build keys are thrown away.
RUN pybabel compile --domain django --directory locale \
    && pybabel compile --domain "django djangojs" --directory locale_libraries \
    && DJANGO_SECRET_KEY=build-only \
       KI_FIELD_ENCRYPTION_KEY="$(python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')" \
       python manage.py collectstatic --noinput \
    && mkdir -p /app/var/media && chown -R portal:portal /app/var /app/staticfiles /app/locale

USER portal
EXPOSE 8000
# DATABASE_URL, DJANGO_SECRET_KEY, KI_FIELD_ENCRYPTION_KEY, DJANGO_ALLOWED_HOSTS,
# KI_REDIS_URL and KI_CLIENT_ADDRESS_HEADER come from the environment; DJANGO_DEBUG stays
# unset, which is production mode. With
# KI_TASK_BACKEND=database, run a second container from this image with the command
# `python manage.py db_worker`: it sends the mails.
# Port 8000 is for nginx only (deploy/nginx.conf, deploy/README.md): the sync workers
# must never face clients directly, or a few stalled connections block them all.
CMD ["gunicorn", "ki_portal.wsgi:application", "--config", "deploy/gunicorn.conf.py", "--bind", "0.0.0.0:8000"]
