"""Command line interface: parses arguments, calls :mod:`audit.api`, prints, exits.

Exit codes: 0 success, 1 findings at or above ``--fail-on``, 2 bad input or
usage, 3 internal error (a bug: please report it with ``--debug`` output).
"""
from __future__ import annotations

import errno
import sys
from pathlib import Path

import click

from audit import api
from audit.errors import AuditError
from audit.report.formatters import FORMATS, render
from audit.severity import FAIL_ON_CHOICES, at_or_above

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
USER_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.ENOTDIR, errno.EISDIR,
               errno.EEXIST, errno.ENAMETOOLONG, errno.ELOOP, errno.EMFILE, errno.ENFILE, errno.EFBIG}


class AuditGroup(click.Group):
    """Turns library errors into one-line messages and exit codes."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except AuditError as error:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"error: {error}", err=True)
            ctx.exit(error.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)
        except OSError as error:
            # The library names paths it checks itself; this catches what the file system can still
            # refuse half-way (disk full, permission changed, read-only mount). Such errors are the
            # user's environment, not a bug: exit 2 with the path. Other OSErrors stay internal.
            if error.errno not in USER_ERRNOS or (ctx.obj and ctx.obj.get("debug")):
                raise
            where = f"{error.filename}: " if error.filename else ""
            click.echo(f"error: {where}{error.strerror or error}", err=True)
            ctx.exit(EXIT_INPUT)
        except Exception as error:  # noqa: BLE001 - the one place that turns bugs into a clean exit
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"internal error: {type(error).__name__}: {error} (re-run with --debug for a traceback)", err=True)
            ctx.exit(EXIT_INTERNAL)


corpus_argument = click.argument("corpus", type=click.Path(path_type=Path))
extracted_option = click.option("--extracted", "extracted_dir", type=click.Path(path_type=Path), default=None,
                                help="Folder for the tables (default: extracted/<corpus folder name>).")
max_bytes_option = click.option("--max-bytes", type=click.IntRange(min=1), default=api.DEFAULT_MAX_BYTES,
                                show_default=True, help="Refuse source files larger than this.")
max_chars_option = click.option("--max-chars", type=click.IntRange(min=1), default=api.DEFAULT_MAX_CHARS,
                                show_default=True, help="Refuse sources with more characters of text than this "
                                "(.html: text extracted from the page); bounds run time.")
no_cache_option = click.option("--no-cache", is_flag=True, help="Do not read or write the per-document cache.")
jobs_option = click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
                           help="Documents processed in parallel (output is identical for any value).")
engine_option = click.option("--engine", type=click.Choice(api.ENGINES), default="local", show_default=True,
                             help="Where documents are processed and compare's questions built: this machine, "
                             "or a Dask cluster (needs "
                             "'audit[dask]'; without --scheduler a local cluster of --jobs workers). "
                             "Output is identical.")
scheduler_option = click.option("--scheduler", metavar="ADDRESS", default=None,
                                help="Dask scheduler to run on (tcp://host:8786), with --engine dask.")


@click.group(cls=AuditGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.version_option(package_name="audit")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Audit a folder of sources for claims that disagree."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


@main.command()
@corpus_argument
@extracted_option
@max_bytes_option
@max_chars_option
@no_cache_option
@jobs_option
@engine_option
@scheduler_option
def extract(corpus: Path, extracted_dir: Path | None, max_bytes: int, max_chars: int, no_cache: bool,
            jobs: int, engine: str, scheduler: str | None) -> None:
    """Extract claims from CORPUS into sources.csv and claims.csv."""
    result = api.extract_corpus(corpus, extracted_dir, max_bytes=max_bytes, max_chars=max_chars,
                                cache_dir=None if no_cache else api.DEFAULT_CACHE_DIR,
                                failures_dir=api.default_reports_dir(corpus), jobs=jobs, engine=engine,
                                scheduler=scheduler)
    click.echo(f"{len(result.sources)} sources, {len(result.claims)} claims -> {result.extracted_dir}")


reports_option = click.option("--reports", "reports_dir", type=click.Path(path_type=Path), default=None,
                              help="Folder for reports (default: reports/<corpus folder name>).")
fail_on_option = click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), default="error",
                              show_default=True, help="Exit 1 when findings at or above this severity exist.")
format_option = click.option("--format", "output_format", type=click.Choice(FORMATS), default="text",
                             show_default=True, help="What to print on standard output (files are written regardless).")
baseline_option = click.option("--baseline", "baseline_file", type=click.Path(path_type=Path), default=None,
                               help="Waivers file (default: <corpus>/audit-baseline.yaml when present).")
no_gx_option = click.option("--no-data-quality", is_flag=True,
                            help="Skip the Great Expectations suites (faster; pandera still gates every table).")


def _finish(result: api.AuditResult, output_format: str, fail_on: str) -> None:
    click.echo(render(output_format, "audit", result.document), nl=False)
    if result.reports_dir is not None:  # on stderr: stdout stays parseable in every format
        click.echo(f"report: {result.reports_dir / 'report.html'}  findings: {result.reports_dir / 'findings.json'}",
                   err=True)
    code = result.exit_code(fail_on)
    if code and output_format == "text":
        click.echo(f"{len(result.failing(fail_on))} finding(s) at or above '{fail_on}'", err=True)
    sys.exit(code)


@main.command()
@corpus_argument
@extracted_option
@reports_option
@fail_on_option
@format_option
@no_gx_option
@baseline_option
@max_bytes_option
@jobs_option
@engine_option
@scheduler_option
def compare(corpus: Path, extracted_dir: Path | None, reports_dir: Path | None, fail_on: str, output_format: str,
            no_data_quality: bool, baseline_file: Path | None, max_bytes: int, jobs: int, engine: str,
            scheduler: str | None) -> None:
    """Compare the sources of an already extracted CORPUS and write the findings."""
    extracted = api.load_extracted(extracted_dir or api.default_extracted_dir(corpus), corpus, max_bytes)
    result = api.compare_extracted(extracted, reports_dir, data_quality=not no_data_quality,
                                   baseline=api.find_baseline(corpus, baseline_file), jobs=jobs, engine=engine,
                                   scheduler=scheduler)
    _finish(result, output_format, fail_on)


@main.command()
@corpus_argument
@extracted_option
@reports_option
@fail_on_option
@max_bytes_option
def validate(corpus: Path, extracted_dir: Path | None, reports_dir: Path | None, fail_on: str, max_bytes: int) -> None:
    """Run the pandera schemas and the Great Expectations suites on CORPUS's tables."""
    extracted = api.load_extracted(extracted_dir or api.default_extracted_dir(corpus), corpus, max_bytes)
    result = api.validate_extracted(extracted, reports_dir)
    for outcome in result.outcomes:
        mark = "ok  " if outcome.success else f"FAIL ({outcome.severity})"
        click.echo(f"{mark} {outcome.suite}: {outcome.description} [{outcome.expectation} on {outcome.column}]")
    worst = result.worst_failed_severity()
    sys.exit(1 if worst and at_or_above(worst, fail_on) else 0)


