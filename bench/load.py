"""Load and fault runs: visitors browse and send forms while the portal runs as in production.

    .venv/bin/python -m bench.load load     # make load
    .venv/bin/python -m bench.load fault    # make fault
    .venv/bin/python -m bench.load load --quick   # 1 minute, 20 + 4 visitors, to try a change

Starts its own servers (tests/servers.py): PostgreSQL with the demo content, Redis as
the shared cache, the portal on gunicorn in production mode, and then locust headless
with bench/locustfile.py: by default 200 visitors browsing and 20 sending the public
forms for 5 minutes, and a load balancer's check of `/health/` once a second. The fault
run also stops PostgreSQL for 10 s at 30 % of the run and restarts gunicorn gracefully
(SIGHUP) at 60 %. deploy/nginx.conf names one upstream, one gunicorn per server: the run
restarts that one, whose master keeps the listening socket while old workers finish and
new ones start.

Afterwards it counts, per form, the submissions the portal acknowledged against the rows
stored under their markers, times the health checks apart from the visitors' requests,
and writes the results with the date and the machine into docs/reliability.md (the
section of that run kind is replaced).
"""

import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

import django

from bench.submissions import FORMS, stored_markers, tally
from tests.servers import (
    BASE_DIR,
    Gunicorn,
    Nginx,
    PostgresServer,
    RedisServer,
    collect_static,
    find_program,
    production_environment,
)

REPORT = BASE_DIR / "docs" / "reliability.md"
# Sync workers for the machine, as deploy/gunicorn.conf.py advises: about two per core.
WORKERS = 2 * (os.cpu_count() or 1)
RESTART_WINDOW = 30  # seconds after SIGHUP in which errors count as the restart's
HEALTH_LIMIT_MS = 100  # the issue: /health/ answers within 100 ms under load


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["load", "fault"])
    parser.add_argument("--minutes", type=float, default=5)
    parser.add_argument("--visitors", type=int, default=200)
    parser.add_argument("--submitters", type=int, default=20)
    parser.add_argument("--outage", type=float, default=10, help="seconds without PostgreSQL")
    parser.add_argument("--quick", action="store_true", help="1 minute, 20 + 4 visitors")
    parser.add_argument("--no-report", action="store_true", help="print, do not write docs")
    options = parser.parse_args()
    if options.quick:
        options.minutes, options.visitors, options.submitters = 1, 20, 4
    with Stack() as stack:
        run = Run(options, stack)
        run.start()
        section = run.report()
    print(section)
    print(f"requests, submissions and logs of the run: {stack.directory}")
    if not options.no_report:
        write_section(options.kind, section)
        print(f"written to {REPORT.relative_to(BASE_DIR)}")
    return 0


