"""The dropout kernel under jupyter_kernel_test's conformance suite, and what that suite does
not reach: rich output, progress as one updated display, a failed expect, interrupt, restart.

Run by jupyter/test.sh, which installs the kernelspec where JUPYTER_PATH finds it and names
the binary in DROPOUT_BINARY.
"""

import os
import re
import shutil
import tempfile
import time
import unittest

import jupyter_kernel_test
from jupyter_client.manager import start_new_kernel

SAVED = tempfile.mkdtemp(prefix="dropout-kernel-test-")


def tearDownModule():
    shutil.rmtree(SAVED, ignore_errors=True)


class DropoutKernelConformance(jupyter_kernel_test.KernelTests):
    kernel_name = "dropout"
    language_name = "dropout"
    file_extension = ".dropout"

    # dropout has no print command; save reports the path it wrote, which can say anything.
    code_hello_world = f'save "{SAVED}/hello, world.json"'
    code_generate_error = "expect 1 > 2"
    code_display_data = [
        {"code": "show boundary", "mime": "image/svg+xml"},
        {"code": "show synapse_0 heat", "mime": "image/svg+xml"},
        {"code": "help", "mime": "text/html"},
    ]
    completion_samples = [
        {"text": "set dr", "matches": {"dropout"}},
        {"text": "ste", "matches": {"step"}},
        {"text": "set scaling c", "matches": {"classic"}},
    ]
    complete_code_samples = ["step 10", "set seed 3\nstep 10\nshow loss", ""]
    invalid_code_samples = ['run "unclosed']
    code_inspect_sample = "step"


def shell_reply(client, msg_id, timeout=120):
    """The reply to `msg_id`, past any earlier reply still on the channel (kernel_info's)."""
    while True:
        reply = client.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def outputs(client, code, timeout=120):
    """The reply and every iopub message of one execution, until the kernel is idle."""
    msg_id = client.execute(code)
    reply = shell_reply(client, msg_id, timeout)
    messages = []
    while True:
        message = client.get_iopub_msg(timeout=timeout)
        if message["parent_header"].get("msg_id") != msg_id:
            continue
        if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
            return reply, messages
        if message["msg_type"] not in ("status", "execute_input"):
            messages.append(message)


def outputs_after_error(client, code):
    """`outputs` for the first execution after a cell failed: ipykernel aborts execute requests
    that reach it before it has finished aborting the failed cell's queue (Run All's stop), so
    one aborted that way is sent again, a few times at most."""
    for _ in range(10):
        reply, messages = outputs(client, code)
        if reply["content"]["status"] != "aborted":
            return reply, messages
        time.sleep(0.1)
    raise AssertionError(f"{code!r} was aborted ten times")


def stdout(messages):
    return "".join(
        m["content"]["text"] for m in messages if m["msg_type"] == "stream" and m["content"]["name"] == "stdout"
    )


