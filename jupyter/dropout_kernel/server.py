"""The `dropout serve --stdio` child process and its protocol (docs/serve-protocol.md)."""

import json
import os
import shutil
import signal
import subprocess


class ServerGone(Exception):
    """The server process ended or stopped answering in the protocol."""


def binary():
    """The dropout binary: $DROPOUT_BINARY (the kernelspec sets it), else `dropout` on PATH."""
    path = os.environ.get("DROPOUT_BINARY") or shutil.which("dropout")
    if not path:
        raise ServerGone("no dropout binary: set DROPOUT_BINARY or put dropout on PATH")
    return path


class Server:
    """One `dropout serve --stdio` process: one session, requests answered in order.

    It stays in the kernel's process group, so the interrupt and the kill that jupyter_client
    sends to the group reach it too: no server outlives its kernel.
    """

    def __init__(self):
        self.process = subprocess.Popen([binary(), "serve", "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0

    def request(self, fields):
        """Sends a request and yields each message of it, the reply last."""
        self.next_id += 1
        identifier = self.next_id
        line = json.dumps(dict(fields, id=identifier), ensure_ascii=False) + "\n"
        try:
            self.process.stdin.write(line.encode("utf-8"))
            self.process.stdin.flush()
        except (BrokenPipeError, OSError) as error:
            raise ServerGone(f"the dropout server has ended ({error})") from error
        while True:
            raw = self.process.stdout.readline()
            if not raw:
                raise ServerGone(f"the dropout server ended (exit status {self.process.wait()})")
            try:
                message = json.loads(raw)
            except ValueError as error:
                raise ServerGone(f"the dropout server sent a line that is not JSON: {raw[:80]!r}") from error
            if message.get("id") != identifier:
                continue
            yield message
            if message.get("type") == "reply":
                return

    def reply(self, fields):
        """The reply alone, for requests that stream nothing."""
        messages = list(self.request(fields))
        return messages[-1]

    def interrupt(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)

    def alive(self):
        return self.process.poll() is None

    def close(self):
        """Ends the session: end of input asks the server to leave, and one still busy after a
        second (in a long step, which reads no input) is killed, so a restart never waits."""
        if self.process.poll() is not None:
            return
        try:
            self.process.stdin.close()
            self.process.wait(timeout=1)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