@main.command()
@corpus_argument
@extracted_option
@reports_option
@fail_on_option
@format_option
@no_gx_option
@baseline_option
@max_bytes_option
@max_chars_option
@no_cache_option
@jobs_option
@engine_option
@scheduler_option
def run(corpus: Path, extracted_dir: Path | None, reports_dir: Path | None, fail_on: str, output_format: str,
        no_data_quality: bool, baseline_file: Path | None, max_bytes: int, max_chars: int, no_cache: bool,
        jobs: int, engine: str, scheduler: str | None) -> None:
    """Run every stage on CORPUS: extract, validate, compare, report."""
    result = api.run_audit(corpus, extracted_dir, reports_dir, max_bytes=max_bytes, max_chars=max_chars, jobs=jobs,
                           engine=engine, scheduler=scheduler,
                           cache_dir=None if no_cache else api.DEFAULT_CACHE_DIR,
                           data_quality=not no_data_quality, baseline=api.find_baseline(corpus, baseline_file))
    _finish(result, output_format, fail_on)


@main.command()
@click.argument("base", type=click.Path(path_type=Path))
@click.argument("head", type=click.Path(path_type=Path), required=False)
@click.option("--base-ref", default=None, metavar="REV",
              help="Compare the corpus BASE at git revision REV with the work tree (HEAD is then not given).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help="Folder for diff.html and diff.json (default: reports/<head name>/diff).")
@fail_on_option
@format_option
def diff(base: Path, head: Path | None, base_ref: str | None, out_dir: Path | None, fail_on: str,
         output_format: str) -> None:
    """Compare two audits: BASE and HEAD extracted folders, or a corpus with --base-ref."""
    document, name = api.diff_command(base, head, base_ref)
    out = out_dir or Path("reports") / name / "diff"
    api.write_diff(document, out)
    click.echo(f"diff: {out / 'diff.html'}  {out / 'diff.json'}", err=True)
    click.echo(render(output_format, "diff", document), nl=False)
    sys.exit(1 if api.diff_introduced(document, fail_on) else 0)


@main.command()
@click.argument("draft", type=click.Path(path_type=Path))
@click.option("--against", "corpus", type=click.Path(path_type=Path), required=True,
              help="The reference corpus folder (sources/<topic>).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help="Folder for check.html and check.json (default: reports/<topic>/check).")
@fail_on_option
@format_option
def check(draft: Path, corpus: Path, out_dir: Path | None, fail_on: str, output_format: str) -> None:
    """Check a DRAFT (.md, .html, .txt) against the references in a corpus."""
    document = api.check_draft(draft, corpus)
    out = out_dir or Path("reports") / Path(corpus).resolve().name / "check"
    api.write_check(document, out)
    click.echo(f"check: {out / 'check.html'}  {out / 'check.json'}", err=True)
    click.echo(render(output_format, "check", document), nl=False)
    sys.exit(1 if api.check_failing(document, fail_on) else 0)


@main.command()
@corpus_argument
@extracted_option
@click.option("--out", "out_file", type=click.Path(path_type=Path), default=None,
              help="Baseline file to write (default: <corpus>/audit-baseline.yaml).")
@click.option("--reason", required=True, help="Why these findings are accepted (required, recorded per waiver).")
@click.option("--who", default="", help="Who accepts them.")
@click.option("--date", "date_", default=None, help="Date recorded on each waiver (default: today).")
@click.option("--expires", default="", help="Optional expiry date (YYYY-MM-DD) for every waiver.")
def baseline(corpus: Path, extracted_dir: Path | None, out_file: Path | None, reason: str, who: str,
             date_: str | None, expires: str) -> None:
    """Write a baseline that waives CORPUS's current findings."""
    import datetime

    out = out_file or corpus / "audit-baseline.yaml"
    count = api.write_baseline_for(corpus, extracted_dir, out, reason, who,
                                   date_ or datetime.date.today().isoformat(), expires)
    click.echo(f"{count} finding(s) waived in {out}")


@main.command(name="eval")
@click.argument("corpora", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--gold", "gold_file", type=click.Path(path_type=Path), default=None,
              help="Gold file for a single CORPUS that holds its own articles.")
@click.option("--devset", type=click.Path(path_type=Path), default=None,
              help="Development set: DEVSET/<corpus folder name>/ holds the articles and gold.yaml.")
@click.option("--json", "json_file", type=click.Path(path_type=Path), default=None,
              help="Write every score, miss and false claim as JSON.")
@click.option("--details/--no-details", default=True, show_default=True,
              help="List each miss and false claim after the table.")
@click.option("--floor", "floor_file", type=click.Path(path_type=Path), default=None,
              help="Recorded scores (JSON); exit 1 when a score drops below them.")
@click.option("--record", "record_file", type=click.Path(path_type=Path), default=None,
              help="Write the summary scores here (to become the new floor).")
def eval_command(corpora: tuple[Path, ...], gold_file: Path | None, devset: Path | None, json_file: Path | None,
                 details: bool, floor_file: Path | None, record_file: Path | None) -> None:
    """Precision and recall of CORPORA's claims and findings against hand-read gold."""
    from audit import evaluate

    if (gold_file is None) == (devset is None):
        raise click.UsageError("give either --gold (one corpus) or --devset")
    if gold_file is not None:
        if len(corpora) != 1:
            raise click.UsageError("--gold takes exactly one CORPUS")
        result = evaluate.Evaluation([evaluate.evaluate_corpus(corpora[0], gold_file)])
    else:
        result = evaluate.evaluate_devset(corpora, devset, on_topic=lambda name: click.echo(f"eval {name}", err=True))
    click.echo(evaluate.format_table(result, details=details))
    if json_file is not None:
        from audit.atomic import write_json

        write_json(json_file, result.to_dict())
    if record_file is not None:
        from audit.atomic import write_json

        write_json(record_file, result.summary())
    if floor_file is not None:
        drops = evaluate.below_floor(result.summary(), evaluate.load_floor(floor_file))
        for drop in drops:
            click.echo(f"below floor: {drop}", err=True)
        sys.exit(1 if drops else 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
