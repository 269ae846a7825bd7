"""deploy/nginx/wenming.conf, run for real: Debian's nginx in front of a stand-in app.

The shipped file is copied with its folders, certificate, ports and upstream moved into a
temporary folder, checked with `nginx -t` and served; a small HTTP server stands in for
gunicorn and records what reaches it.
"""

import http.client
import os
import pwd
import re
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.conf import settings

from core.tests.tools import free_port, require_tool, wait_for_port

CONF = settings.BASE_DIR / "deploy" / "nginx" / "wenming.conf"
HOST = "wenming.example"
PHOTO = b"resident's private nomination photo"


class App(ThreadingHTTPServer):
    """Stands in for gunicorn: answers every request and keeps what it received."""

    def __init__(self, port: int):
        self.received: list[dict] = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(handler):  # noqa: N805 - the handler, not the server
                body = handler.rfile.read(int(handler.headers.get("Content-Length", 0)))
                self.received.append(
                    {"path": handler.path, "headers": handler.headers, "length": len(body)}
                )
                handler.send_response(200)
                handler.send_header("Content-Type", "text/plain; charset=utf-8")
                handler.end_headers()
                handler.wfile.write(b"from the app")

            do_POST = do_GET

            def log_message(handler, *args):  # noqa: N805
                pass

        super().__init__(("127.0.0.1", port), Handler)


@dataclass
class Proxy:
    nginx: str
    folder: Path
    http_port: int
    https_port: int
    app_port: int
    app: App | None = None
    process: subprocess.Popen | None = None

    def start_app(self) -> None:
        self.app = App(self.app_port)
        threading.Thread(target=self.app.serve_forever, daemon=True).start()

    def stop_app(self) -> None:
        self.app.shutdown()
        self.app.server_close()

    def request(self, method: str, path: str, body: bytes | None = None, **headers: str):
        """(status, headers, body) of one HTTPS request through nginx."""
        connection = http.client.HTTPSConnection(
            "127.0.0.1", self.https_port, context=insecure_tls(), timeout=10
        )
        try:
            connection.request(method, path, body=body, headers={"Host": HOST, **headers})
            response = connection.getresponse()
            return response.status, response.headers, response.read()
        finally:
            connection.close()


def insecure_tls() -> ssl.SSLContext:
    # The test's own self-signed certificate.
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def site_config(folder: Path, proxy: Proxy) -> str:
    """The shipped file with its production folders, certificate and ports moved to the test's."""
    text = CONF.read_text()
    moves = {
        "/srv/wenming/": f"{folder}/srv/",
        "/etc/ssl/wenming/": f"{folder}/tls/",
        "listen 80;": f"listen 127.0.0.1:{proxy.http_port};",
        "listen 443 ssl;": f"listen 127.0.0.1:{proxy.https_port} ssl;",
        "server 127.0.0.1:8000 ": f"server 127.0.0.1:{proxy.app_port} ",
    }
    for old, new in moves.items():
        assert old in text, f"{CONF.name} no longer has {old!r}: update this test"
        text = text.replace(old, new)
    return text


def main_config(folder: Path) -> str:
    """What Debian's /etc/nginx/nginx.conf gives a site file, kept inside the test's folder."""
    # As root, nginx's workers would drop to nobody, who cannot read the test's folder.
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};" if os.geteuid() == 0 else ""
    temp = "\n".join(
        f"    {kind}_temp_path {folder}/temp/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""{user}
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {folder}/access.log;
{temp}
    include {folder}/wenming.conf;
}}
"""


def lay_out(folder: Path, openssl: str) -> None:
    """The project's folders with a file in each, the error page, and a certificate."""
    srv = folder / "srv"
    for path, content in {
        "staticfiles/css/site.css": b"body { color: #c00; }",
        "media/images/lei-feng.jpg": b"a public image",
        "media/documents/private-report.pdf": b"a document in a private collection",
        "private-media/nominations/photo.jpg": PHOTO,
    }.items():
        (srv / path).parent.mkdir(parents=True, exist_ok=True)
        (srv / path).write_bytes(content)
    (srv / "deploy" / "nginx").mkdir(parents=True)
    shutil.copy(CONF.parent / "50x.html", srv / "deploy" / "nginx" / "50x.html")
    (folder / "tls").mkdir()
    subprocess.run(  # noqa: S603 - our own argument list
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", f"/CN={HOST}", "-keyout", str(folder / "tls" / "privkey.pem")]
        + ["-out", str(folder / "tls" / "fullchain.pem")],
        check=True,
        capture_output=True,
    )
    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / "temp" / kind).mkdir(parents=True)


