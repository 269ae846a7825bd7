"""The files in deploy/ agree with each other and with the code they start."""

import configparser
import re
import shlex

from django.conf import settings
from django.core.management import get_commands

DEPLOY = settings.BASE_DIR / "deploy"


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read_string((DEPLOY / "systemd" / name).read_text())
    return parser


def test_nginx_sends_requests_where_gunicorn_listens():
    command = shlex.split(unit("wenming.service")["Service"]["ExecStart"])
    bind = command[command.index("--bind") + 1]
    upstream = re.search(
        r"upstream wenming_app \{\s*server (\S+)", (DEPLOY / "nginx" / "wenming.conf").read_text()
    )
    assert upstream.group(1) == bind
    assert command[1] == "wenming.wsgi"


def test_each_timer_starts_a_service_that_runs_an_existing_command():
    timers = sorted((DEPLOY / "systemd").glob("*.timer"))
    assert [timer.stem for timer in timers] == ["wenming-backup", "wenming-publish-scheduled"]
    for timer in timers:
        command = shlex.split(unit(f"{timer.stem}.service")["Service"]["ExecStart"])
        assert command[1] == "manage.py"
        assert command[2] in get_commands(), command
