"""Nätverksarkivet: turns a network's minutes, agreements and news into a linked, offline archive site."""

__version__ = "0.1.0"
