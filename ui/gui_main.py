"""Start the desktop app: translations, connect and sign in, the main window."""

from __future__ import annotations

import gc
import os
import sys
import threading
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLineEdit, QMessageBox

from app import config
from app.domain import cldr
from app.domain.errors import RitError, ValidationError
from app.domain.texts import check_password
from app.floor.deferred import FloorStart, open_floor
from app.services.queue_rows import StaffView
from ui import i18n, start_probe
from ui.connection import (
    LAST_USER_KEY,
    PASSWORD_REQUIRED,
    default_user,
    is_first_run,
    make_database,
    open_embedded,
    sign_in_problem,
    signed_in,
)
from ui.context import AppContext
from ui.errors import error_text
from ui.language_switch import LanguageHost
from ui.main_window import MainWindow, default_queue
from ui.queue_panel import DASHBOARD

if TYPE_CHECKING:  # SQLAlchemy and the reads: after the first page is painted
    from app.db.database import Database

ORGANISATION = "RIT Desk"
APPLICATION = "RIT Desk"
SCREENSHOT_TIMEOUT_MS = 60000
SCREENSHOT_SIZE = (1480, 900)
#: how long the start waits for the first page before it shows the window without it
FIRST_ROWS_WAIT_S = 0.25

Q = QCoreApplication  # Q.translate(context, text) is what pyside6-lupdate looks for


