"""The audit trail the Companies (Accounts) Rules ask of accounting software (an edit log of
every change, with its date, that cannot be switched off): every job that writes or posts
anything appends an entry to `BOOK.xlbo-log.jsonl` beside the books, chained by SHA-256 to the
one before it; row hashes of the books' Journal and master sheets are kept after each run, so
`xlbo audit verify` finds edits made outside xlbo, and `xlbo audit report` lists who changed
what, when, old → new.

- `records`: what a job posted (`AuditRecord`), its cells as exact text;
- `log`: the chained log (canonical JSON, append under a lock, `verify_chain`);
- `snapshot`: row hashes of the books, and what changed since;
- `stamp`: the chain's head in a very hidden sheet of the books a job wrote (and the books'
  SHA-256 but for it, `unstamped_sha256`);
- `hook`: `before_run` and `record_run`, called by `xlbo.jobs.registry.run` for every door.
"""

from xlbo.audit.records import AuditRecord, Change, journal_records

__all__ = ["AuditRecord", "Change", "journal_records"]
