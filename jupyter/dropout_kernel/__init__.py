"""A Jupyter kernel whose cells are dropout commands, run by `dropout serve --stdio`."""

__version__ = "0.1.0"
