"""A lesson notebook opened in JupyterLab shows its plots as SVG: JupyterLab on the loopback
address, headless Chromium taking a screenshot of the notebook, and the screenshot checked for
its size, for content, and for the plot curves' own blue (#1f6fb2, the SVG stylesheet's), which
nothing else on the page has. The same notebook untrusted (JupyterLab then shows the text of each
SVG output instead) is the control: its screenshot must not have that blue.

Skipped, saying so, where Chromium or JupyterLab is not installed (jupyter/test.sh installs
JupyterLab and Pillow from PyPI; Chromium is Debian's `chromium`).
"""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request

import nbformat

BINARY = os.environ["DROPOUT_BINARY"]
LESSON = os.path.join(os.environ["DROPOUT_LESSONS"], "03-classic-dropout.md")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CURVE = (31, 111, 178)
WIDTH, HEIGHT = 1280, 2400

try:
    import jupyterlab  # noqa: F401
    from PIL import Image
except ImportError:
    Image = None


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def curve_pixels(path):
    image = Image.open(path).convert("RGB")
    return image.size, len(image.getcolors(WIDTH * HEIGHT)), sum(
        1 for pixel in image.getdata() if all(abs(a - b) <= 8 for a, b in zip(pixel, CURVE))
    )


@unittest.skipIf(CHROMIUM is None, "skipped: no Chromium on PATH (apt-get install chromium)")
@unittest.skipIf(Image is None, "skipped: JupyterLab or Pillow is not installed")
class LessonInJupyterLab(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="dropout-lab-")
        # The notebook signatures and settings of this test only, never the user's.
        self.environment = dict(
            os.environ,
            JUPYTER_DATA_DIR=os.path.join(self.folder, "data"),
            JUPYTER_CONFIG_DIR=os.path.join(self.folder, "config"),
            JUPYTER_RUNTIME_DIR=os.path.join(self.folder, "runtime"),
        )
        self.root = os.path.join(self.folder, "root")
        os.mkdir(self.root)
        for name in ("trusted", "untrusted"):
            path = os.path.join(self.root, f"{name}.ipynb")
            subprocess.run([BINARY, LESSON, "--no-pause", "--export", path], check=True, stdout=subprocess.DEVNULL)
        # A signature is of the content: the control must differ from the signed copy to stay untrusted.
        control = nbformat.read(os.path.join(self.root, "untrusted.ipynb"), as_version=4)
        control.metadata["title"] = "control"
        nbformat.write(control, os.path.join(self.root, "untrusted.ipynb"))
        # The jupyter beside this Python, in the same virtualenv (not resolved past its symlink).
        jupyter = os.path.join(os.path.dirname(sys.executable), "jupyter")
        subprocess.run(
            [jupyter, "trust", os.path.join(self.root, "trusted.ipynb")],
            env=self.environment, check=True, stdout=subprocess.DEVNULL,
        )
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.lab = subprocess.Popen(
            [
                jupyter, "lab", "--no-browser", "--allow-root", "--ServerApp.ip=127.0.0.1",
                f"--ServerApp.port={self.port}", f"--IdentityProvider.token={self.token}",
                f"--ServerApp.root_dir={self.root}", "--LabApp.extension_manager=readonly",
                "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            ],
            env=self.environment, stdout=subprocess.DEVNULL, stderr=open(os.path.join(self.folder, "lab.log"), "w"),
        )
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/api/status?token={self.token}", timeout=5)
                break
            except OSError:
                if time.monotonic() > deadline or self.lab.poll() is not None:
                    with open(os.path.join(self.folder, "lab.log")) as log:
                        self.fail("JupyterLab did not start on the loopback address within 90 seconds:\n" + log.read())
                time.sleep(0.5)

    def tearDown(self):
        self.lab.terminate()
        try:
            self.lab.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.lab.kill()
            self.lab.wait()
        shutil.rmtree(self.folder, ignore_errors=True)

    def screenshot(self, name):
        path = os.path.join(self.folder, f"{name}.png")
        subprocess.run(
            [
                CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                f"--window-size={WIDTH},{HEIGHT}", "--virtual-time-budget=30000", f"--screenshot={path}",
                f"http://127.0.0.1:{self.port}/lab/tree/{name}.ipynb?token={self.token}",
            ],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180,
        )
        return curve_pixels(path)

    def test_the_lessons_plots_render_as_svg(self):
        size, colours, curve = self.screenshot("trusted")
        self.assertEqual(size, (WIDTH, HEIGHT))
        self.assertGreater(colours, 500, "the page looks blank")
        self.assertGreater(curve, 100, "no plot curve drawn: the SVG outputs did not render")
        size, colours, curve = self.screenshot("untrusted")
        self.assertGreater(colours, 300, "the untrusted page looks blank")
        self.assertLess(curve, 20, "the control shows the curves' blue without any SVG")


if __name__ == "__main__":
    unittest.main()
