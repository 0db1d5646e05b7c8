"""Makes the notebook fixtures: one real notebook executed by Jupyter, and hostile ones
written with nbformat. Run from this folder with a Python that has nbformat, nbconvert,
nbclient, ipykernel, matplotlib and pandas:

    python make_notebooks.py

The tests read the committed files only."""
import base64
import subprocess
import sys

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

# A real notebook: Jupyter executes it and writes every output itself.
real = new_notebook(cells=[
    new_markdown_cell("# Higgs or top?\n\nA small study: *signal* against **background**, "
                      "with [a link](https://example.org/paper) and a table.\n\n| a | b |\n|---|---|\n| 1 | 2 |"),
    new_code_cell("import numpy as np\nrng = np.random.default_rng(7)\nx = rng.normal(size=200)\n"
                  "print('mean', round(float(x.mean()), 4))"),
    new_code_cell("%matplotlib inline\nimport matplotlib\nimport matplotlib.pyplot as plt\n"
                  "fig, ax = plt.subplots(figsize=(4, 3))\nax.hist(x, bins=20)\nax.set_title('PNG figure')\nplt.show()"),
    new_code_cell("%config InlineBackend.figure_formats = ['svg']\n"
                  "fig, ax = plt.subplots(figsize=(4, 3))\nax.plot(np.sort(x))\nax.set_title('SVG figure')\nplt.show()"),
    new_code_cell("import pandas as pd\npd.DataFrame({'epoch': [1, 2, 3], 'loss': [0.69, 0.52, 0.48]})"),
    new_markdown_cell("The next cell fails on purpose."),
    new_code_cell("1 / 0"),
])
real.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nbformat.write(real, "real-unexecuted.ipynb")
subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute", "--allow-errors",
                "--output", "real.ipynb", "real-unexecuted.ipynb"], check=True)

# Hostile notebooks, written with nbformat (what a participant could hand in).
svg_script = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
              'width="100" height="50" onload="alert(1)"><script>alert(2)</script>'
              '<a href="javascript:alert(3)"><rect width="10" height="10" fill="url(https://evil.example/x)"/></a>'
              '<image href="https://evil.example/i.png" width="5" height="5"/>'
              '<use xlink:href="https://evil.example/s.svg#a"/>'
              '<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">'
              '<iframe src="https://evil.example"></iframe></div></foreignObject>'
              '<circle cx="25" cy="25" r="20" fill="#0a0" style="stroke: url(https://evil.example/s); fill: red"/>'
              '<set attributeName="onmouseover" to="alert(4)"/>'
              '<animate attributeName="href" values="javascript:alert(5)"/></svg>')
fake_png = base64.b64encode(b"<html><script>alert(6)</script></html>").decode()
hostile = new_notebook(cells=[
    new_markdown_cell("<script>alert(7)</script>\n\n[click](javascript:alert(8)) "
                      "<img src=x onerror=alert(9)> <iframe src=https://evil.example></iframe>\n\n"
                      "![pixel](https://evil.example/track.png)"),
    new_code_cell("</pre><script>alert(10)</script>", execution_count=3, outputs=[
        new_output("display_data", data={"text/html": "<script>alert(11)</script><b>html</b>",
                                         "text/plain": "<DataFrame plain>"}),
        new_output("display_data", data={"application/javascript": "alert(12)"}),
        new_output("display_data", data={"application/vnd.jupyter.widget-view+json": {"model_id": "x"}}),
        new_output("display_data", data={"image/svg+xml": svg_script}),
        new_output("display_data", data={"image/png": fake_png}),
        new_output("stream", name="stdout", text="<script>alert(13)</script>\n"),
        new_output("error", ename="ValueError", evalue="<b>bad</b>",
                   traceback=["\x1b[0;31mValueError\x1b[0m: <img src=x onerror=alert(14)>"]),
    ]),
])
nbformat.write(hostile, "hostile.ipynb")

# A notebook of nbformat 3, which the reader names rather than reads.
with open("nbformat3.ipynb", "w") as f:
    f.write('{"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "worksheets": [{"cells": []}]}\n')

# The notebook as a PDF, as a team exports it: Jupyter's HTML, printed by Chromium.
subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "html", "--output", "real-export", "real.ipynb"], check=True)
subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--print-to-pdf=real.pdf",
                "--no-pdf-header-footer", "real-export.html"], check=True, capture_output=True)
import os
os.remove("real-export.html")
