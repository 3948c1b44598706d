"""Who may do what, what was done, and what each user asked: accounts, roles, the audit trail and
kept conversations.

- :mod:`.roles`: :class:`Role` (reader < editor < admin), :class:`User`, :func:`require` - every
  write is checked here, on the server, whatever a page shows.
- :mod:`.passwords`: Argon2id hashes (argon2-cffi).
- :mod:`.users`: local accounts in SQLite (``security_dir/users.sqlite3``), locked after repeated
  failed sign-ins; entries for single-sign-on users carry their role.
- :mod:`.audit`: the append-only, hash-chained audit trail of corpus changes (JSONL).
- :mod:`.conversations`: each user's conversations and the feedback on answers (SQLite).
- :mod:`.export`: a conversation as Markdown or DOCX, with citations and their passages.
- :mod:`.corpus`: the corpus writes the app and the command line make (add, update, delete,
  reset), each checked against the user's role and the read-only setting, and recorded in the
  audit trail. (It sits with the ingest layer: this package's other modules import nothing above
  the text utilities and the typed records.)
"""
from .roles import PERMISSIONS, PermissionDenied, Role, User, os_user, require

__all__ = ["PERMISSIONS", "PermissionDenied", "Role", "User", "os_user", "require"]
