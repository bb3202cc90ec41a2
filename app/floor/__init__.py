"""The start at the floor: the first queue page without SQLAlchemy, the ORM or the services.

A direct start (``--db URL --as USER``, ``RIT_DESK_DB``, the embedded file with ``--as``)
reads what the first window shows through the DB-API driver itself (``sqlite3`` or
``psycopg``, read-only): the schema's revision, the staff, who signs in, one setting and
the first page of the queue (:mod:`app.floor.reader`). The window is built on a
:class:`app.floor.deferred.DeferredDatabase`, which makes the real
:class:`app.db.database.Database` (and imports SQLAlchemy) when first used, after the
first page is painted. Anything the floor is not sure of (an unusual URL, a schema to
upgrade, a password to ask for, an unknown user) is left to the usual start, which
answers it as it always did. No Qt here.
"""
