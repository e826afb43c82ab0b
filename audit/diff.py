"""Compare two audits: claims added, removed and changed per source; findings new, resolved, changed.

Claims are matched by id first (an unchanged claim keeps its id); the rest are
paired within (source, facet, subject, object, scope, polarity) in reading
order, so "Four main forms exist" -> "Seven main forms exist" is one changed
claim (4->7), not a removal and an addition. The claim table diff follows
daff's highlighter format (``@@`` header, ``+++`` added, ``---`` removed,
``->`` changed, ``a->b`` in a changed cell) and is produced by daff itself.
"""
from __future__ import annotations

import difflib
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from audit.engine.publish import open_outputs, read_generation
from audit.errors import InputError
from audit.schemas import read_table
from audit.severity import at_or_above, rank

_PAIR_KEY = ("source_id", "facet", "subject", "object", "scope", "polarity")
_SHOWN = ("source_id", "facet", "subject", "object", "value", "unit", "measure", "qualifier", "scope", "polarity", "hedge", "typicality", "quote")


@dataclass
class AuditTables:
    label: str
    claims: pd.DataFrame
    findings: pd.DataFrame
    # finding id -> [(value, quote, location in a source file)], a position's first located quote each
    # (from the findings.json of the same generation)
    locations: dict[str, list[tuple[str, str, dict]]] = field(default_factory=dict)


def _report_locations(folder: Path) -> dict[str, list[tuple[str, str, dict]]]:
    """Where each finding's positions are quoted in the source files, from the reports published with these tables.

    The reports are looked for where ``audit run`` puts them (``<x>/reports`` beside ``<x>/extracted``, or
    ``reports/<topic>`` beside ``extracted/<topic>``) and used only when they carry the same generation id:
    locations from other tables would put annotations on the wrong lines.
    """
    import json


    ours = (read_generation(folder) or {}).get("generation")
    if not ours:
        return {}
    for candidate in (folder.parent / "reports", folder.parent.parent / "reports" / folder.name):
        marker = read_generation(candidate) if candidate.is_dir() else None
        if marker and marker.get("generation") == ours and (candidate / "findings.json").is_file():
            document = json.loads((candidate / "findings.json").read_text("utf-8"))
            locations = {}
            for finding in document.get("findings", []):
                for position in finding.get("positions", []):
                    quote = next((q for q in position.get("quotes", []) if q.get("location")), None)
                    if quote is not None:
                        locations.setdefault(finding["id"], []).append(
                            (position["value"], quote["quote"], quote["location"]))
            return locations
    return {}


def load_tables(extracted_dir: str | Path, label: str | None = None) -> AuditTables:
    folder = Path(extracted_dir)
    if not folder.is_dir():
        raise InputError("extracted folder not found", folder)
    open_outputs(folder)  # finish or discard an interrupted publication before reading
    claims = read_table(folder / "claims.csv", "claims")
    findings_path = folder / "findings.csv"
    findings = read_table(findings_path, "findings") if findings_path.is_file() else pd.DataFrame(
        columns=["finding_id", "code", "severity", "subject", "message", "value", "source_id", "waived"])
    return AuditTables(label or str(folder), claims, findings, _report_locations(folder))


def _claim_dict(row) -> dict:
    data = {column: getattr(row, column) for column in ("claim_id", *_SHOWN, "start", "end")}
    data["start"], data["end"] = int(data["start"]), int(data["end"])
    return data


def _word_diff(before: str, after: str) -> list[dict]:
    """Word-level segments: op is equal | delete | insert (rendered as <del>/<ins>)."""
    a, b = before.split(" "), after.split(" ")
    segments = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            segments.append({"op": "equal", "text": " ".join(a[i1:i2])})
        else:
            if i2 > i1:
                segments.append({"op": "delete", "text": " ".join(a[i1:i2])})
            if j2 > j1:
                segments.append({"op": "insert", "text": " ".join(b[j1:j2])})
    return segments


