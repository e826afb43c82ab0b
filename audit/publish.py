"""Publishing of outputs lives in :mod:`audit.engine.publish`; this name stays so existing imports keep working."""
from audit.engine.publish import *  # noqa: F401,F403
from audit.engine.publish import __all__  # noqa: F401
