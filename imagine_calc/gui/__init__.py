"""The PySide6 window. It holds no pricing logic: every figure comes from imagine_calc.core."""
