"""Every lesson exported as a notebook (`dropout LESSON --export NAME.ipynb`) is valid for
nbformat and re-runs clean on the dropout kernel under nbclient, each code cell giving the
outputs the export wrote, MIME bundle for MIME bundle; a notebook edited to hold a wrong
expect fails there.

Run by jupyter/test.sh, which sets DROPOUT_BINARY, DROPOUT_LESSONS and JUPYTER_PATH.
"""

import glob
import os
import shutil
import subprocess
import tempfile
import unittest

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

BINARY = os.environ["DROPOUT_BINARY"]
LESSONS = sorted(glob.glob(os.path.join(os.environ["DROPOUT_LESSONS"], "*.md")))


def export(lesson, folder):
    path = os.path.join(folder, os.path.basename(lesson).replace(".md", ".ipynb"))
    subprocess.run([BINARY, lesson, "--no-pause", "--export", path], check=True, stdout=subprocess.DEVNULL)
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    return notebook


def shown(outputs):
    """Outputs as a reader sees them: consecutive streams of one name joined (a notebook joins
    them), a long step's emptied progress display left out, and no per-run metadata."""
    result = []
    for output in outputs:
        kind = output["output_type"]
        if kind == "stream":
            if result and result[-1][0] == "stream" and result[-1][1] == output["name"]:
                result[-1] = ("stream", output["name"], result[-1][2] + output["text"])
            else:
                result.append(("stream", output["name"], output["text"]))
        elif kind == "display_data":
            if output["data"] == {"text/plain": ""}:
                continue
            result.append(("display_data", dict(output["data"])))
        elif kind == "error":
            result.append(("error", output["ename"], output["evalue"], list(output["traceback"])))
        else:
            result.append((kind,))
    return result


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

    def test_every_lesson_notebook_reruns_with_its_outputs(self):
        self.assertGreater(len(LESSONS), 0, "no lessons found")
        for lesson in LESSONS:
            with self.subTest(lesson=os.path.basename(lesson)):
                exported = export(lesson, self.folder)
                self.assertEqual(exported.metadata.kernelspec.name, "dropout")
                code = [cell for cell in exported.cells if cell.cell_type == "code"]
                self.assertGreater(len(code), 0)
                self.assertGreater(len([c for c in exported.cells if c.cell_type == "markdown"]), 0)
                expected = [shown(cell.outputs) for cell in code]
                ran = self.execute(nbformat.from_dict(exported))
                actual = [shown(cell.outputs) for cell in ran.cells if cell.cell_type == "code"]
                for cell, want, got in zip(code, expected, actual):
                    self.assertEqual(got, want, f"outputs of {cell.source!r}")

    def test_a_wrong_expect_fails_the_run(self):
        notebook = export(LESSONS[0], self.folder)
        cell = next(
            c for c in notebook.cells if c.cell_type == "code" and c.source.startswith("expect ") and " == " in c.source
        )
        cell.source = cell.source.replace(" == ", " != ", 1)
        with self.assertRaises(CellExecutionError) as raised:
            self.execute(notebook)
        self.assertEqual(raised.exception.ename, "DropoutError")
        self.assertIn(f"error: expected {cell.source[len('expect '):]}, but it does not hold", str(raised.exception))


if __name__ == "__main__":
    unittest.main()
