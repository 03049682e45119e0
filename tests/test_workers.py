"""Work spread over processes (generator/workers.py): the same results in the same order as
one process gives, and the build's output does not depend on how many processes made it."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from generator.build import PageAnnotator, generate
from generator.model import Diagnostics
from generator.render import site
from generator.workers import run_forked, start_forked
from tests.helpers import KNOWLEDGE, ROOT, synthetic_archive

needs_fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="this platform cannot fork")


def _fresh(script: str, **env: str):
    """What `script` prints last (JSON), run in a new Python process: like `arkiv build`, it
    runs no other thread, which this test process may (browser tests), and so it forks."""
    completed = subprocess.run([sys.executable, "-c", textwrap.dedent(script)], cwd=ROOT, capture_output=True,
                               text=True, env={**os.environ, **env}, timeout=600, check=False)
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout.splitlines()[-1])


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@needs_fork
def test_run_forked_gives_every_result_in_order_from_closures_that_cannot_be_pickled():
    pids, results = _fresh("""
        import json, os, threading
        from generator.workers import run_forked, start_forked
        lock = threading.Lock()  # a job's closure holds it: nothing of a job is pickled
        jobs = [lambda i=i, lock=lock: (i, os.getpid(), lock is not None) for i in range(100)]
        results = list(run_forked(jobs, 2, chunk=3))
        print(json.dumps([[pid for _, pid, _ in results], [[i, held] for i, _, held in results]]))
    """)
    assert results == [[i, True] for i in range(100)]
    assert len(set(pids)) == 2  # two workers did the work, this process none of it


def test_run_forked_runs_the_jobs_here_with_one_worker_or_while_threads_run():
    jobs = [lambda i=i: (i, os.getpid()) for i in range(10)]
    assert list(run_forked(jobs, 1)) == [(i, os.getpid()) for i in range(10)]
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:  # forking while another thread holds a lock could deadlock the child
        assert list(run_forked(jobs, 2)) == [(i, os.getpid()) for i in range(10)]
    finally:
        stop.set()
        thread.join()


@needs_fork
def test_a_worker_that_dies_leaves_its_jobs_to_this_process():
    results, here = _fresh("""
        import json, os
        from generator.workers import run_forked, start_forked
        parent = os.getpid()

        def job(i):
            if i == 7 and os.getpid() != parent:
                os._exit(1)
            return i, os.getpid() == parent

        results = list(run_forked([lambda i=i: job(i) for i in range(40)], 2, chunk=2))
        print(json.dumps([[i for i, _ in results], [i for i, here in results if here]]))
    """)
    assert results == list(range(40))
    assert 7 in here


@needs_fork
def test_start_forked_computes_a_closure_in_another_process_while_this_one_goes_on():
    here, there, value = _fresh("""
        import json, os, threading
        from generator.workers import start_forked
        lock = threading.Lock()  # the closure holds it: nothing of the job is pickled
        result = start_forked(lambda: (os.getpid(), lock is not None, list(range(100_000))))
        pid, held, numbers = result()
        print(json.dumps([os.getpid(), pid, held and numbers == list(range(100_000))]))
    """)
    assert there != here and value is True


@needs_fork
def test_a_forked_job_that_fails_or_dies_is_done_again_here():
    died, failed = _fresh("""
        import json, os
        from generator.workers import start_forked
        parent = os.getpid()

        def dies():
            if os.getpid() != parent:
                os._exit(3)
            return "here"

        def fails():
            raise ValueError(os.getpid() == parent)

        try:
            start_forked(fails)()
        except ValueError as error:
            failed = str(error)
        print(json.dumps([start_forked(dies)(), failed]))
    """)
    assert died == "here"
    assert failed == "True"  # raised here, as a build without workers raises it


def test_start_forked_runs_the_job_here_while_threads_run():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    calls = []
    try:
        result = start_forked(lambda: calls.append(os.getpid()) or "done")
        assert calls == []  # not before its result is asked for
        assert result() == "done" and calls == [os.getpid()]
    finally:
        stop.set()
        thread.join()


# --- the build ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A synthetic archive large enough for the build to use worker processes."""
    return synthetic_archive().make_project(tmp_path_factory.mktemp("workers") / "project", 120, seed=5)


GENERATE_COUNTING_RENDERERS = """
    import json, os, sys
    from pathlib import Path
    from generator.build import generate
    from generator.render import site
    render_document, log = site.render_document, Path(sys.argv[1] if len(sys.argv) > 1 else "{log}")

    def counting(*args):  # which process rendered each document page
        with log.open("a") as out:
            out.write(f"{{os.getpid()}}\\n")
        return render_document(*args)

    site.render_document = counting
    result = generate(Path("{root}"), use_cache=False)
    print(json.dumps([os.getpid(), [str(d) for d in result.diagnostics.items]]))
"""


@needs_fork
def test_docs_are_byte_identical_whether_one_process_or_several_made_them(project, tmp_path):
    made = {}
    for workers in ("1", "2"):
        log = tmp_path / f"pids-{workers}"
        parent, diagnostics = _fresh(GENERATE_COUNTING_RENDERERS.format(log=log, root=project), ARKIV_WORKERS=workers)
        renderers = set(log.read_text().split())
        assert renderers == ({str(parent)} if workers == "1" else renderers - {str(parent)}), workers
        assert len(renderers) == int(workers), workers
        made[workers] = (_tree(project / "docs"), diagnostics)
    assert made["1"] == made["2"]
    assert len(made["1"][0]) > 500


@needs_fork
def test_a_document_page_that_fails_in_a_worker_is_reported_and_the_rest_is_made(project, monkeypatch):
    corpus = generate(project).corpus
    broken = corpus.pages[17].source
    render_document = site.render_document

    def failing(page, corpus, original):
        if page.source == broken:
            raise ValueError("trasig")
        return render_document(page, corpus, original)

    monkeypatch.setattr(site, "render_document", failing)  # the forked workers inherit it
    diagnostics = Diagnostics()
    files, _keys, _parts = site.render_site(corpus, lambda name: b"original", lambda *_: None, diagnostics,
                                run=lambda jobs: run_forked(jobs, 2))
    urls = site.source_urls(corpus)
    assert [(d.file, d.level) for d in diagnostics.items] == [(broken, "error")]
    assert "ValueError: trasig" in diagnostics.items[0].message
    assert corpus.pages[17].path not in files and urls[broken] not in files
    assert all(page.path in files and urls[page.source] in files for page in corpus.pages if page.source != broken)
    assert None not in files.values()


@needs_fork
def test_pages_annotated_by_workers_are_the_pages_annotated_here(project):
    pages = [path.read_text(encoding="utf-8") for path in sorted((project / "docs").rglob("*.md"))][:200]
    html = [f"<p>{page}</p><table><tr><th>Vem</th></tr><tr><td>{page[:40]}</td></tr></table>" for page in pages]
    here = PageAnnotator(KNOWLEDGE.glossary, None)
    workers = PageAnnotator(KNOWLEDGE.glossary, None)
    workers.start_workers(2)
    try:
        finishers = [workers.begin(page) for page in html]
        assert [finish() for finish in finishers] == [here.annotate(page) for page in html]
    finally:
        workers.close()
    assert workers.pool is None
