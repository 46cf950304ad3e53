import logging

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from portal.tasks import tasks_in_database

logger = logging.getLogger(__name__)

# Every daily job, each a command of its own that can also run alone. Deletions first, so
# reminders are not sent for entries that are about to go.
JOBS = [
    ("delete_expired_barrier_feedback",),
    ("erase_unanswered_barrier_contacts",),
    ("erase_counselling_requests",),
    ("delete_unconfirmed_organisations",),
    ("delete_hidden_organisations",),
    ("delete_old_versions",),
    ("remind_organisations",),
    ("clearsessions",),
    ("delete_old_login_records",),
    ("clean_outbox",),
]
# Only the database task backend keeps task results to prune.
DATABASE_BACKEND_JOBS = [("prune_db_task_results", "--queue-name=*")]


class Command(BaseCommand):
    help = (
        "Runs every daily job of the portal: erasures and deletions the privacy notice "
        "promises, the yearly reminders to migrant organisations, expired sessions, old "
        "login records, old versions in the editors' history, the outbox and old task "
        "results. A job that fails does not stop the others; the command then exits with "
        "an error naming it. Meant for cron, once a day."
    )

    def handle(self, *args, **options):
        jobs = list(JOBS)
        if tasks_in_database():
            jobs += DATABASE_BACKEND_JOBS
        failed = []
        for name, *arguments in jobs:
            self.stdout.write(f"{name}:")
            try:
                call_command(name, *arguments, stdout=self.stdout, stderr=self.stderr)
            except Exception:
                logger.exception("The daily job %s failed.", name)
                failed.append(name)
        if failed:
            raise CommandError(f"Failed: {', '.join(failed)}")
        self.stdout.write(self.style.SUCCESS(f"{len(jobs)} daily jobs done."))
