"""The kernel: Jupyter's messages mapped onto the server's requests.

Every output block is a MIME bundle from the server. Text alone goes out as a stream (stderr
for an error shown along the way), anything richer as display_data; a long step's progress is
one display updated in place (update_display_data), shown only once the step has run half a
second (as the shell's bar is: a short step shows none) and left at its last count when it ends;
the error that ends a cell is a Jupyter error, so a failed `expect` fails the cell and stops Run
All.
"""

import signal
import time

from ipykernel.kernelbase import Kernel

from . import __version__
from .server import Server, ServerGone


def progress_text(done, total):
    width = 40
    filled = done * width // max(total, 1)
    return f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} steps ({done * 100 // max(total, 1)}%)"


class DropoutKernel(Kernel):
    implementation = "dropout_kernel"
    implementation_version = __version__
    language = "dropout"
    banner = "dropout: Hinton's dropout on the tutorial's network. Type 'help'."

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.server = Server()
        info = self.server.reply({"type": "info"})
        self.language_version = info.get("version", "")
        self.language_info = {
            "name": "dropout",
            "version": info.get("version", ""),
            "mimetype": info.get("mimetype", "text/x-dropout"),
            "file_extension": info.get("file_extension", ".dropout"),
        }
        self.progress_shown = 0
        self.fresh_session = False

    def _server(self):
        """The server, started anew if it has ended (after `quit`, or a crash): the session is
        then a fresh one, and the next cell says so."""
        if not self.server.alive():
            self.server = Server()
            self.fresh_session = True
        return self.server

    def do_execute(self, code, silent, store_history=True, user_expressions=None, allow_stdin=False, **kwargs):
        # SIGINT (the interrupt, sent to this process or its whole group) goes to the server,
        # which stops long work as Ctrl-C does; this process goes on reading its reply.
        previous = signal.signal(signal.SIGINT, lambda *_: self.server.interrupt())
        try:
            reply = self._run(code, silent)
        except ServerGone as gone:
            reply = {"status": "error", "ename": "ServerGone", "evalue": str(gone), "traceback": [f"error: {gone}"]}
        finally:
            signal.signal(signal.SIGINT, previous)
        if reply.get("status") == "ok":
            return {"status": "ok", "execution_count": self.execution_count, "payload": [], "user_expressions": {}}
        error = {
            "ename": reply.get("ename", "DropoutError"),
            "evalue": reply.get("evalue", ""),
            "traceback": reply.get("traceback", []),
        }
        if not silent:
            self.send_response(self.iopub_socket, "error", error)
        return dict(error, status="error", execution_count=self.execution_count)

    # Seconds a step runs before its progress is shown; times decide only whether it is drawn.
    progress_delay = 0.5

    def _run(self, code, silent):
        display = None
        self.progress_started = None
        reply = {}
        server = self._server()
        if self.fresh_session and not silent:
            text = "(the session before this one has ended; this cell runs in a fresh session)\n"
            self.send_response(self.iopub_socket, "stream", {"name": "stderr", "text": text})
        self.fresh_session = False
        for message in server.request({"type": "run", "code": code}):
            kind = message.get("type")
            if kind == "reply":
                reply = message
                if message.get("quit"):
                    server.close()
            elif silent:
                continue
            elif kind == "output":
                self._show(message)
            elif kind == "progress":
                display = self._progress(message, display)
        return reply

    def _show(self, message):
        data = message.get("data", {})
        if set(data) == {"text/plain"}:
            name = "stderr" if message.get("error") else "stdout"
            self.send_response(self.iopub_socket, "stream", {"name": name, "text": data["text/plain"] + "\n"})
        else:
            self.send_response(self.iopub_socket, "display_data", {"data": data, "metadata": {}})

    def _progress(self, message, display):
        done, total = message.get("done", 0), message.get("total", 0)
        # The finished display keeps its last count: Jupyter cannot take one output out of a
        # cell (clearing the cell and sending the rest again would print it all twice in a
        # terminal front end such as jupyter console), and an emptied display would stay in a
        # saved notebook as an empty output.
        if message.get("finished"):
            if display is not None:
                self._display("update_display_data", display, progress_text(done, total))
            self.progress_started = None
            return None
        if display is None:
            now = time.monotonic()
            if self.progress_started is None:
                self.progress_started = now
            if done >= total or now - self.progress_started < self.progress_delay:
                return None
            self.progress_shown += 1
            display = f"dropout-progress-{self.ident}-{self.progress_shown}"
            self._display("display_data", display, progress_text(done, total))
        else:
            self._display("update_display_data", display, progress_text(done, total))
        return display

    def _display(self, kind, display, text):
        content = {"data": {"text/plain": text}, "metadata": {}, "transient": {"display_id": display}}
        self.send_response(self.iopub_socket, kind, content)

    def do_complete(self, code, cursor_pos):
        reply = self._server().reply({"type": "complete", "code": code, "cursor": cursor_pos})
        if reply.get("status") != "ok":
            return {"status": "ok", "matches": [], "cursor_start": cursor_pos, "cursor_end": cursor_pos, "metadata": {}}
        return {
            "status": "ok",
            "matches": reply["matches"],
            "cursor_start": reply["cursor_start"],
            "cursor_end": reply["cursor_end"],
            "metadata": {},
        }

    def do_inspect(self, code, cursor_pos, detail_level=0, omit_sections=()):
        reply = self._server().reply({"type": "inspect", "code": code, "cursor": cursor_pos})
        found = reply.get("status") == "ok" and reply.get("found", False)
        return {"status": "ok", "found": found, "data": reply.get("data", {}) if found else {}, "metadata": {}}

    def do_is_complete(self, code):
        reply = self._server().reply({"type": "is_complete", "code": code})
        return {"status": reply.get("completeness", "unknown")}

    def do_shutdown(self, restart):
        self.server.close()
        return {"status": "ok", "restart": restart}
