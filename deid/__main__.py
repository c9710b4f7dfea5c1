"""``python -m deid``: the same as the ``deid`` command."""

from deid.cli import main

if __name__ == "__main__":
    main()