def _application(screenshot: bool) -> QApplication:
    if screenshot and not os.environ.get("QT_QPA_PLATFORM") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) \
            and sys.platform.startswith("linux"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    return app


def _fail(message: str, *, quiet: bool) -> int:
    if quiet:
        print(f"rit-desk: {message}", file=sys.stderr)
    else:
        QMessageBox.critical(None, APPLICATION, message)
    return 2


def _ask_password(where: str) -> str | None:
    """The password typed (None: cancelled); one with a control character or over 200
    characters is refused in the app's words and asked again (a NUL would end it for
    libpq: a shorter password tried in silence)."""
    while True:
        text, ok = QInputDialog.getText(
            None, APPLICATION, Q.translate("gui_main", "Password for %1:").replace("%1", where),
            QLineEdit.EchoMode.Password)
        if not ok or not text:
            return text if ok else None
        try:
            return check_password(text)
        except ValidationError as exc:
            message = error_text(exc)
            QMessageBox.warning(None, APPLICATION, message[:1].upper() + message[1:])


def _open_given(db_url: str | None, *, quiet: bool) -> Database:
    """The database named on the command line or in RIT_DESK_DB (schema checked).

    Without a password in the keyring or the environment the connection is tried as it
    is (trust authentication needs none); the password is asked for only when the
    server asks for one.
    """
    from app.db.database import describe

    url = config.resolve_url(db_url)
    db = make_database(url)
    try:
        db.check_connection()
    except RitError as exc:
        if quiet or url.password or sign_in_problem(str(exc)) != PASSWORD_REQUIRED:
            raise
        db.dispose()
        password = _ask_password(describe(url))
        if not password:
            raise
        db = make_database(url.set(password=password))
        db.check_connection()
    if not db.schema_is_current():
        if db.is_sqlite:
            db.upgrade_schema()
        else:
            raise RitError(Q.translate(
                "gui_main", "The database has no current RIT Desk schema: run 'rit-desk init' "
                "first."))
    return db


def _pick_user(db: Database, user: str | None, settings: QSettings) -> StaffView:
    from app.services import first_reads

    if user:
        return first_reads.staff_member(first_reads.staff(db), user)
    people = first_reads.staff(db)
    found = default_user(people, str(settings.value(LAST_USER_KEY, "")))
    if found is None:
        raise RitError(Q.translate(
            "gui_main", "No staff user exists in this database yet: add one with "
            "'rit-desk staff add'."))
    return found


def _sign_in(db_url: str | None, user: str | None, settings: QSettings,
             *, quiet: bool) -> tuple[Database, StaffView] | None:
    """Who works on which database: from the arguments, the first run, or the dialog."""
    given = db_url or os.environ.get(config.ENV_DB)
    if given:
        db = _open_given(given, quiet=quiet)
        if not db.is_sqlite:  # the login is who works: nobody to pick
            try:
                person = signed_in(db, user)
            except RitError:
                db.dispose()
                raise
            settings.setValue(LAST_USER_KEY, person.username)
            return db, person
        if user or quiet:
            return db, _pick_user(db, user, settings)
        dialog_db = db
    elif user or quiet:
        db = open_embedded()
        return db, _pick_user(db, user, settings)
    else:
        dialog_db = None
    if dialog_db is not None:
        from app.services import first_reads

        # the database is fixed: only the user is asked
        people = first_reads.staff(dialog_db)
        names = [f"{p.name} ({p.username})" for p in people if p.active]
        if not names:
            raise RitError(Q.translate("gui_main", "No staff user exists in this database yet."))
        last = default_user(people, str(settings.value(LAST_USER_KEY, "")))
        current = names.index(f"{last.name} ({last.username})") if last else 0
        choice, ok = QInputDialog.getItem(None, APPLICATION,
                                          Q.translate("gui_main", "Sign in as:"), names,
                                          current, False)
        if not ok:
            return None
        person = [p for p in people if p.active][names.index(choice)]
        settings.setValue(LAST_USER_KEY, person.username)
        return dialog_db, person
    from ui.start_dialog import StartDialog  # only when asked: not on a direct start

    # the first run too: nobody is signed in unasked (the embedded database is preselected
    # and opened with its demo data, the user picks who works); later starts connect to
    # the profile used last by themselves (a PostgreSQL one signs in with the keyring's
    # password, the embedded one waits for Enter on the last user)
    dialog = StartDialog(settings, first_run=is_first_run(), reconnect=True)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_value is None:
        return None
    return dialog.result_value


def _floor(db_url: str | None, user: str | None, settings: QSettings) -> FloorStart | None:
    """A direct start read at the floor (see :mod:`app.floor`), or None: the usual one."""
    floor = open_floor(db_url, user, lambda text: make_database(config.resolve_url(text)))
    if floor is not None and not floor.db.is_sqlite:
        settings.setValue(LAST_USER_KEY, floor.person.username)
    return floor


def _context(db: Database, person: StaffView, lang: str,
             floor: FloorStart | None = None) -> AppContext:
    if floor is not None and floor.db is db:
        stored = floor.send_limit
    else:
        from app.services import first_reads

        stored = first_reads.setting(db, "tech_send_limit")
    if stored is None:
        return AppContext(db, person, lang)  # its default is the setting's
    return AppContext(db, person, lang, Decimal(stored))


def take_screenshot(window: MainWindow, path: str) -> bool:
    """Render the window (with the first request open) to a PNG file."""
    image = window.grab()
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return bool(image.save(path, "PNG"))


def _screenshot(app: QApplication, window: MainWindow, path: str) -> int:
    outcome = {"code": 1}

    def shoot() -> None:
        outcome["code"] = 0 if take_screenshot(window, path) else 1
        app.quit()

    def on_ready() -> None:
        if window.finance.current() is not None:  # the dashboard: nothing to select
            QTimer.singleShot(100, shoot)
            return
        if window.workspace.number:
            QTimer.singleShot(100, shoot)
            return
        window.workspace.loaded.connect(lambda _n: QTimer.singleShot(100, shoot))
        if window.table.model.rowCount():
            window.table.select_first()
        else:
            QTimer.singleShot(100, shoot)

    def give_up() -> None:
        print("rit-desk: the window did not finish loading in time", file=sys.stderr)
        app.quit()

    window.ready.connect(on_ready)
    window.persist_layout = False
    window.resize(*SCREENSHOT_SIZE)
    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, give_up)
    window.show()
    app.exec()
    return outcome["code"]


