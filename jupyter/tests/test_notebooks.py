"""Every lesson exported as a notebook (`dropout LESSON --export NAME.ipynb`) is valid for
nbformat, holds the lesson's prose as Markdown cells and each of its `dropout` blocks as one
code cell, and re-runs clean on the dropout kernel under nbclient: each executed cell's text
outputs are, line for line, what the lesson's transcript in transcripts/ recorded for the
cell's commands. A notebook edited to hold a wrong expect fails there, and a long step's
progress leaves its last count in the saved notebook, never an empty output.

Run by jupyter/test.sh, which sets DROPOUT_BINARY, DROPOUT_LESSONS, DROPOUT_TRANSCRIPTS and
JUPYTER_PATH.
"""

import glob
import os
import re
import shutil
import subprocess
import tempfile
import unittest

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

BINARY = os.environ["DROPOUT_BINARY"]
LESSONS = sorted(glob.glob(os.path.join(os.environ["DROPOUT_LESSONS"], "*.md")))
TRANSCRIPTS = os.environ["DROPOUT_TRANSCRIPTS"]
FENCE = re.compile(r"^(`{3,})(\S*)$")
PROGRESS = re.compile(r"^\[[#.]{40}\] \d+/\d+ steps \(\d+%\)$")


def read(path):
    with open(path, encoding="utf-8") as file:
        return file.read()


def fenced_blocks(text):
    """The fenced blocks of Markdown text in order, as (info, lines, first line, line after): a
    block closes at the first line that is its own fence again (the transcripts' fences are
    longer than any run of backticks inside)."""
    lines = text.split("\n")
    blocks = []
    index = 0
    while index < len(lines):
        match = FENCE.match(lines[index])
        if not match:
            index += 1
            continue
        end = lines.index(match.group(1), index + 1)
        blocks.append((match.group(2), lines[index + 1 : end], index, end + 1))
        index = end + 1
    return blocks


def lesson_blocks(path):
    """The lesson's `dropout` blocks outside its collapsed answer, each as its lines, as written."""
    text = re.sub(r"(?ms)^<details><summary>Answer</summary>$.*?^</details>$", "", read(path))
    return ["\n".join(lines).strip("\n") for info, lines, _, _ in fenced_blocks(text) if info == "dropout"]


def commands(lines):
    return [line.strip() for line in lines if line.strip() and not line.strip().startswith("#")]


def transcript_outputs(path):
    """A transcript's commands in order, each with its recorded output as the kernel prints it
    (each output line ended by a newline; nothing when it printed nothing): a `dropout` block
    holds one command, and a plain block right after it is that command's output."""
    recorded = []
    after_command = None
    for info, lines, start, after in fenced_blocks(read(path)):
        if info == "dropout":
            recorded.append([lines[0], ""])
            after_command = after
        elif info == "" and start == after_command:
            recorded[-1][1] = "\n".join(lines) + "\n"
    return recorded


def text_outputs(outputs):
    """A cell's outputs as the text a reader sees, in order: streams as they are, a display's and
    an error's text/plain, each on lines of its own; a step's progress display left out (it
    appears only when the step ran long enough on this machine)."""
    text = ""
    for output in outputs:
        kind = output["output_type"]
        if kind == "stream":
            text += output["text"]
        elif kind == "display_data":
            plain = output["data"].get("text/plain", "")
            if not PROGRESS.match(plain):
                text += plain + "\n"
        elif kind == "error":
            text += "\n".join(output["traceback"]) + "\n"
    return text


def export(lesson, folder):
    path = os.path.join(folder, os.path.basename(lesson).replace(".md", ".ipynb"))
    subprocess.run([BINARY, lesson, "--no-pause", "--export", path], check=True, stdout=subprocess.DEVNULL)
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    return notebook


class LessonNotebooks(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="dropout-notebooks-")

    def tearDown(self):
        shutil.rmtree(self.folder, ignore_errors=True)

    def execute(self, notebook):
        client = NotebookClient(
            notebook, kernel_name="dropout", timeout=1200, resources={"metadata": {"path": self.folder}}
        )
        return client.execute()

    def test_every_lesson_notebook_reruns_to_its_transcript(self):
        self.assertGreater(len(LESSONS), 0, "no lessons found")
        for lesson in LESSONS:
            name = os.path.basename(lesson)
            with self.subTest(lesson=name):
                exported = export(lesson, self.folder)
                self.assertEqual(exported.metadata.kernelspec.name, "dropout")
                code = [cell for cell in exported.cells if cell.cell_type == "code"]
                self.assertEqual([cell.source for cell in code], lesson_blocks(lesson))
                self.assertGreater(len([c for c in exported.cells if c.cell_type == "markdown"]), 0)
                recorded = transcript_outputs(os.path.join(TRANSCRIPTS, name))
                self.assert_outputs(code, recorded, "exported")
                for cell in code:
                    cell.outputs = []
                ran = self.execute(exported)
                self.assert_outputs([cell for cell in ran.cells if cell.cell_type == "code"], recorded, "run")

    def assert_outputs(self, cells, recorded, how):
        """Each cell's text outputs are those the transcript recorded for its commands, in order,
        and the cells hold every command of the transcript."""
        position = 0
        for cell in cells:
            lines = commands(cell.source.split("\n"))
            cell_recorded = recorded[position : position + len(lines)]
            position += len(lines)
            self.assertEqual([command for command, _ in cell_recorded], lines)
            want = "".join(output for _, output in cell_recorded)
            self.assertEqual(text_outputs(cell.outputs).splitlines(), want.splitlines(), f"{how}: {cell.source}")
        self.assertEqual(position, len(recorded), f"{how}: the cells hold every command of the transcript")

    def test_a_wrong_expect_fails_the_run(self):
        notebook = export(LESSONS[0], self.folder)
        cell = next(c for c in notebook.cells if c.cell_type == "code" and "\nexpect " in c.source and " == " in c.source)
        wrong = next(line for line in cell.source.split("\n") if line.startswith("expect ") and " == " in line)
        cell.source = cell.source.replace(wrong, wrong.replace(" == ", " != ", 1))
        with self.assertRaises(CellExecutionError) as raised:
            self.execute(notebook)
        self.assertEqual(raised.exception.ename, "DropoutError")
        claim = wrong.replace(" == ", " != ", 1)[len("expect ") :]
        self.assertIn(f"error: expected {claim}, but it does not hold", str(raised.exception))

    def test_a_long_steps_progress_leaves_its_last_count(self):
        notebook = nbformat.v4.new_notebook()
        notebook.metadata["kernelspec"] = {"name": "dropout", "display_name": "dropout", "language": "dropout"}
        notebook.cells = [nbformat.v4.new_code_cell("step 2000000\nget alpha")]
        outputs = self.execute(notebook).cells[0].outputs
        displays = [output for output in outputs if output["output_type"] == "display_data"]
        progress = [output for output in displays if set(output["data"]) == {"text/plain"}]
        self.assertEqual([output["data"]["text/plain"] for output in progress], [f"[{'#' * 40}] 2000000/2000000 steps (100%)"])
        self.assertNotIn({"text/plain": ""}, [output["data"] for output in displays])
        text = text_outputs(outputs).splitlines()
        self.assertEqual(len([line for line in text if line.startswith("iteration ")]), 10)
        self.assertEqual(text[-1], "alpha = 0.5")


if __name__ == "__main__":
    unittest.main()
