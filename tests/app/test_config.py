"""Where the database is and where its password comes from (never a file)."""

from __future__ import annotations

import pytest

from app import config
from app.db.database import Database
from app.domain.errors import DatabaseUnavailable, ValidationError


def test_default_is_the_embedded_sqlite_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(config.ENV_DB, raising=False)
    url = config.resolve_url(None)
    assert url.get_backend_name() == "sqlite"
    assert url.database is not None and url.database.endswith("rit-desk.sqlite3")


def test_environment_chooses_the_database(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(config.ENV_DB, "sqlite:////tmp/elsewhere.sqlite3")
    assert config.resolve_url(None).database == "/tmp/elsewhere.sqlite3"


def test_postgres_password_from_environment_then_prompt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config, "password_from_keyring", lambda url: None)
    monkeypatch.setenv(config.ENV_PASSWORD, "s3cret")
    url = config.resolve_url("postgresql://alice@db.example/rit")
    assert url.password == "s3cret" and url.get_driver_name() == "psycopg"
    assert "s3cret" not in url.render_as_string(hide_password=True)
    monkeypatch.delenv(config.ENV_PASSWORD)
    asked: list[str] = []
    url = config.resolve_url("postgresql://alice@db.example/rit",
                             prompt=lambda where: asked.append(where) or "typed")  # type: ignore[func-returns-value]
    assert url.password == "typed" and asked == ["postgresql+psycopg://alice@db.example/rit"]


def test_keyring_wins_over_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config, "password_from_keyring", lambda url: "from-keyring")
    monkeypatch.setenv(config.ENV_PASSWORD, "from-env")
    assert config.resolve_url("postgresql+psycopg://bob@h:5433/d").password == "from-keyring"
    assert config.keyring_account(config.parse_url("postgresql+psycopg://bob@h:5433/d")) == \
        "bob@h:5433/d"


def test_remembering_without_a_keyring_backend_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(config, "keyring_status",
                        lambda: config.KeyringStatus(False, "no keyring backend"))
    with pytest.raises(ValidationError, match="cannot be remembered"):
        config.store_password(config.parse_url("postgresql://a@b/c"), "pw")


@pytest.mark.parametrize("text", ["mysql://x@y/z", "not a url"])
def test_unsupported_urls(text: str) -> None:
    with pytest.raises(ValidationError):
        config.parse_url(text)


def test_unreachable_server_is_a_readable_error() -> None:
    db = Database("postgresql+psycopg://nobody@127.0.0.1:1/none")
    with pytest.raises(DatabaseUnavailable) as info:
        db.check_connection()
    assert "127.0.0.1:1" in info.value.message and "\n" not in info.value.message
    db.dispose()


@pytest.mark.parametrize(("text", "shown"), [
    ("postgresql+psycopg://alice:s3cr3t@db.example:54x9/rit",
     "postgresql+psycopg://alice:***@db.example:54x9/rit"),
    ("postgresql://alice:p@ss:w0rd@db.example:54x9/rit",
     "postgresql://alice:***@db.example:54x9/rit"),
    ("postgresql://alice:s3cr3t@[::1/rit", "postgresql://alice:***@[::1/rit"),
    ("postgresql://alice@db.example:54x9/rit?password=s3cr3t&sslmode=require",
     "postgresql://alice@db.example:54x9/rit?password=***&sslmode=require"),
    ("postgresql://alice@db.example/rit", "postgresql://alice@db.example/rit"),
    ("sqlite:////tmp/a@b/rit.sqlite3", "sqlite:////tmp/a@b/rit.sqlite3"),
])
def test_url_text_is_shown_without_its_password(text: str, shown: str) -> None:
    assert config.mask_url_text(text) == shown


def test_malformed_url_with_a_password_is_not_echoed() -> None:
    """Issue 9.4: a bad port used to echo the whole URL, password included."""
    with pytest.raises(ValidationError) as caught:
        config.parse_url("postgresql+psycopg://alice:s3cr3t@db.example:54x9/rit")
    assert "s3cr3t" not in str(caught.value) and "not a database URL" in str(caught.value)
    assert "alice:***@db.example:54x9" in str(caught.value)


def test_parsed_url_with_a_query_password_is_shown_without_it() -> None:
    url = config.parse_url("postgresql://alice:one@db.example/rit?password=two")
    assert "one" not in config.shown_url(url) and "two" not in config.shown_url(url)