class DropoutKernelBehaviour(unittest.TestCase):
    def setUp(self):
        self.manager, self.client = start_new_kernel(kernel_name="dropout")

    def tearDown(self):
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)

    def test_lines_print_the_shells_text_and_numbers(self):
        reply, messages = outputs(self.client, "set seed 1\nstep 3")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(
            stdout(messages),
            "seed = 1; weights re-drawn, iteration 0\n"
            "iteration 1  Error: 0.494422\niteration 2  Error: 0.525901\niteration 3  Error: 0.495288\n",
        )
        sparkline = [m for m in messages if m["msg_type"] == "display_data" and "image/svg+xml" in m["content"]["data"]]
        self.assertEqual(len(sparkline), 1)
        self.assertTrue(sparkline[0]["content"]["data"]["text/plain"].startswith("error over the run: "))

    def test_a_failed_expect_fails_the_cell_with_its_message(self):
        reply, messages = outputs(self.client, "expect eval.error < 0.001\nstep 1")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "DropoutError")
        self.assertEqual(
            reply["content"]["evalue"], "expected eval.error < 0.001, but it does not hold (eval.error = 0.49641)"
        )
        self.assertEqual([m["msg_type"] for m in messages], ["error"])

    def test_a_long_step_shows_one_display_updated_in_place(self):
        reply, messages = outputs(self.client, "step 2000000")
        self.assertEqual(reply["content"]["status"], "ok")
        created = [m for m in messages if m["msg_type"] == "display_data" and "transient" in m["content"]]
        updates = [m for m in messages if m["msg_type"] == "update_display_data"]
        self.assertEqual(len(created), 1)
        display = created[0]["content"]["transient"]["display_id"]
        self.assertRegex(created[0]["content"]["data"]["text/plain"], r"^\[[#.]{40}\] \d+/2000000 steps \(\d+%\)$")
        self.assertTrue(all(m["content"]["transient"]["display_id"] == display for m in updates))
        # At most one update for each whole percentage, and the last one, at the run's end,
        # leaves the whole count in place of an empty output.
        self.assertLessEqual(len(updates), 101)
        self.assertEqual(updates[-1]["content"]["data"]["text/plain"], f"[{'#' * 40}] 2000000/2000000 steps (100%)")
        # Its ten progress lines are text; the run's end (the post's gradient lets the weights
        # run away over two million steps, and step says so) may follow.
        lines = stdout(messages).splitlines()
        self.assertEqual(len([line for line in lines if line.startswith("iteration ")]), 10)

    def test_a_short_step_shows_no_progress(self):
        reply, messages = outputs(self.client, "step 3")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual([m for m in messages if "transient" in m["content"]], [])
        self.assertEqual([m for m in messages if m["msg_type"] == "update_display_data"], [])

    def test_interrupt_stops_a_long_step_and_keeps_the_steps_that_ran(self):
        msg_id = self.client.execute("step 1000000000\nstep 5")
        while True:
            message = self.client.get_iopub_msg(timeout=60)
            if message["parent_header"].get("msg_id") == msg_id and message["msg_type"] == "display_data":
                break
        self.manager.interrupt_kernel()
        reply = shell_reply(self.client, msg_id)
        messages = []
        while not (
            (message := self.client.get_iopub_msg(timeout=60))["parent_header"].get("msg_id") == msg_id
            and message["msg_type"] == "status"
            and message["content"]["execution_state"] == "idle"
        ):
            if message["parent_header"].get("msg_id") == msg_id:
                messages.append(message)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "Interrupted")
        self.assertEqual(reply["content"]["evalue"], "stopped by an interrupt at line 1 of 2")
        # The progress display is left at the step the run stopped after.
        stopped = re.search(r"interrupted after (\d+) of 1000000000 steps", stdout(messages))
        updates = [m["content"]["data"]["text/plain"] for m in messages if m["msg_type"] == "update_display_data"]
        self.assertRegex(updates[-1], rf"^\[[#.]{{40}}\] {stopped.group(1)}/1000000000 steps \(\d+%\)$")
        # The kernel goes on, in the same session: the steps that ran are kept.
        reply, messages = outputs_after_error(self.client, "expect iteration > 0\nhistory")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertIn("step 1000000000", stdout(messages))
        self.assertNotIn("step 5", stdout(messages))

    def test_restart_starts_a_fresh_session(self):
        outputs(self.client, "set seed 7\nstep 10")
        self.manager.restart_kernel(now=False)
        self.client.wait_for_ready(timeout=60)
        reply, messages = outputs(self.client, "expect iteration == 0\nget seed")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(stdout(messages).splitlines()[-1], "seed = 1")

    def test_restart_during_a_long_step_is_prompt(self):
        self.client.execute("step 1000000000")
        time.sleep(1)
        started = time.monotonic()
        self.manager.restart_kernel(now=False)
        self.client.wait_for_ready(timeout=60)
        self.assertLess(time.monotonic() - started, 30)
        reply, _ = outputs(self.client, "expect iteration == 0")
        self.assertEqual(reply["content"]["status"], "ok")

    def test_after_quit_the_next_cell_says_it_runs_in_a_fresh_session(self):
        outputs(self.client, "step 10\nquit")
        reply, messages = outputs(self.client, "expect iteration == 0")
        self.assertEqual(reply["content"]["status"], "ok")
        notes = [m["content"]["text"] for m in messages if m["msg_type"] == "stream" and m["content"]["name"] == "stderr"]
        self.assertEqual(notes, ["(the session before this one has ended; this cell runs in a fresh session)\n"])

    def test_inspection_is_help(self):
        reply = shell_reply(self.client, self.client.inspect("step 100", 6))
        self.assertTrue(reply["content"]["found"])
        self.assertTrue(reply["content"]["data"]["text/plain"].startswith("usage: step [N] [trace|watch]"))


if __name__ == "__main__":
    unittest.main()