def diff_claims(base: pd.DataFrame, head: pd.DataFrame) -> dict:
    same_ids = set(base["claim_id"]) & set(head["claim_id"])
    removed = base[~base["claim_id"].isin(same_ids)].sort_values(["source_id", "start", "claim_id"])
    added = head[~head["claim_id"].isin(same_ids)].sort_values(["source_id", "start", "claim_id"])
    changed, paired_removed, paired_added = [], set(), set()
    added_groups = {key: list(group.itertuples()) for key, group in added.groupby(list(_PAIR_KEY), sort=False)}
    for key, group in removed.groupby(list(_PAIR_KEY), sort=True):
        candidates = added_groups.get(key, [])
        for old, new in zip(group.itertuples(), candidates):
            before, after = _claim_dict(old), _claim_dict(new)
            fields = {name: [before[name], after[name]] for name in ("value", "measure", "qualifier", "hedge", "typicality", "quote")
                      if before[name] != after[name]}
            changed.append({"source_id": old.source_id, "facet": old.facet, "subject": old.subject,
                            "before": before, "after": after, "changes": fields,
                            "quote_diff": _word_diff(before["quote"], after["quote"])})
            paired_removed.add(old.claim_id)
            paired_added.add(new.claim_id)
    return {
        "added": [_claim_dict(r) for r in added.itertuples() if r.claim_id not in paired_added],
        "removed": [_claim_dict(r) for r in removed.itertuples() if r.claim_id not in paired_removed],
        "changed": sorted(changed, key=lambda c: (c["source_id"], c["after"]["start"], c["facet"])),
        "unchanged": len(same_ids),
        "pairs": {c["before"]["claim_id"]: c["after"]["claim_id"] for c in changed},
    }


def daff_table(base: pd.DataFrame, head: pd.DataFrame, pairs: dict[str, str]) -> list[list[str]]:
    """The claim diff in daff's highlighter format (only changed rows)."""
    import daff

    def rows(frame: pd.DataFrame, rename: dict[str, str]) -> list[list[str]]:
        table = [["key", *_SHOWN]]
        for row in frame.sort_values(["source_id", "start", "claim_id"]).itertuples():
            table.append([rename.get(row.claim_id, row.claim_id), *(str(getattr(row, c)) for c in _SHOWN)])
        return table

    old = daff.PythonTableView(rows(base, pairs))
    new = daff.PythonTableView(rows(head, {}))
    flags = daff.CompareFlags()
    flags.addPrimaryKey("key")
    flags.show_unchanged = False
    alignment = daff.Coopy.compareTables(old, new, flags).align()
    output = daff.PythonTableView([])
    daff.TableDiff(alignment, flags).hilite(output)
    return [[("" if cell is None else str(cell)) for cell in row] for row in output.data]


def _findings_by_id(frame: pd.DataFrame) -> dict[str, dict]:
    result = {}
    for finding_id, group in frame.groupby("finding_id", sort=True):
        first = group.iloc[0]
        positions = {}
        for value, rows in group.groupby("value", sort=True):
            positions[value] = sorted(set(rows["source_id"]))
        result[finding_id] = {"id": finding_id, "code": first["code"], "severity": first["severity"],
                              "subject": first["subject"], "message": first["message"],
                              "waived": bool(group["waived"].any()),
                              "positions": [{"value": v, "sources": s} for v, s in positions.items()]}
    return result


def _finding_changes(old: dict, new: dict) -> dict:
    """What changed in one finding: severity, message, and the values sources give (with who gives them)."""
    changes: dict = {}
    for name in ("severity", "message", "waived"):
        if old[name] != new[name]:
            changes[name] = [old[name], new[name]]
    before = {p["value"]: p["sources"] for p in old["positions"]}
    after = {p["value"]: p["sources"] for p in new["positions"]}
    values = {
        "removed": [{"value": v, "sources": before[v]} for v in sorted(set(before) - set(after))],
        "added": [{"value": v, "sources": after[v]} for v in sorted(set(after) - set(before))],
        "moved": [{"value": v, "before": before[v], "after": after[v]}
                  for v in sorted(set(before) & set(after)) if before[v] != after[v]],
    }
    if any(values.values()):
        changes["values"] = values
    return changes


def diff_findings(base: pd.DataFrame, head: pd.DataFrame) -> dict:
    """Findings matched by id. An id names the question (rule, facet, subject, scope), not the answers,
    so a finding whose values changed is *changed*, not resolved and raised again."""
    before, after = _findings_by_id(base), _findings_by_id(head)
    changed = []
    for finding_id in sorted(set(before) & set(after)):
        old, new = before[finding_id], after[finding_id]
        changes = _finding_changes(old, new)
        if changes:
            changed.append({"id": finding_id, "code": new["code"], "subject": new["subject"],
                            "severity": new["severity"], "waived": new["waived"], "changes": changes,
                            "before": old, "after": new})
    return {"new": [after[i] for i in sorted(set(after) - set(before))],
            "resolved": [before[i] for i in sorted(set(before) - set(after))],
            "changed": changed, "unchanged": len(set(before) & set(after)) - len(changed)}


