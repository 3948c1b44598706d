"""Streamlit-only helpers of the app (``app.py`` is the frame, ``ui/pages/*.py`` the pages).

Nothing in :mod:`rag` imports this package: the product works without a browser.
"""
