"""imagine-calc: an offline calculator for ImagineArt image credits."""

__version__ = "0.1.0"
APP_NAME = "imagine-calc"