def _freeze_startup_objects() -> None:
    gc.collect()
    gc.freeze()


def run(db_url: str | None, *, screenshot: str | None = None, user: str | None = None,
        lang: str | None = None, view: str = "queue", read_db: str | None = None) -> int:
    """The desktop app; with ``screenshot`` it renders the main window to a PNG and exits.
    ``read_db``: the hot standby reports are read from (``--read-db``, issue 21)."""
    app = _application(bool(screenshot))
    settings = QSettings()
    language = lang or str(settings.value("ui/language", i18n.DEFAULT_LANGUAGE))
    if language not in i18n.LANGUAGES:
        language = i18n.DEFAULT_LANGUAGE
    languages = LanguageHost(app, i18n.install(app, language), language)
    i18n.set_locale(language)
    # Babel and CLDR's data (money and dates) load beside the sign-in, not in its way
    # (the session's language only: the thread takes turns with the start for Python's
    # lock, and the other language's data load when it is first used)
    threading.Thread(target=cldr.warm_up, args=((language,),), name="cldr-warm-up",
                     daemon=True).start()
    quiet = bool(screenshot)
    try:
        # a direct start paints its first page before SQLAlchemy is imported (app.floor)
        # a standby to read from (--read-db) starts the usual way: the floor has none
        floor = None if screenshot or read_db else _floor(db_url, user, settings)
        try:
            signed = (floor.db, floor.person) if floor else _sign_in(db_url, user, settings,
                                                                     quiet=quiet)
        except RitError as exc:
            return _fail(error_text(exc), quiet=quiet)
        if read_db and signed is not None:
            try:
                signed[0].use_standby(read_db)
            except RitError as exc:  # beside the embedded file, or another login
                signed[0].dispose()
                return _fail(error_text(exc), quiet=quiet)
        while signed is not None:
            db, person = signed
            try:
                start = None
                if screenshot:  # the view asked for, not the one last used
                    start = DASHBOARD if view == "dashboard" else default_queue(person.role)
                # the desktop's own start paints the queue before building the rest
                window = MainWindow(_context(db, person, languages.language, floor),
                                    settings=settings, start=start,
                                    staff=floor.staff if floor and floor.db is db else None,
                                    staged=not screenshot)
            except RitError as exc:
                return _fail(error_text(exc), quiet=quiet)
            if screenshot:
                code = _screenshot(app, window, screenshot)
                window.close()
                return code
            switch = {"requested": False}

            def on_switch(flag: dict[str, bool] = switch) -> None:
                flag["requested"] = True
                if languages.window is not None:
                    languages.window.close()

            def wire(w: MainWindow) -> None:
                w.switch_requested.connect(on_switch)
                w.language_changed.connect(languages.switch)

            def remake(code: str, queue: str | None, db: Database = db,
                       person: StaffView = person) -> MainWindow:
                return MainWindow(_context(db, person, code), settings=settings, start=queue)

            languages.host(window, remake, wire)
            start_probe.install(window.table)  # the start benchmark's, when asked
            # the first page is read while the window is made: painted with it if it is
            # there soon (a slow one follows the window, as any query's rows)
            window.take_first_rows(FIRST_ROWS_WAIT_S)
            window.show()
            # Everything loaded by the start (modules, Qt wrappers) lives as long as the
            # app: keep it out of the collector's full passes, which would stall painting.
            # Once the window is ready: a full pass before would delay the first paint.
            window.ready.connect(_freeze_startup_objects)
            code = app.exec()
            window = languages.window or window
            window.deleteLater()
            if not switch["requested"]:
                db.dispose()
                return code
            # another user or database: always through the start dialog
            from ui.start_dialog import StartDialog

            dialog = StartDialog(settings)
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            signed = dialog.result_value if accepted else None
            if signed is None or signed[0] is not db:
                db.dispose()
        return 0
    finally:
        i18n.uninstall(app, languages.translators)
