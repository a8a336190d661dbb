"""Batches that survive: parallel workers, per-document time limits, an incremental journal, resume, Dask.

The flow (``engine.run_batch``): input files become units of work (``units``); an
executor runs them in this process, in local worker processes (``pool``, ``worker``) or
on Dask (``dask``), each driving the same task loop (``tasks``) that turns documents into
picklable rows (``outcome``); the parent appends each finished document to an SQLite
journal (``journal``), from which the tables are assembled in input order (``assemble``).
"""

from __future__ import annotations

from .engine import BatchOptions, execute, run_batch, start_early
from .journal import Journal
from .units import Task, Unit, plan_units

__all__ = ["BatchOptions", "Journal", "Task", "Unit", "execute", "plan_units", "run_batch", "start_early"]
