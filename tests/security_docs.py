"""Writes the table of roles in docs/security.md from the permission matrix test:

.venv/bin/python -m tests.security_docs
"""

import os

import django


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ki_portal.settings")
    # A local tool, set up like the test suite (tests/postgres.py).
    os.environ.setdefault("DJANGO_DEBUG", "true")
    django.setup()
    # The test module imports models, so only after the set-up.
    from tests.test_permission_matrix import write_docs

    write_docs()


if __name__ == "__main__":
    main()
