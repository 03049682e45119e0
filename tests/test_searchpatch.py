"""Unit tests for generator.write.searchpatch against the installed Material worker."""

from __future__ import annotations

import pathlib
import shutil

import material
import pytest

from generator.write.searchpatch import (
    HELPER_NAME,
    MARKER,
    SearchPatchError,
    patch_search_worker,
)

WORKERS = "assets/javascripts/workers"
INSTALLED = sorted(
    (pathlib.Path(material.__file__).parent / "templates" / WORKERS).glob(
        "search.*.min.js"
    )
)


def _site_with(tmp_path: pathlib.Path, *workers: pathlib.Path) -> pathlib.Path:
    site = tmp_path / "site"
    target = site / WORKERS
    target.mkdir(parents=True)
    for worker in workers:
        shutil.copy(worker, target / worker.name)
    return site


@pytest.fixture
def installed_worker() -> pathlib.Path:
    assert len(INSTALLED) == 1, f"expected one Material search worker: {INSTALLED}"
    return INSTALLED[0]


def test_patches_installed_material_worker(tmp_path, installed_worker):
    site = _site_with(tmp_path, installed_worker)
    original = installed_worker.read_text(encoding="utf-8")

    patched_path = patch_search_worker(site)

    assert patched_path == site / WORKERS / installed_worker.name
    patched = patched_path.read_text(encoding="utf-8")
    assert patched.count(MARKER) == 1
    assert f"function {HELPER_NAME}(" in patched
    # The wildcard term now goes through the helper, exactly once.
    assert patched.count(f"`${{{HELPER_NAME}(") == 1
    # Strict mode directive stays first; source map comment stays last.
    assert patched.startswith('"use strict";')
    assert patched.rstrip().splitlines()[-1].startswith("//# sourceMappingURL=")
    # The installed package itself is untouched.
    assert installed_worker.read_text(encoding="utf-8") == original


def test_patch_is_idempotent(tmp_path, installed_worker):
    site = _site_with(tmp_path, installed_worker)
    first = patch_search_worker(site).read_text(encoding="utf-8")
    second = patch_search_worker(site).read_text(encoding="utf-8")
    assert first == second


def test_missing_anchor_raises(tmp_path):
    site = tmp_path / "site"
    (site / WORKERS).mkdir(parents=True)
    worker = site / WORKERS / "search.deadbeef.min.js"
    code = '"use strict";(()=>{let q=t.map(r=>r+"*").join(" ")})();\n'
    worker.write_text(code, encoding="utf-8")

    with pytest.raises(SearchPatchError) as err:
        patch_search_worker(site)
    assert str(worker) in str(err.value)
    assert "exactly once, found 0" in str(err.value)
    assert worker.read_text(encoding="utf-8") == code  # left as it was


def test_anchor_twice_raises(tmp_path, installed_worker):
    site = _site_with(tmp_path, installed_worker)
    worker = site / WORKERS / installed_worker.name
    code = worker.read_text(encoding="utf-8")
    anchor = "/(^[+-]|[~^]\\d+$)/.test(r)?r:`${r}*`"
    assert anchor in code
    worker.write_text(code + "\n" + anchor + "\n", encoding="utf-8")

    with pytest.raises(SearchPatchError, match="exactly once, found 2"):
        patch_search_worker(site)


def test_no_worker_raises(tmp_path):
    site = tmp_path / "site"
    (site / WORKERS).mkdir(parents=True)
    with pytest.raises(SearchPatchError, match="found 0: none"):
        patch_search_worker(site)


def test_two_workers_raise(tmp_path, installed_worker):
    site = _site_with(tmp_path, installed_worker)
    shutil.copy(installed_worker, site / WORKERS / "search.0000aaaa.min.js")
    with pytest.raises(SearchPatchError, match="found 2") as err:
        patch_search_worker(site)
    assert "search.0000aaaa.min.js" in str(err.value)
