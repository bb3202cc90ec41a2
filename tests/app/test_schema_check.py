"""The schema check reads the migration head as text: same answer as Alembic's, no import."""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import text

from app.db.database import MIGRATIONS, Database, migration_head


def alembic_head() -> str | None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config).get_current_head()


def test_head_read_as_text_is_alembics_head() -> None:
    assert migration_head() is not None
    assert migration_head() == alembic_head()


def test_schema_is_current_only_at_the_head(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'schema.sqlite3'}")
    try:
        assert not db.schema_is_current()  # empty database: no alembic_version
        db.upgrade_schema()
        assert db.schema_is_current()
        assert db._schema_is_current_by_alembic()
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))
        assert not db.schema_is_current()
        assert not db._schema_is_current_by_alembic()
    finally:
        db.dispose()


def write(folder: Path, name: str, revision: str, parent: str | None) -> None:
    down = "None" if parent is None else f'"{parent}"'
    (folder / name).write_text(f'"""x"""\n\nrevision = "{revision}"\ndown_revision = {down}\n',
                               "utf-8")


def test_anything_but_a_plain_chain_is_left_to_alembic(tmp_path: Path) -> None:
    chain = tmp_path / "chain"
    chain.mkdir()
    write(chain, "a.py", "a1", None)
    write(chain, "b.py", "b2", "a1")
    write(chain, "c.py", "c3", "b2")
    assert migration_head(chain) == "c3"
    branch = tmp_path / "branch"
    branch.mkdir()
    write(branch, "a.py", "a1", None)
    write(branch, "b.py", "b2", "a1")
    write(branch, "c.py", "c3", "a1")
    assert migration_head(branch) is None
    merge = tmp_path / "merge"
    merge.mkdir()
    write(merge, "a.py", "a1", None)
    (merge / "m.py").write_text('revision = "m"\ndown_revision = ("a1", "b1")\n', "utf-8")
    assert migration_head(merge) is None
