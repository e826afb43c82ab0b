"""YAML loading that remembers line numbers, with bounds for hostile files.

PyYAML's plain ``safe_load`` drops positions, so values are built here from
the parser's events: every mapping knows the line of each key, and errors
can name ``file:line``.

``sources.yaml`` and ``topic.yaml`` come with a corpus, which we do not trust
(README, trust model). Building from events, rather than composing PyYAML's
node tree first, keeps memory proportional to the data, and lets us bound
what a small file can make us do:

- size: at most ``MAX_YAML_BYTES`` (the 100,000-article benchmark manifest is 7 MB);
- nesting: at most ``MAX_DEPTH`` levels (counted on our own stack, no recursion);
- aliases: an alias reuses the anchored value (as PyYAML does) and adds its
  size to a budget; more than ``ALIAS_BUDGET`` nodes beyond the document's own
  is a "billion laughs" document and is refused at once;
- only plain scalars, lists and mappings: an unknown tag is an error.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from audit.errors import InputError

MAX_YAML_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 64
ALIAS_BUDGET = 10_000

# libyaml when PyYAML was built with it (several times faster); the pure-Python parser otherwise.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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


_NO_KEY = object()
_COLLECTION_TAGS = {yaml.MappingStartEvent: "tag:yaml.org,2002:map", yaml.SequenceStartEvent: "tag:yaml.org,2002:seq"}


class _Frame:
    """An open mapping or sequence while its events are read."""

    __slots__ = ("value", "anchor", "size", "key", "key_line")

    def __init__(self, value: LineDict | LineList, anchor: str | None):
        self.value = value
        self.anchor = anchor
        self.size = 1
        self.key: Any = _NO_KEY
        self.key_line = 0


def _line(event) -> int:
    return event.start_mark.line + 1


_STR_TAG = "tag:yaml.org,2002:str"


def _scalar(loader, event, path: Path) -> Any:
    if event.tag is None and not event.implicit[0]:
        return event.value  # quoted or block, untagged: PyYAML's resolver makes it a string; no node needed
    tag = event.tag if event.tag not in (None, "!") else loader.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag == _STR_TAG:
        return event.value  # what PyYAML's str constructor returns, without building a node for it
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    constructor = loader.yaml_constructors.get(tag)
    if constructor is None:
        raise InputError(f"unsupported tag {tag!r}; use plain values, lists and mappings", path, _line(event))
    try:
        value = constructor(loader, node)
    except (ValueError, OverflowError) as exc:  # e.g. an unquoted date 2024-13-45, a 5,000-digit integer
        reason = str(exc).split(";")[0]
        raise InputError(f"invalid value {event.value[:40]!r} ({reason})", path, _line(event)) from None
    if hasattr(value, "__next__"):  # a collection constructor on a scalar tag
        raise InputError(f"tag {tag!r} needs a collection", path, _line(event))
    return value


def _build(loader, path: Path) -> Any:
    """The single document of the stream, built from events with line numbers."""
    stack: list[_Frame] = []
    anchors: dict[str, tuple[Any, int]] = {}
    nodes = expanded = 0
    result: Any = _NO_KEY
    documents = 0

    def add(value: Any, line: int, size: int) -> None:
        nonlocal result
        if not stack:
            result = value
            return
        frame = stack[-1]
        frame.size += size
        container = frame.value
        if isinstance(container, LineList):
            container.append(value)
            container.lines.append(line)
        elif frame.key is _NO_KEY:
            if isinstance(value, (LineDict, LineList)) or value is None or not isinstance(value, (str, int, float, bool)):
                raise InputError("mapping keys must be plain values", path, line)
            if value in container:
                raise InputError(f"duplicate key {value!r}", path, line)
            frame.key, frame.key_line = value, line
        else:
            container[frame.key] = value
            container.lines[frame.key] = frame.key_line
            frame.key = _NO_KEY

    while True:
        event = loader.get_event()
        if isinstance(event, yaml.ScalarEvent):  # most events: tested first
            nodes += 1
            value = _scalar(loader, event, path)
            if event.anchor:
                anchors[event.anchor] = (value, 1)
            add(value, _line(event), 1)
            continue
        if isinstance(event, yaml.StreamEndEvent):
            break
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise InputError("expected one YAML document, found another", path, _line(event))
            continue
        if isinstance(event, (yaml.StreamStartEvent, yaml.DocumentEndEvent)):
            continue
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in anchors:
                raise InputError(f"alias *{event.anchor} refers to no anchor defined before it", path, _line(event))
            value, size = anchors[event.anchor]
            expanded += size
            if expanded > ALIAS_BUDGET + nodes:
                raise InputError(f"aliases expand to more than {ALIAS_BUDGET + nodes:,} values (a 'billion laughs' "
                                 "document?); write the values out instead", path, _line(event))
            add(value, _line(event), size)
            continue
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            nodes += 1
            if event.tag not in (None, "!", _COLLECTION_TAGS[type(event)]):
                raise InputError(f"unsupported tag {event.tag!r}; use plain values, lists and mappings",
                                 path, _line(event))
            if len(stack) >= MAX_DEPTH:
                raise InputError(f"nested more than {MAX_DEPTH} levels deep", path, _line(event))
            value = LineDict() if isinstance(event, yaml.MappingStartEvent) else LineList()
            value.line = _line(event)
            stack.append(_Frame(value, event.anchor))
            continue
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            frame = stack.pop()
            if frame.anchor:
                anchors[frame.anchor] = (frame.value, frame.size)
            add(frame.value, frame.value.line or 0, frame.size)
            continue
    if result is _NO_KEY:
        raise InputError("file is empty", path)
    return result


def load_yaml(path: str | Path) -> Any:
    """Load a YAML file into LineDict/LineList values; errors name the file and line."""
    from audit.ingest.readers import TooLargeError, read_source_bytes, size_text

    path = Path(path)
    try:
        data = read_source_bytes(path, MAX_YAML_BYTES)
    except TooLargeError as exc:
        raise InputError(f"file is {size_text(exc.size)}, over the {size_text(MAX_YAML_BYTES)} limit "
                         "for a YAML file", path) from None
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 ({exc.reason})", path, data[:exc.start].count(b"\n") + 1) from None
    loader = _Loader(text)
    try:
        return _build(loader, path)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        raise InputError(f"invalid YAML: {problem}", path, line) from None
    except yaml.YAMLError as exc:
        raise InputError(f"invalid YAML: {' '.join(str(exc).split())}", path) from None
    finally:
        loader.dispose()
