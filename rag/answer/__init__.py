"""Answers: the assistant service, its backends, citations checked in code."""
