"""OpenHire: an open-source hiring backend."""

__version__ = "0.1.0"