def nginx_command(nginx: str, folder: Path, *args: str) -> list[str]:
    main = str(folder / "nginx.conf")
    return [nginx, "-p", str(folder), "-e", str(folder / "error.log"), "-c", main, *args]


@pytest.fixture(scope="module")
def proxy(tmp_path_factory) -> Iterator[Proxy]:
    nginx = require_tool("nginx", "nginx")
    openssl = require_tool("openssl", "openssl")
    folder = tmp_path_factory.mktemp("nginx")
    proxy = Proxy(nginx, folder, free_port(), free_port(), free_port())
    lay_out(folder, openssl)
    (folder / "wenming.conf").write_text(site_config(folder, proxy))
    (folder / "nginx.conf").write_text(main_config(folder))
    proxy.start_app()
    proxy.process = subprocess.Popen(  # noqa: S603 - our own argument list
        nginx_command(nginx, folder, "-g", "daemon off;"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_port(proxy.https_port, proxy.process, seconds=10)
        yield proxy
    finally:
        proxy.process.terminate()
        proxy.process.wait(timeout=10)
        proxy.stop_app()


@pytest.fixture
def app(proxy) -> App:
    """The stand-in app, with nothing received yet."""
    proxy.app.received.clear()
    return proxy.app


def limit_in_bytes() -> int:
    size = re.search(r"client_max_body_size (\d+)m;", CONF.read_text())
    return int(size.group(1)) * 1024 * 1024


def test_nginx_accepts_the_configuration(proxy):
    result = subprocess.run(  # noqa: S603 - our own argument list
        nginx_command(proxy.nginx, proxy.folder, "-t"), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def test_the_body_limit_lets_the_largest_upload_through_and_little_more():
    largest = max(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
    assert largest < limit_in_bytes() <= largest + 2 * 1024 * 1024


def test_a_20_mb_document_reaches_the_app(proxy, app):
    body = b"x" * (settings.WAGTAILDOCS_MAX_UPLOAD_SIZE + 64 * 1024)  # the file and its form
    status, _, answer = proxy.request("POST", "/admin/documents/multiple/add/", body)
    assert (status, answer) == (200, b"from the app")
    assert [r["length"] for r in app.received] == [len(body)]


def raw_request(proxy: Proxy, head: bytes, chunks: Iterable[bytes] = ()):
    """Send a request head, then body chunks until nginx answers: (its answer's head, the
    number of body bytes sent)."""
    raw = socket.create_connection(("127.0.0.1", proxy.https_port), timeout=10)
    sent = 0
    with insecure_tls().wrap_socket(raw, server_hostname=HOST) as tls:
        tls.sendall(head)
        answer = b""
        try:
            for chunk in chunks:
                if answer := early_answer(tls):
                    break
                tls.sendall(chunk)
                sent += len(chunk)
        except OSError:
            pass  # nginx has refused the body and closed its side
        # Only the head: nginx then reads and drops the rest of a refused body for a while.
        while b"\r\n\r\n" not in answer and (part := tls.recv(65536)):
            answer += part
        return answer, sent


def early_answer(tls: ssl.SSLSocket) -> bytes:
    """What nginx has answered so far, without waiting."""
    tls.settimeout(0)
    try:
        return tls.recv(65536)
    except ssl.SSLWantReadError:
        return b""
    finally:
        tls.settimeout(10)


def test_a_200_mb_body_is_refused_before_it_is_sent(proxy, app):
    head = (
        f"POST /haoren/ HTTP/1.1\r\nHost: {HOST}\r\nContent-Length: {200 * 1024 * 1024}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n\r\n"
    ).encode()
    started = time.monotonic()
    answer, _ = raw_request(proxy, head)
    assert answer.startswith(b"HTTP/1.1 413 "), answer[:200]
    assert time.monotonic() - started < 2
    assert app.received == []


def test_a_chunked_body_is_cut_off_at_the_limit(proxy, app):
    head = (
        f"POST /haoren/ HTTP/1.1\r\nHost: {HOST}\r\nTransfer-Encoding: chunked\r\n\r\n"
    ).encode()
    megabyte = b"100000\r\n" + b"x" * 0x100000 + b"\r\n"
    answer, sent = raw_request(proxy, head, iter([megabyte] * 200 + [b"0\r\n\r\n"]))
    assert answer.startswith(b"HTTP/1.1 413 "), answer[:200]
    assert sent < 30 * 1024 * 1024  # answered near the 21 MB limit, not after 200 MB
    assert app.received == []


def test_a_request_reaches_the_app_with_the_headers_the_settings_trust(proxy, app):
    status, _, answer = proxy.request(
        "GET",
        "/news/?page=2",
        **{"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "http"},
    )
    assert (status, answer) == (200, b"from the app")
    [request] = app.received
    assert request["path"] == "/news/?page=2"
    assert request["headers"]["Host"] == HOST
    assert request["headers"]["X-Forwarded-Proto"] == "https"  # the client's claim is replaced
    # The address nginx saw comes last: with WENMING_TRUSTED_PROXIES=1 the app takes it, not
    # the forged one in front.
    assert request["headers"]["X-Forwarded-For"] == "203.0.113.9, 127.0.0.1"


def test_plain_http_is_sent_to_https(proxy, app):
    connection = http.client.HTTPConnection("127.0.0.1", proxy.http_port, timeout=10)
    connection.request("GET", "/news/?page=2", headers={"Host": HOST})
    response = connection.getresponse()
    assert response.status == 301
    assert response.headers["Location"] == f"https://{HOST}/news/?page=2"
    connection.close()
    assert app.received == []


def test_static_files_and_public_media_come_from_their_folders(proxy, app):
    status, headers, body = proxy.request("GET", "/static/css/site.css")
    assert (status, body) == (200, b"body { color: #c00; }")
    assert headers["Content-Type"] == "text/css"
    status, _, body = proxy.request("GET", "/media/images/lei-feng.jpg")
    assert (status, body) == (200, b"a public image")
    assert app.received == []


def test_documents_and_private_photos_are_never_served_from_disk(proxy, app):
    status, _, body = proxy.request("GET", "/media/documents/private-report.pdf")
    assert status == 404
    assert b"private collection" not in body
    for path in (
        "/private-media/nominations/photo.jpg",
        "/media/../private-media/nominations/photo.jpg",
        "/media/%2e%2e/private-media/nominations/photo.jpg",
        "/static/../private-media/nominations/photo.jpg",
    ):
        _, _, body = proxy.request("GET", path)
        assert PHOTO not in body, path
    assert "private-media" not in CONF.read_text().replace("PRIVATE_MEDIA_ROOT", "")


def test_residents_get_a_chinese_page_while_the_app_is_down(proxy):
    proxy.stop_app()
    try:
        status, headers, body = proxy.request("GET", "/")
    finally:
        proxy.start_app()
    assert status == 502
    assert "网站暂时无法访问" in body.decode()
    assert proxy.request("GET", "/")[0] == 200
