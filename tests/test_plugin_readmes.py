"""Each plugin's README "Install" section is what tests/bare_site.py applies
to a fresh ``wagtail start`` project: it must parse, and hold every kind of
line a host needs. The bare-site run proves the lines work; this fails fast
on a section the run could not read."""

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("bare_site", REPO / "tests" / "bare_site.py")
bare_site = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bare_site)


@pytest.mark.parametrize("plugin", bare_site.PLUGINS)
def test_the_install_section_holds_the_lines_a_host_adds(plugin):
    steps = bare_site.host_steps(REPO / "plugins" / plugin / "README.md")
    settings = "\n".join(line for kind, lines in steps["files"] if kind == "settings" for line in lines)
    commands = [" ".join(command) for command in steps["commands"]]
    assert commands[0].startswith(f"pip install maillage-{plugin}")
    assert "python manage.py migrate" in commands and "python manage.py maillage_demo" in commands
    for needed in (f'"maillage_{plugin}"', "WAGTAILSEARCH_BACKENDS = search_backends(", "DEFAULT_FROM_EMAIL"):
        assert needed in settings
    compile(settings, f"{plugin}/README.md", "exec")  # appended to settings/base.py as it is


@pytest.mark.parametrize(
    "block, refused",
    [
        ("```sh\nrm -rf /\n```\n", "may only run pip install or python manage.py"),
        ("```python\nINSTALLED_APPS += ['x']\n```\n", "must be sh, or python starting with"),
        ("```django\n{% extends 'base.html' %}\n```\n", "must be sh, or python starting with"),
    ],
)
def test_an_install_section_with_other_lines_stops_the_run(tmp_path, block, refused):
    readme = tmp_path / "README.md"
    readme.write_text(f"# x\n\n## Install\n\n{block}\n## Next\n")
    with pytest.raises(SystemExit, match=refused):
        bare_site.host_steps(readme)
