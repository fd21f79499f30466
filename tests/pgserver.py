"""A throwaway PostgreSQL server for the tests: initdb + pg_ctl in a temporary folder.

The server listens on a Unix socket in its own folder only (no TCP port, so parallel
runs never collide) and is stopped and deleted afterwards. initdb refuses to run as
root, so when the tests run as root (CI does) the server runs as the unprivileged
``postgres`` user (Debian's postgresql package makes it) through ``runuser``.
``find_bin_dir`` returns None when PostgreSQL is not installed: the fixtures then
skip with that reason, never pass silently.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

SUPERUSER = "giaoban_test"
SERVER_USER = "postgres"  # who runs the server when the tests run as root


def find_bin_dir() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres: PATH first, then Debian's place."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(os.path.realpath(found)).parent
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.access(os.path.join(d, "pg_ctl"), os.X_OK):
            return Path(d)
    return None


def unavailable_reason() -> str | None:
    """None when a test server can be started here, else why not."""
    if os.name != "posix":
        return "the PostgreSQL test server runs on a Unix socket (POSIX only)"
    if find_bin_dir() is None:
        return "PostgreSQL is not installed (no initdb/pg_ctl; Debian: apt-get install postgresql)"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg (psycopg[binary]) is not installed"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SERVER_USER)
        except KeyError:
            return f'tests run as root and there is no "{SERVER_USER}" user to run the server'
        if shutil.which("runuser") is None:
            return "tests run as root and runuser is not installed"
    return None


@dataclass
class Server:
    """A running test server: its socket folder and how to reach a database on it."""

    socket_dir: Path
    port: int
    bin_dir: Path
    data_dir: Path
    options: str

    def stop(self) -> None:
        """Stop the server now (as a crash or an administrator would), files kept."""
        _pg_ctl(self, "-m", "immediate", "stop")

    def start(self) -> None:
        _pg_ctl(self, "-o", self.options, "-l", str(self.data_dir.parent / "server.log"), "-w",
                "start")

    def url(self, dbname: str, user: str = SUPERUSER) -> str:
        """The app's ``postgresql://USER@HOST:PORT/DB`` form, HOST being the socket folder."""
        return f"postgresql://{user}@{quote(str(self.socket_dir), safe='')}:{self.port}/{dbname}"

    def connect(self, dbname: str = "postgres", user: str = SUPERUSER):  # type: ignore[no-untyped-def]
        import psycopg

        return psycopg.connect(
            host=str(self.socket_dir), port=self.port, dbname=dbname, user=user, autocommit=True
        )

    def create_database(self, template: str | None = None) -> str:
        """A new empty database (or a copy of ``template``); its name."""
        name = "t_" + uuid.uuid4().hex[:12]
        with self.connect() as conn:
            tpl = f" TEMPLATE {template}" if template else ""
            conn.execute(f"CREATE DATABASE {name}{tpl}")
        return name

    def drop_database(self, name: str) -> None:
        with self.connect() as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def sql(self, statement: str, dbname: str = "postgres") -> None:
        with self.connect(dbname) as conn:
            conn.execute(statement)


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", SERVER_USER, "--", *cmd]
    return cmd


def _pg_ctl(server: Server, *args: str) -> None:
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    subprocess.run(
        _as_server_user([str(server.bin_dir / "pg_ctl"), "-D", str(server.data_dir), *args]),
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )


@contextmanager
def running_server() -> Iterator[Server]:
    """Start a fresh server for the block's duration, then stop it and delete its files."""
    bin_dir = find_bin_dir()
    assert bin_dir is not None
    base = Path(tempfile.mkdtemp(prefix="giaoban-pg-"))
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    if os.geteuid() == 0:
        pw_entry = pwd.getpwnam(SERVER_USER)
        for p in (base, sock):
            os.chown(p, pw_entry.pw_uid, pw_entry.pw_gid)
        os.chmod(base, 0o755)
    port = 5432
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    subprocess.run(
        _as_server_user(
            [str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust",
             "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]
        ),
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
    )
    options = f"-c listen_addresses='' -k {sock} -p {port} -c fsync=off -c full_page_writes=off"
    server = Server(sock, port, bin_dir, data, options)
    server.start()
    try:
        yield server
    finally:
        subprocess.run(
            _as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
        )
        shutil.rmtree(base, ignore_errors=True)
