"""Loading the demo content in a test, and what a run leaves behind."""

import io

from django.core.management import call_command


def load_demo() -> str:
    """Runs `load_demo_content` and returns its summary."""
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


def row_counts(models) -> dict:
    return {model._meta.label: model.objects.count() for model in models}


def stored_files(folder) -> list:
    return sorted(path for path in folder.rglob("*") if path.is_file())
