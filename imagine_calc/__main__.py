"""`python -m imagine_calc` runs the same entry point as the `imagine-calc` command."""

import sys

from imagine_calc.cli import main

sys.exit(main())
