"""JUEL's parser is built when an expression is first read, not when the module is imported: a script
evaluator imports JUEL's runtime at every start and reads no expression."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_PROBE = """
import json
from engine.bpmn import sandbox  # what a script evaluator loads before it answers
from engine.bpmn import juel
built_on_import = juel._parser.cache_info().currsize
juel.to_python("${amount > 1}", condition=True)
print(json.dumps([built_on_import, juel._parser.cache_info().currsize]))
"""


def test_the_parser_is_built_at_the_first_expression_read():
    said = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert json.loads(said.stdout) == [0, 1]