def diff_audits(base: AuditTables, head: AuditTables) -> dict:
    claims = diff_claims(base.claims, head.claims)
    pairs = claims.pop("pairs")
    findings = diff_findings(base.findings, head.findings)
    # New and changed findings are annotated where the head's sources say them (when its reports are known);
    # a changed finding where it changed: the quote of a value the change added, if any.
    pending = [(f, ()) for f in findings["new"]]
    pending += [(c["after"], tuple(v["value"] for v in c["changes"].get("values", {}).get("added", [])))
                for c in findings["changed"]]
    for finding, added in pending:
        quoted = head.locations.get(finding["id"], [])
        chosen = next((item for item in quoted if item[0] in added), quoted[0] if quoted else None)
        if chosen is not None:
            finding["quote"], finding["location"] = chosen[1], chosen[2]
    return {
        "schema_version": "1.0", "base": base.label, "head": head.label,
        "summary": {"claims_added": len(claims["added"]), "claims_removed": len(claims["removed"]),
                    "claims_changed": len(claims["changed"]), "findings_new": len(findings["new"]),
                    "findings_resolved": len(findings["resolved"]), "findings_changed": len(findings["changed"])},
        "claims": claims, "claims_daff": daff_table(base.claims, head.claims, pairs), "findings": findings,
    }


def introduced(document: dict, fail_on: str) -> list[dict]:
    """Findings the change introduces (new, or changed to a worse severity) at or above ``fail_on``."""
    worse = [c["after"] for c in document["findings"]["changed"]
             if rank(c["after"]["severity"]) < rank(c["before"]["severity"])]
    return [f for f in [*document["findings"]["new"], *worse]
            if not f.get("waived") and at_or_above(f["severity"], fail_on)]


def _git(arguments: list[str], cwd: Path, corpus_dir: str | Path) -> bytes:
    """Run git; a missing git or a failing command is the user's problem (exit 2), named on one line."""
    try:
        completed = subprocess.run(["git", *arguments], cwd=cwd, capture_output=True, check=True)
    except FileNotFoundError:
        raise InputError("--base-ref needs git, which is not installed", corpus_dir) from None
    except OSError as exc:
        raise InputError(f"cannot run git ({exc.strerror})", corpus_dir) from None
    return completed.stdout


def _git_message(exc: subprocess.CalledProcessError) -> str:
    lines = (exc.stderr or b"").decode("utf-8", "replace").strip().splitlines()
    return lines[0] if lines else "git failed"


def corpus_at_revision(corpus_dir: str | Path, revision: str, into: Path) -> Path:
    """Materialise ``corpus_dir`` as it was at git ``revision`` under ``into``."""
    corpus = Path(corpus_dir)
    if not corpus.is_dir():
        raise InputError("corpus folder not found", corpus_dir)
    # A revision starting with '-' would reach git as an option (git archive --output=..., --remote=...).
    if not revision or revision.startswith("-") or any(char in revision for char in "\0\n\r"):
        raise InputError(f"--base-ref {revision!r} is not a revision name", corpus_dir)
    corpus = corpus.resolve()
    try:
        top = Path(_git(["rev-parse", "--show-toplevel"], corpus, corpus_dir).decode("utf-8", "replace").strip())
    except subprocess.CalledProcessError:
        raise InputError("not inside a git work tree (--base-ref reads the corpus from git)", corpus_dir) from None
    try:
        relative = corpus.relative_to(top.resolve()).as_posix()
    except ValueError:
        raise InputError(f"is not inside the git work tree {top}", corpus_dir) from None
    try:
        commit = _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], top, corpus_dir)
    except subprocess.CalledProcessError:
        raise InputError(f"unknown revision {revision!r} (no such commit, branch or tag)", corpus_dir) from None
    try:
        archive = _git(["archive", "--format=tar", commit.decode().strip(), "--", relative], top, corpus_dir)
    except subprocess.CalledProcessError as exc:
        message = _git_message(exc)
        if "did not match any files" in message:
            raise InputError(f"the corpus did not exist at revision {revision!r}", corpus_dir) from None
        raise InputError(f"cannot read revision {revision!r}: {message}", corpus_dir) from None
    import io
    import tarfile

    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")  # no absolute paths, no links leading out
    target = into / relative
    if not target.is_dir():
        raise InputError(f"the corpus did not exist at revision {revision!r}", corpus_dir)
    return target
