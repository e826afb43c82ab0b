"""YAML loading that remembers line numbers, so errors can name ``file:line``.

PyYAML's plain ``safe_load`` drops positions; we construct from the node tree
ourselves (a few lines) so that every mapping knows the line of each key.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from audit.errors import InputError


class LineDict(dict):
    """A dict that also records the 1-based source line of each key."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.lines: dict[Any, int] = {}
        self.line: int | None = None

    def line_of(self, key: Any) -> int | None:
        return self.lines.get(key, self.line)


class LineList(list):
    def __init__(self, *args: Any):
        super().__init__(*args)
        self.lines: list[int] = []
        self.line: int | None = None


def _construct(node: yaml.Node, loader: yaml.SafeLoader, path: Path) -> Any:
    if isinstance(node, yaml.MappingNode):
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1
        for key_node, value_node in node.value:
            key = _construct(key_node, loader, path)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise InputError("mapping keys must be plain values", path, key_node.start_mark.line + 1)
            if key in mapping:
                raise InputError(f"duplicate key {key!r}", path, key_node.start_mark.line + 1)
            mapping[key] = _construct(value_node, loader, path)
            mapping.lines[key] = key_node.start_mark.line + 1
        return mapping
    if isinstance(node, yaml.SequenceNode):
        sequence = LineList(_construct(item, loader, path) for item in node.value)
        sequence.lines = [item.start_mark.line + 1 for item in node.value]
        sequence.line = node.start_mark.line + 1
        return sequence
    return loader.construct_object(node, deep=True)


def load_yaml(path: str | Path) -> Any:
    """Load a YAML file into LineDict/LineList values; errors name the file and line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("file not found", path) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 ({exc.reason})", path) from None
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise InputError("file is empty", path)
        return _construct(node, loader, path)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        raise InputError(f"invalid YAML: {problem}", path, line) from None
    except yaml.YAMLError as exc:
        raise InputError(f"invalid YAML: {exc}", path) from None
    finally:
        loader.dispose()
