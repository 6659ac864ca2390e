"""Reading the project's YAML data files (setup, reference lists, demo content).

One reader for all of them, with libyaml's parser when PyYAML was built with it
(the wheels are): the demo's files hold thousands of nodes, and the pure-Python
parser took about three seconds of each demo load. Safe loading only: the files
are data, never objects.
"""

from pathlib import Path

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path):
    """The document of a UTF-8 YAML file (``None`` when the file is empty)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 - a safe loader