class Stack:
    """PostgreSQL with the demo content, Redis, the portal on gunicorn behind nginx and the
    mail worker, as in production. Leaving it removes every server it started."""

    def __enter__(self) -> "Stack":
        self.directory = Path(tempfile.mkdtemp(prefix="ki-portal-load-"))
        self.servers = []
        try:
            return self.start()
        except BaseException:
            self.__exit__()
            raise

    def start(self) -> "Stack":
        self.postgres = self.started(PostgresServer())
        self.redis = self.started(RedisServer())
        environment = production_environment(
            database_url=self.postgres.create_database("ki_portal"),
            redis_url=self.redis.url,
            DJANGO_MEDIA_ROOT=str(self.directory / "media"),
            # deploy/nginx.conf passes the visitor's address in X-Real-IP.
            KI_CLIENT_ADDRESS_HEADER="HTTP_X_REAL_IP",
            # Mails go through the outbox and the task queue to the worker, as in
            # production; it hands them to Django's in-memory backend: no SMTP here.
            KI_TASK_BACKEND="database",
            DJANGO_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        )
        for command in (["migrate", "--verbosity", "0"], ["load_demo_content"]):
            subprocess.run(
                [sys.executable, "manage.py", *command],
                cwd=BASE_DIR,
                env=environment,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        static_root = self.directory / "static"
        self.environment = collect_static(environment, static_root)
        self.gunicorn = self.started(Gunicorn(self.environment, workers=WORKERS))
        self.nginx = self.started(
            Nginx(upstream=f"127.0.0.1:{self.gunicorn.port}", static_root=static_root)
        )
        self.url = self.nginx.url
        self.worker = self.started(MailWorker(self.environment, self.directory))
        return self

    def started(self, server):
        self.servers.append(server)
        return server.start()

    def __exit__(self, *exc_info) -> None:
        for server in reversed(self.servers):
            server.remove()

    def versions(self) -> dict:
        def output(command):
            done = subprocess.run(command, capture_output=True, text=True)
            return re.search(r"\d+\.\d+[\d.]*", done.stdout + done.stderr).group()

        return {
            "Python": platform.python_version(),
            "PostgreSQL": output([find_program("postgres", package="postgresql"), "--version"]),
            "Redis": output([self.redis.program, "--version"]),
            "nginx": output([self.nginx.program, "-v"]),
            "gunicorn": output([sys.executable, "-m", "gunicorn", "--version"]),
            "locust": output([sys.executable, "-m", "locust", "--version"]),
        }


class MailWorker:
    """`manage.py db_worker`, the process that sends the mails the portal queues, started
    again a second after it exits, as the README's `Restart=always` does in production.
    `exits` counts how often that was needed."""

    def __init__(self, environment: dict, directory: Path) -> None:
        self.environment = environment
        self.log = directory / "worker.log"
        self.process: subprocess.Popen | None = None
        self.exits = 0
        self.lock = threading.Lock()
        self.stopping = False

    def spawn(self) -> subprocess.Popen:
        with open(self.log, "a") as log:
            return subprocess.Popen(
                [sys.executable, "manage.py", "db_worker"],
                cwd=BASE_DIR,
                env=self.environment,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def start(self) -> "MailWorker":
        self.process = self.spawn()
        threading.Thread(target=self.supervise, daemon=True).start()
        return self

    def supervise(self) -> None:
        while not self.stopping:
            if self.process.poll() is not None:
                time.sleep(1)
                with self.lock:
                    if self.stopping:
                        return
                    self.exits += 1
                    self.process = self.spawn()
            time.sleep(0.5)

    def remove(self) -> None:
        with self.lock:
            self.stopping = True
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)


class Run:
    def __init__(self, options, stack: Stack):
        self.options = options
        self.stack = stack
        self.seconds = options.minutes * 60
        self.events_file = stack.directory / "events.jsonl"
        self.faults: dict[str, float] = {}
        self.load_before = os.getloadavg()

    def start(self) -> None:
        users = self.options.visitors + self.options.submitters + 1  # the health monitor
        command = [
            *(sys.executable, "-m", "locust", "-f", str(BASE_DIR / "bench" / "locustfile.py")),
            *("--headless", "--only-summary", "--host", self.stack.url),
            *("--users", str(users), "--spawn-rate", str(max(1, users // 20))),
            *("--run-time", f"{int(self.seconds)}s", "--stop-timeout", "60"),
        ]
        environment = {
            **os.environ,
            "PYTHONPATH": str(BASE_DIR),
            "KI_LOAD_VISITORS": str(self.options.visitors),
            "KI_LOAD_SUBMITTERS": str(self.options.submitters),
            "KI_LOAD_EVENTS": str(self.events_file),
        }
        print(
            f"{self.options.kind} run: {users - 1} visitors and the health monitor, "
            f"{self.seconds:.0f} s, {self.stack.url}"
        )
        self.started_at = time.time()
        with open(self.stack.directory / "locust.log", "w") as log:
            locust = subprocess.Popen(
                command, cwd=BASE_DIR, env=environment, stdout=log, stderr=log
            )
            faults = threading.Thread(target=self.inject_faults, daemon=True)
            if self.options.kind == "fault":
                faults.start()
            locust.wait()
        if faults.is_alive():
            faults.join()
        self.load_after = os.getloadavg()

    def inject_faults(self) -> None:
        self.sleep_until(0.3)
        self.faults["database stopped"] = time.time()
        self.stack.postgres.stop()
        time.sleep(self.options.outage)
        self.stack.postgres.start()
        self.faults["database back"] = time.time()
        self.sleep_until(0.6)
        self.faults["gunicorn SIGHUP"] = time.time()
        self.stack.gunicorn.reload()

    def sleep_until(self, share: float) -> None:
        time.sleep(max(0.0, self.started_at + share * self.seconds - time.time()))

    def report(self) -> str:
        events = [json.loads(line) for line in self.events_file.read_text().splitlines()]
        requests = [event for event in events if "ms" in event and "monitor" not in event]
        health = [event for event in events if event.get("monitor") == "health"]
        submissions = [event for event in events if "form" in event]
        os.environ.update(self.stack.environment)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ki_portal.settings")
        django.setup()
        stored = stored_markers()
        outbox = mail_outbox(self.stack.worker)
        lines = [
            f"## {self.options.kind.capitalize()} run",
            "",
            f"Measured {datetime.date.today().isoformat()} with "
            f"`{' '.join(['python -m bench.load', *sys.argv[1:]])}`.",
            "",
            *machine(self.stack, self.load_before, self.load_after),
            "",
            *load_table(self.options, self.seconds),
            "",
            *request_table(requests),
            "",
            *error_table(requests),
            "",
            *health_table(health),
            "",
            *submission_table(submissions, stored),
            "",
            outbox,
        ]
        if self.faults:
            lines += [
                "",
                *fault_table(requests, self.faults),
                "",
                *timeline_table(requests, self.faults, self.started_at),
            ]
        return "\n".join(lines) + "\n"


def machine(stack: Stack, load_before, load_after) -> list[str]:
    memory_kb = int(
        next(
            line for line in Path("/proc/meminfo").read_text().splitlines() if "MemTotal" in line
        ).split()[1]
    )
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    rows = {
        "cores (nproc)": str(os.cpu_count()),
        "memory": f"{memory_kb / 1024 / 1024:.1f} GiB",
        "CPU": cpu,
        **stack.versions(),
        "portal": f"nginx in front of one gunicorn with {WORKERS} sync workers",
        "load average (1 min) before / after": f"{load_before[0]:.2f} / {load_after[0]:.2f}",
    }
    lines = ["| machine | |", "|---|---|", *(f"| {key} | {value} |" for key, value in rows.items())]
    if load_before[0] > (os.cpu_count() or 1):
        lines += [
            "",
            "The load average was above the number of cores when the run started (other "
            "processes, or the end of a previous run): the machine was not idle.",
        ]
    return lines


def load_table(options, seconds) -> list[str]:
    return [
        f"{options.visitors} visitors browsing (2–10 s between pages) and {options.submitters} "
        f"sending forms (4–12 s to fill one in, 5–15 s between forms), {seconds:.0f} s.",
    ]


def percentile(values: list[float], share: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


def request_table(requests: list[dict]) -> list[str]:
    started = min(r["t"] for r in requests)
    finished = max(r["t"] + r["ms"] / 1000 for r in requests)
    rows = []
    groups = {
        "all requests": requests,
        "pages (GET)": [r for r in requests if r["method"] == "GET"],
        "form posts": [r for r in requests if r["method"] == "POST"],
    }
    for name, group in groups.items():
        times = [r["ms"] for r in group]
        if not times:
            continue
        rows.append(
            f"| {name} | {len(group)} | {len(group) / (finished - started):.1f} | "
            f"{percentile(times, 0.5):.0f} | {percentile(times, 0.95):.0f} | "
            f"{percentile(times, 0.99):.0f} |"
        )
    return [
        "| | requests | per second | p50 ms | p95 ms | p99 ms |",
        "|---|---:|---:|---:|---:|---:|",
        *rows,
    ]


def kind_of(request: dict) -> str:
    """ "ok", or what went wrong. A 503 is the designed answer while the database is away."""
    status = request["status"]
    if status == 0:
        return f"no answer ({request['error']})"
    if status == 503:
        return "503 (outage page)"
    if status >= 400:
        return str(status)
    return "ok"


def error_table(requests: list[dict]) -> list[str]:
    kinds = Counter(kind_of(r) for r in requests)
    del kinds["ok"]
    if not kinds:
        return ["Errors: none."]
    return [
        "| error | requests |",
        "|---|---:|",
        *(f"| {kind} | {count} |" for kind, count in kinds.most_common()),
    ]


def health_table(checks: list[dict]) -> list[str]:
    """The health monitor's checks of `/health/`, all and by answer, with their times, and
    how the 95th percentile compares with the 100 ms the check may take."""
    if not checks:
        return ["Health checks: none answered."]
    by_answer = defaultdict(list)
    for check in checks:
        status = check["status"]
        by_answer[str(status) if status else f"no answer ({check['error']})"].append(check)
    rows = []
    for name, group in {"all": checks, **dict(sorted(by_answer.items()))}.items():
        times = [check["ms"] for check in group]
        rows.append(
            f"| {name} | {len(group)} | {percentile(times, 0.5):.0f} | "
            f"{percentile(times, 0.95):.0f} | {percentile(times, 0.99):.0f} | {max(times):.0f} |"
        )
    times = [check["ms"] for check in checks]
    p95 = percentile(times, 0.95)
    slow = sum(ms > HEALTH_LIMIT_MS for ms in times)
    return [
        "| health checks (`GET /health/`, 1 per second) | checks | p50 ms | p95 ms | p99 ms | "
        "max ms |",
        "|---|---:|---:|---:|---:|---:|",
        *rows,
        "",
        f"The 95th percentile of all health checks was {p95:.0f} ms: "
        f"{'within' if p95 <= HEALTH_LIMIT_MS else 'above'} the {HEALTH_LIMIT_MS} ms "
        f"the check may take under load; {slow} of {len(checks)} checks took longer.",
    ]


def submission_table(submissions: list[dict], stored: dict[str, list[str]]) -> list[str]:
    acknowledged = defaultdict(list)
    outcomes = defaultdict(Counter)
    for event in submissions:
        outcomes[event["form"]][event["outcome"]] += 1
        if event["outcome"] == "acknowledged":
            acknowledged[event["form"]].append(event["marker"])
    rows = []
    for form in FORMS:
        counted = tally(acknowledged[form.name], stored[form.name])
        other = ", ".join(
            f"{outcome}: {count}"
            for outcome, count in outcomes[form.name].items()
            if outcome != "acknowledged"
        )
        rows.append(
            f"| {form.name} | {counted.acknowledged} | {counted.stored} | {counted.lost} | "
            f"{counted.duplicates} | {counted.stored_unacknowledged} | {other or '–'} |"
        )
    return [
        "| form | acknowledged | stored | lost | duplicates | stored, not acknowledged | "
        "other outcomes |",
        "|---|---:|---:|---:|---:|---:|---|",
        *rows,
    ]


def mail_outbox(worker: MailWorker, *, seconds: float = 30) -> str:
    """The mails of the run by status, once the worker has sent the waiting ones (or
    `seconds` have passed). Needs Django set up."""
    from portal.models import MailStatus, OutgoingMail

    deadline = time.time() + seconds
    while OutgoingMail.objects.filter(status=MailStatus.WAITING).exists():
        if time.time() > deadline:
            break
        time.sleep(1)
    statuses = Counter(OutgoingMail.objects.values_list("status", flat=True))
    counts = ", ".join(f"{status}: {count}" for status, count in sorted(statuses.items()))
    restarts = (
        f"exited {worker.exits} times and was started again a second later each time"
        if worker.exits
        else "ran throughout"
    )
    return f"Mails in the outbox after the run: {counts or 'none'}. The mail worker {restarts}."


def fault_table(requests: list[dict], faults: dict[str, float]) -> list[str]:
    """When the outage showed and ended, and what the graceful restart cost."""
    stopped, back = faults["database stopped"], faults["database back"]
    restart = faults["gunicorn SIGHUP"]
    answers = sorted((r["t"] + r["ms"] / 1000, kind_of(r), r["ms"]) for r in requests)
    outage = [(end, kind) for end, kind, _ms in answers if stopped <= end < restart]

    def first(condition, since: float) -> str:
        moment = next((end for end, kind in outage if end >= since and condition(kind)), None)
        return "–" if moment is None else f"+{moment - since:.1f} s"

    last_failure = max((end for end, kind in outage if kind != "ok" and end >= back), default=None)
    in_window = [
        (kind, ms) for end, kind, ms in answers if restart <= end < restart + RESTART_WINDOW
    ]
    restart_errors = Counter(kind for kind, _ms in in_window if kind != "ok")
    return [
        "| fault | |",
        "|---|---|",
        f"| PostgreSQL away (stop until accepting again) | {back - stopped:.1f} s |",
        f"| first error or 503 after the stop | {first(lambda kind: kind != 'ok', stopped)} |",
        f"| first 503 after the stop | {first(lambda kind: kind.startswith('503'), stopped)} |",
        f"| first successful answer after PostgreSQL returned | "
        f"{first(lambda kind: kind == 'ok', back)} |",
        "| recovery: last error after PostgreSQL returned | "
        + ("none" if last_failure is None else f"+{last_failure - back:.1f} s")
        + " |",
        f"| errors within {RESTART_WINDOW} s of the graceful restart (SIGHUP) | "
        f"{', '.join(f'{k}: {n}' for k, n in restart_errors.items()) or 'none'} |",
        f"| slowest answer within {RESTART_WINDOW} s of the restart | "
        f"{max((ms for _kind, ms in in_window), default=0):.0f} ms |",
    ]


def timeline_table(requests: list[dict], faults: dict[str, float], started: float) -> list[str]:
    """Answers per 10 s of the run by the moment they came back, with the faults."""
    buckets = defaultdict(list)
    for r in requests:
        buckets[int((r["t"] + r["ms"] / 1000 - started) // 10)].append(r)
    marks = defaultdict(list)
    for fault, moment in faults.items():
        marks[int((moment - started) // 10)].append(f"{fault} at {moment - started:.0f} s")
    rows = []
    for bucket in range(max([*buckets, *marks]) + 1):
        answers = buckets[bucket]
        times = sorted(r["ms"] for r in answers)
        errors = Counter(kind_of(r) for r in answers)
        del errors["ok"]
        rows.append(
            f"| {bucket * 10}–{bucket * 10 + 10} s | {len(answers)} | "
            f"{statistics.median(times) if times else 0:.0f} | {times[-1] if times else 0:.0f} | "
            f"{', '.join(f'{k}: {n}' for k, n in errors.items()) or '–'} | "
            f"{'; '.join(marks[bucket]) or ''} |"
        )
    return [
        "| answered | answers | median ms | slowest ms | errors | fault |",
        "|---|---:|---:|---:|---|---|",
        *rows,
    ]


def write_section(kind: str, section: str) -> None:
    """Replaces the run kind's section in docs/reliability.md, between its markers."""
    start, end = f"<!-- {kind} run: start -->", f"<!-- {kind} run: end -->"
    text = REPORT.read_text()
    before, rest = text.split(start, 1)
    _old, after = rest.split(end, 1)
    REPORT.write_text(f"{before}{start}\n{section}{end}{after}")


if __name__ == "__main__":
    sys.exit(main())
