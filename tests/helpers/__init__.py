"""Helpers for the tests (plain functions and constants; the fixtures live in conftest.py)."""
