"""``python -m deid``: the same as the ``deid`` command."""

from deid.cli import run

if __name__ == "__main__":
    run()
