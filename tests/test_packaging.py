"""An installed (non-editable) wheel works: the ``models/`` assets ship inside it.

The wheel is built from a copy of the sources in a temporary folder (so the shared
checkout gets no ``build/`` or ``*.egg-info``), installed into a fresh virtual
environment without downloads (the current environment's site-packages are reused through
a ``.pth`` file, which adds them after the new environment's own), and exercised from a
folder where the source checkout cannot be imported by accident.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: pytest depends on tomli there
    import tomli as tomllib

REPO = Path(__file__).resolve().parents[1]
ASSET_DOCS = {".md"}


def pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_subpackage_is_listed() -> None:
    """setuptools is given an explicit package list; a missing entry drops a subpackage from the wheel."""
    listed = set(pyproject()["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(REPO).parts)
             for init in (REPO / "extractor").rglob("__init__.py") if "__pycache__" not in init.parts}
    missing = sorted(found - listed)
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {missing}"
    assert "extractor.models" in listed


def test_every_factory_is_an_entry_point() -> None:
    """Saved pipelines load in a fresh process only when spaCy can find our factories."""
    from spacy.language import Language

    from extractor.pipeline import COMPONENT_MODULES, build_pipeline

    declared = pyproject()["project"].get("entry-points", {}).get("spacy_factories", {})
    assert {f"extractor_{m}" for m in COMPONENT_MODULES} <= set(declared)
    build_pipeline()
    for name, target in declared.items():
        module, _, attr = target.partition(":")
        assert callable(getattr(importlib.import_module(module), attr)), target
        assert Language.has_factory(name), name


def _shipped_assets() -> set[str]:
    models = REPO / "models"
    return {str(p.relative_to(models)).replace(os.sep, "/") for p in models.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix not in ASSET_DOCS | {".pyc"}}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (REPO / name).exists():
            shutil.copy2(REPO / name, src / name)
    for name in ("extractor", "models"):
        shutil.copytree(REPO / name, src / name, ignore=ignore)
    dist = tmp_path_factory.mktemp("dist")
    # Python 3.12+ venvs have no setuptools: then pip fetches the build backend from the registry.
    isolation = [] if importlib.util.find_spec("setuptools") is None else ["--no-build-isolation"]
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", *isolation, "-q",
                           "-w", str(dist), str(src)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    wheels = list(dist.glob("*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def test_wheel_contains_every_asset(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    shipped = {n.removeprefix("extractor/models/") for n in names if n.startswith("extractor/models/")}
    assert _shipped_assets() - shipped == set()
    assert "extractor/pipeline/__init__.py" in names


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding the wheel; its dependencies come from the current environment."""
    env_dir = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=False, system_site_packages=False).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    ours = [p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir()]
    Path(site, "zz_reuse_test_env.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
                           "--no-index", "-q", str(wheel)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return env_dir


CHECK = """
import importlib.resources, pathlib, sys
import extractor
from extractor.pipeline import build_pipeline
from extractor.reading import read_doc
root = pathlib.Path(sys.argv[1]).resolve()
assert root in pathlib.Path(extractor.__file__).resolve().parents, extractor.__file__
models = pathlib.Path(str(importlib.resources.files("extractor.models"))).resolve()
assert root in models.parents, models
nlp = build_pipeline()
doc = nlp("More than half (23) of the 42 integrated care systems fall into segment 3.")
claims = [(c.org_type, c.segments, c.count, c.total) for c in read_doc(doc).claims]
assert claims == [("icb", (3,), 23, 42)], claims
from importlib.metadata import entry_points
factories = {ep.name for ep in entry_points(group="spacy_factories")}
assert {f"extractor_{n}" for n in nlp.pipe_names} <= factories, factories
print("ok", len(nlp.pipe_names))
"""


def _clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}}


def test_installed_wheel_loads_its_assets(installed: Path, tmp_path: Path) -> None:
    python = installed / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    proc = subprocess.run([str(python), "-c", CHECK, str(installed)], capture_output=True, text=True,
                          cwd=tmp_path, env=_clean_env(), timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("ok")


def test_installed_console_script_extracts(installed: Path, tmp_path: Path) -> None:
    script = installed / ("Scripts/extractor.exe" if os.name == "nt" else "bin/extractor")
    doc = tmp_path / "news.txt"
    doc.write_text("Only one ICS – Frimley – is assigned to Segment 1.\n", encoding="utf-8")
    proc = subprocess.run([str(script), "extract", str(doc), "--out", str(tmp_path / "out"), "--quiet"],
                          capture_output=True, text=True, cwd=tmp_path, env=_clean_env(), timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "1 documents (1 ok" in proc.stdout
    assert (tmp_path / "out" / "memberships.csv").read_text(encoding="utf-8").count("Frimley") >= 1
