"""Writes the table of roles in docs/security.md from the permission matrix test:

.venv/bin/python -m tests.security_docs
"""

import os

import django


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ki_portal.settings")
    django.setup()
    # The test module imports models, so only after the set-up.
    from tests.test_permission_matrix import write_docs

    write_docs()


if __name__ == "__main__":
    main()
