"""extractor: read what is published about NHS England oversight segments and turn it into
an audited dataset.

Main flow: :func:`extract` reads documents (``sources``), runs the spaCy rule pipeline
(``pipeline``), builds claims, memberships and rankings (``claims``), reconciles them
(``reconcile``) and returns the tables.
"""

__version__ = "0.1.0"
