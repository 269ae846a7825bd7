"""Programs some tests need from Debian (nginx, openssl, pg_dump; CI installs them in .ci/run),
and a free port for the servers tests start."""

import os
import shutil
import socket
import subprocess
import time

import pytest

# Debian puts nginx in /usr/sbin, which a non-root PATH often lacks.
SEARCH_PATH = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/usr/local/sbin"])


def require_tool(name: str, package: str) -> str:
    """The program's path; skip the test without it, except on CI, which must run it."""
    path = shutil.which(name, path=SEARCH_PATH)
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but {name} is missing: apt-get install {package}", pytrace=False)
    pytest.skip(f"{name} is not installed (apt-get install {package})")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 30) -> None:
    """Return once process listens on port; AssertionError if it stops or takes too long."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the process for port {port} stopped"
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError(f"nothing listens on port {port} after {seconds} s")
