"""Seed data for the shared vocabulary (used by migrations and tests)."""
