"""Entry script for the frozen app: the same `main` as the `imagine-calc` command."""

import sys

from imagine_calc.cli import main

if __name__ == "__main__":
    sys.exit(main())
