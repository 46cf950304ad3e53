"""gunicorn for KI-Portal in production, behind nginx (deploy/nginx.conf, deploy/README.md).

    gunicorn --config deploy/gunicorn.conf.py ki_portal.wsgi:application

Sync workers: each handles one request at a time, which is simple and safe for Django,
but a client that sends slowly would hold a worker for as long as it likes. nginx
buffers every request and answer, so the workers only ever talk to nginx; never expose
them to the internet directly. Command-line options override these values (the
Dockerfile binds to all interfaces of the container).
"""

import os

import gunicorn.http.wsgi

# gunicorn names itself in a Server header of every answer; it has no setting for it, so
# the name its responses use is emptied here (before the workers start). nginx sends its
# own header without a version in front of it (server_tokens off in deploy/nginx.conf).
gunicorn.http.wsgi.SERVER = ""

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# gunicorn's own variable; about two per processor core.
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
worker_class = "sync"
# A worker silent for longer (a stuck query, a hanging mail server) is killed and
# replaced; nginx's proxy_read_timeout is a little longer. gunicorn's default.
timeout = 30
# On a restart or SIGHUP, running requests get this long to finish.
graceful_timeout = 30
# No access log: nginx keeps one, without the tokens of self-service links (the request
# line of gunicorn's format would hold them) and rotated as the privacy page says.
accesslog = None


def post_worker_init(worker):
    """Reads the migration files before the worker takes requests, so that its first
    /health/ answers as fast as the others instead of about a second later."""
    from ki_portal import health

    health.run(health.all_migrations_applied)
