"""Work spread over the machine's processor cores.

A build is Python work on one core, while machines have several. The build hands the
work that is the same for each item and independent of the others (reading and parsing a
source file, rendering a page, annotating a built page) to worker processes when there is
enough of it to pay for starting them. Workers are forked from the build while it runs no
other thread (they inherit what it loaded and start at once); where threads run (`mkdocs
serve`) parsing and annotating use fresh processes instead (`spawn`), which forking there
could deadlock, and pages are rendered here (`run_forked`: its jobs are closures over the
corpus, which only a fork can hand over). Results are taken in the order the work was
given, so output does not depend on how many processes did it. Where no pool can be started
(one core, a sandbox without process semaphores) the caller does the work itself.

A long job that needs all of the build's results (the export, the search index) can start
on its own the moment they exist (`start_forked`), while this process plans the rest.

`ARKIV_WORKERS` sets how many processes a build may use in all (`1`: no workers).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterator, Sequence, TypeVar

_T = TypeVar("_T")

WORKERS_ENV = "ARKIV_WORKERS"
MAX_WORKERS = 8  # beyond this, handing work over costs more than it saves


def processes() -> int:
    """How many processes the build may use: `ARKIV_WORKERS`, else the usable cores."""
    value = os.environ.get(WORKERS_ENV, "").strip()
    if value.isdigit() and int(value) > 0:
        return int(value)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def process_pool(workers: int, initializer: Callable[..., None], *initargs) -> Executor | None:
    """A pool of `workers` processes, each set up once by `initializer(*initargs)`, or None
    when `workers` is below 1 or the platform cannot start one."""
    workers = min(workers, MAX_WORKERS)
    if workers < 1:
        return None
    try:
        return ProcessPoolExecutor(max_workers=workers, mp_context=_context(),
                                   initializer=initializer, initargs=initargs)
    except (OSError, NotImplementedError, ImportError):  # e.g. no sem_open in a sandbox
        return None


def _context():
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


_forked_jobs: Sequence[Callable[[], object]] = ()  # the jobs of run_forked, inherited by its workers


def run_forked(jobs: Sequence[Callable[[], _T]], workers: int, chunk: int = 16) -> Iterator[_T]:
    """`job()` of each job, in order. The work starts at once in `workers` processes
    forked from this one, so the jobs may be closures over anything this process holds
    (nothing is pickled but the results); where no fork can be made (threads running, a
    platform without fork, one worker) the jobs run here, one by one as results are taken.
    Jobs are handed over `chunk` at a time."""
    global _forked_jobs
    workers = min(workers, MAX_WORKERS)
    if workers < 2 or threading.active_count() > 1 or "fork" not in multiprocessing.get_all_start_methods():
        return (job() for job in jobs)
    try:
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))
        _forked_jobs = jobs  # before the first submit: that is when the workers are forked
        starts = range(0, len(jobs), chunk)
        stops = [*starts[1:], len(jobs)]
        chunks = pool.map(_run_forked, starts, stops)
    except (OSError, NotImplementedError, ImportError):  # e.g. no sem_open in a sandbox
        _forked_jobs = ()
        return (job() for job in jobs)
    return _forked_results(pool, chunks, jobs)


def _run_forked(start: int, stop: int) -> list:
    return [job() for job in _forked_jobs[start:stop]]


def _forked_results(pool: ProcessPoolExecutor, chunks: Iterator[list],
                    jobs: Sequence[Callable[[], _T]]) -> Iterator[_T]:
    global _forked_jobs
    done = 0
    try:
        with pool:
            for results in chunks:
                yield from results
                done += len(results)
    except BrokenProcessPool:  # a worker died: the rest is done here
        yield from (job() for job in jobs[done:])
    finally:
        _forked_jobs = ()


def start_forked(function: Callable[[], _T]) -> Callable[[], _T]:
    """Start `function()` now in a process forked from this one; return a function that
    gives its result (waiting for it). Only the result is pickled, so `function` may be a
    closure over anything. Where no fork can be made (threads running, a platform without
    fork) or the process does not deliver (it failed or died), `function()` is run here
    when the result is asked for, so a failure is raised here as it would have been."""
    if threading.active_count() > 1 or not hasattr(os, "fork"):
        return function
    try:
        reader, writer = os.pipe()
        pid = os.fork()
    except OSError:
        return function
    if pid == 0:  # the child: no return from here, no cleanup of the parent's state
        os.close(reader)
        code = 1
        try:
            with open(writer, "wb") as stream:
                pickle.dump(function(), stream, protocol=pickle.HIGHEST_PROTOCOL)
            code = 0
        finally:
            os._exit(code)
    os.close(writer)
    return lambda: _forked_result(pid, reader, function)


def _forked_result(pid: int, reader: int, function: Callable[[], _T]) -> _T:
    with open(reader, "rb") as stream:
        data = stream.read()
    _, status = os.waitpid(pid, 0)
    if status == 0:
        try:
            return pickle.loads(data)
        except Exception:  # cut short: do it here
            pass
    return function()
