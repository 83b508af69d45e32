"""Shared vocabulary, search plumbing and hook points for Maillage plugins."""

__version__ = "0.1.0"
