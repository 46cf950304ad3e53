"""No container engine runs here, so check that the Dockerfile's build steps refer to real files."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = (ROOT / "Dockerfile").read_text()


def copy_sources():
    for line in DOCKERFILE.splitlines():
        if line.startswith("COPY") and "--from=" not in line:
            words = [word for word in line.split()[1:] if not word.startswith("--")]
            yield from words[:-1]


def test_every_copied_path_exists():
    sources = list(copy_sources())

    assert "requirements.txt" in sources
    missing = [source for source in sources if not (ROOT / source).exists()]
    assert missing == []


def test_every_app_is_copied_into_the_image():
    apps = {
        path.parent.name
        for path in ROOT.glob("*/apps.py")
        if path.parent.name not in {"tests", "node_modules"}
    }

    copied = {source.rstrip("/") for source in copy_sources()}
    assert apps <= copied


def test_image_runs_gunicorn_as_a_non_root_user():
    assert re.search(r"^USER portal$", DOCKERFILE, re.MULTILINE)
    assert 'CMD ["gunicorn", "ki_portal.wsgi:application"' in DOCKERFILE
    assert '"--config", "deploy/gunicorn.conf.py"' in DOCKERFILE
    assert "collectstatic --noinput" in DOCKERFILE
    assert "npm ci" in DOCKERFILE


def test_image_has_the_postgresql_client_for_backups():
    assert "apt-get install --yes --no-install-recommends postgresql-client" in DOCKERFILE
