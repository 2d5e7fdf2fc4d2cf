"""imagine-calc: an offline calculator for ImagineArt image credits."""

__version__ = "0.1.0"
APP_NAME = "imagine-calc"
#: The desktop entry's and AppStream's id (resources/APP_ID.desktop): Wayland shells match
#: the window to its entry, and so to its icon and name, by it.
APP_ID = "io.github.imagine_calc.ImagineCalc"
