"""Errors of `kg`, each with a message a user can act on.

KgError                    base; the CLI prints its message on one line
├── InputError             a source file cannot be used (missing, empty, binary, no speeches)
└── QueryError             a SPARQL query is malformed or a named question is unknown
"""


class KgError(Exception):
    """Something the user can fix; ``str(exc)`` is the one-line message."""


class InputError(KgError):
    """A source file cannot be used; the message names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self):  # picklable, so that it comes back from an extraction worker process
        return (InputError, (self.path, self.reason))


class QueryError(KgError):
    """A SPARQL query or a named question cannot be run."""
