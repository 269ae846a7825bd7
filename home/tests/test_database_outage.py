"""PostgreSQL goes away mid-run: residents get the error page quickly, and the site comes back
by itself when the database does.

The site (a live server answering every request in one thread, as a gunicorn worker does, so
its connection is kept between requests) reaches the test database through a TCP relay the
test can cut: refused (the database stopped), silent (a host that takes the connection and
never answers) and restarted (every open connection dropped).
"""

import contextlib
import http.client
import socket
import threading
import time
import unittest

from django.core.servers.basehttp import WSGIServer
from django.db import connection
from django.test import LiveServerTestCase
from django.test.testcases import LiveServerThread, QuietWSGIRequestHandler

from core.tests.tools import free_port
from home.factories import make_site_home

ERROR_PAGE = "服务器暂时出错"


def pump(source: socket.socket, target: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            target.sendall(data)
    except OSError:
        pass


class DatabaseLink:
    """A TCP relay in front of PostgreSQL that the test can cut."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.port = free_port()
        self.listener: socket.socket | None = None
        self.answering = False
        self.open_connections: list[socket.socket] = []

    def up(self, answering: bool = True) -> None:
        self.answering = answering
        if self.listener is None:
            self.listener = socket.socket()
            self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.listener.bind(("127.0.0.1", self.port))
            self.listener.listen(16)
            self.listener.settimeout(0.05)
            threading.Thread(target=self.relay, args=(self.listener,), daemon=True).start()

    def relay(self, listener: socket.socket) -> None:
        while self.listener is listener:
            if not self.answering:
                time.sleep(0.02)
                continue
            try:
                client, _ = listener.accept()
            except OSError:
                continue
            server = socket.create_connection(self.target)
            self.open_connections += [client, server]
            threading.Thread(target=pump, args=(client, server), daemon=True).start()
            threading.Thread(target=pump, args=(server, client), daemon=True).start()

    def restart(self) -> None:
        """Every open connection is dropped, as when PostgreSQL restarts."""
        for sock in self.open_connections:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self.open_connections.clear()

    def stop(self) -> None:
        """Nothing listens any more: connections are refused."""
        self.restart()
        listener, self.listener = self.listener, None
        if listener:
            # Shut down first: a listener closed under the relay's accept() would linger.
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()

    def go_silent(self) -> None:
        """Connections are taken but never answered, like a host that has hung."""
        self.stop()
        self.up(answering=False)


class OneThreadServer(LiveServerThread):
    """Answers every request in its own thread, like a gunicorn worker: the database
    connection is kept between requests (CONN_MAX_AGE), not opened per request."""

    def _create_server(self, connections_override=None):
        return WSGIServer(
            (self.host, self.port), QuietWSGIRequestHandler, allow_reuse_address=False
        )


@unittest.skipUnless(connection.vendor == "postgresql", "a database server outage")
class DatabaseOutageTests(LiveServerTestCase):
    server_thread_class = OneThreadServer
    # Another transactional test may have flushed what migrations created (the root page).
    serialized_rollback = True

    def setUp(self):
        make_site_home(title="九江文明网")
        # The server's connections (opened from the same settings, on first use) go through
        # the link from now on; production keeps them for a minute (DB_CONN_MAX_AGE).
        database = connection.settings_dict
        self.connect_timeout = database["OPTIONS"].get("connect_timeout")
        self.assertIsNotNone(self.connect_timeout, "the settings set no connect_timeout")
        self.link = DatabaseLink((database["HOST"] or "127.0.0.1", int(database["PORT"] or 5432)))
        self.link.up()
        saved = {key: database[key] for key in ("HOST", "PORT", "CONN_MAX_AGE")}
        database.update(HOST="127.0.0.1", PORT=self.link.port, CONN_MAX_AGE=60)
        self.addCleanup(database.update, saved)
        self.addCleanup(self.link.stop)

    def visit(self) -> tuple[int, str, float]:
        """A resident opens the home page: status, page text, seconds waited."""
        started = time.monotonic()
        web = http.client.HTTPConnection(self.server_thread.host, self.server_thread.port, 10)
        try:
            web.request("GET", "/")
            response = web.getresponse()
            return response.status, response.read().decode(), time.monotonic() - started
        finally:
            web.close()

    def assert_error_page_within(self, seconds: float) -> None:
        status, page, waited = self.visit()
        self.assertEqual(status, 500)
        self.assertIn(ERROR_PAGE, page)
        self.assertLess(waited, seconds)

    def test_residents_get_the_error_page_quickly_and_the_site_comes_back_by_itself(self):
        status, page, _ = self.visit()
        self.assertEqual((status, ERROR_PAGE in page), (200, False))

        self.link.stop()
        self.assert_error_page_within(1)
        self.assert_error_page_within(1)

        # A silent host is given up on after connect_timeout (DB_CONNECT_TIMEOUT, 3 s), not
        # psycopg's two minutes.
        self.link.go_silent()
        self.assert_error_page_within(float(self.connect_timeout) + 1.5)

        self.link.up()
        self.assertEqual(self.visit()[0], 200)

    def test_the_first_request_after_a_database_restart_is_answered(self):
        self.assertEqual(self.visit()[0], 200)
        self.link.restart()  # the server's kept connection is now dead
        status, page, _ = self.visit()
        self.assertEqual(status, 200, page[:200])
