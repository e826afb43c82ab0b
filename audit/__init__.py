"""audit: find where sources that should agree quietly disagree.

The public API (all return pandas DataFrames and plain objects)::

    from audit import extract_corpus
    result = extract_corpus("sources/<topic>")
"""
from audit.api import ExtractResult, extract_corpus
from audit.errors import AuditError, InputError
from audit.topic import Topic, load_topic

__all__ = ["AuditError", "ExtractResult", "InputError", "Topic", "extract_corpus", "load_topic"]
__version__ = "0.1.0"
