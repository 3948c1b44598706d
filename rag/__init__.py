"""Retrieval, answers with citations, and briefings over the VSS-Laos cooperation record."""
from .config import offline_environment

offline_environment()
