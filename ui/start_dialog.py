"""Connect and sign in: the embedded database or a PostgreSQL profile, then the staff user."""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import config
from app.db.database import Database, describe
from app.db.standby import standby_address
from app.domain.texts import (
    check_database_name,
    check_host,
    check_login,
    check_password,
    check_profile_name,
)
from app.services.dto import StaffView
from ui import labels
from ui.connection import (
    EMBEDDED,
    LAST_USER_KEY,
    PASSWORD_REFUSED,
    PASSWORD_REQUIRED,
    Opened,
    Profile,
    default_user,
    open_embedded,
    open_server,
    sign_in_problem,
)
from ui.dialogs.base import with_error
from ui.errors import error_text
from ui.start_errors import friendly_error
from ui.text_check import TextCheck, first_refused
from ui.worker import BusyIndicator, make_busy_bar, run_async

PROFILES_KEY = "connection/profiles"
LAST_PROFILE_KEY = "connection/last"
NEW_PROFILE = "__new__"


def _check_standby(text: str) -> str:
    standby_address(text)
    return text


def load_profiles(settings: QSettings) -> list[Profile]:
    raw = settings.value(PROFILES_KEY, "[]")
    try:
        items = json.loads(str(raw))
        return [Profile(str(p["name"]), str(p.get("host", "localhost")), int(p.get("port", 5432)),
                        str(p.get("database", "")), str(p.get("user", "")),
                        str(p.get("standby", ""))) for p in items]
    except (ValueError, TypeError, KeyError):
        return []


def save_profiles(settings: QSettings, profiles: list[Profile]) -> None:
    """Profiles go to QSettings as host/port/database/user: never a password."""
    settings.setValue(PROFILES_KEY, json.dumps([
        {"name": p.name, "host": p.host, "port": p.port, "database": p.database, "user": p.user,
         "standby": p.standby} for p in profiles]))


class StartDialog(QDialog):
    """Pick the database and sign in.

    The embedded database: connect, pick who works from its staff (one trusted
    workstation). A PostgreSQL profile: the server, your user name and password; "Sign
    in" connects as that login, which is who works (no list of people). Without a typed
    or remembered password the connection is tried as it is, and the password is asked
    for only if the server asks. ``result_value`` after acceptance:
    ``(Database, StaffView)``.
    """

    def __init__(self, settings: QSettings, parent: QWidget | None = None, *,
                 first_run: bool = False, reconnect: bool = False) -> None:
        super().__init__(parent)
        self._first_run = first_run
        self._remembered = False  # the profile shown has its password in the keyring
        self.setWindowTitle(self.tr("Connect and sign in"))  # Qt adds " — RIT Desk"
        self.setObjectName("startDialog")
        self._settings = settings
        self._profiles = load_profiles(settings)
        self._opened: Opened | None = None
        self._result: tuple[Database, StaffView] | None = None
        self._keyring = config.keyring_status()

        self.profile = QComboBox(self)
        self.profile.setObjectName("profileCombo")
        self.name = QLineEdit(self)
        self.host = QLineEdit(self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit(self)
        self.db_user = QLineEdit(self)
        self.standby = QLineEdit(self)
        self.standby.setObjectName("standbyAddress")
        self.standby.setPlaceholderText(self.tr("none: everything from the server above"))
        self.standby.setToolTip(self.tr(
            "A hot standby of the same database (host or host:port): reports, statements, "
            "the dashboard, the export and the at-risk list are read from it while it is "
            "close enough behind; the same login and password as above."))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setObjectName("password")
        self.remember = QCheckBox(self.tr("Remember the password in the system keyring"), self)
        self.keyring_note = QLabel(self)
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setStyleSheet("color: palette(dark);")
        # a wrapped label in a form gets one line's height unless told otherwise
        self.keyring_note.setMinimumHeight(self.keyring_note.fontMetrics().lineSpacing() * 3 + 4)
        if not self._keyring.available:
            self.remember.setEnabled(False)
            self.keyring_note.setText(self.tr(
                "No keyring is available on this system: the password is asked each time and "
                "never stored."))
        else:
            self.keyring_note.hide()
        self.save_button = QPushButton(self.tr("Save profile"), self)
        self.delete_button = QPushButton(self.tr("Delete profile"), self)
        self.connect_button = QPushButton(self.tr("&Connect"), self)
        self.connect_button.setObjectName("connectButton")
        self.connect_button.setDefault(True)

        self.server_box = QGroupBox(self.tr("PostgreSQL server"), self)
        form = QFormLayout(self.server_box)
        # what is typed is checked as it is typed (no control characters, not too long):
        # said under the field, and nothing is connected or saved while it is refused
        self.text_checks: list[TextCheck] = []
        for label, field, rule in (
                (self.tr("Profile name"), self.name, check_profile_name),
                (self.tr("Host"), self.host, check_host),
                (self.tr("Port"), self.port, None),
                (self.tr("Database"), self.database, check_database_name),
                (self.tr("User name"), self.db_user, check_login),
                (self.tr("Password"), self.password, lambda text: text and check_password(text)),
                (self.tr("Standby for reports"), self.standby, _check_standby)):
            if rule is None or not isinstance(field, QLineEdit):
                form.addRow(label, field)
                continue
            box, error = with_error(field)
            form.addRow(label, box)
            self.text_checks.append(TextCheck(field, error, rule))
        form.addRow("", self.remember)
        form.addRow(self.keyring_note)
        profile_buttons = QHBoxLayout()
        profile_buttons.addWidget(self.save_button)
        profile_buttons.addWidget(self.delete_button)
        profile_buttons.addStretch(1)
        form.addRow("", profile_buttons)

        self.message = QLabel(self)
        self.message.setObjectName("startMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.busy_bar = make_busy_bar(self)
        self.busy = BusyIndicator(self.busy_bar, cursor=False, parent=self)

        self.staff = QComboBox(self)
        self.staff.setObjectName("staffCombo")
        self.staff.setEnabled(False)
        self.buttons = QDialogButtonBox(self)
        self.sign_in = self.buttons.addButton(self.tr("&Sign in"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in.setObjectName("signInButton")
        self.sign_in.setEnabled(False)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)

        top = QFormLayout()
        top.addRow(self.tr("Database"), self.profile)
        connect_row = QHBoxLayout()
        connect_row.addStretch(1)
        connect_row.addWidget(self.busy_bar)
        connect_row.addWidget(self.connect_button)
        user_form = QFormLayout()
        self.staff_label = QLabel(self.tr("Staff user"), self)
        user_form.addRow(self.staff_label, self.staff)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.server_box)
        layout.addLayout(connect_row)
        layout.addWidget(self.message)
        layout.addLayout(user_form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(540)

        self._fill_profiles()
        self._connect_signals()
        if first_run:
            # the first start: the embedded database, opened at once with its demo data
            self.profile.setCurrentIndex(max(0, self.profile.findData(EMBEDDED)))
            self.connect_database()
        elif reconnect:
            self._reconnect()

    def _reconnect(self) -> None:
        """A start after the first: the profile used last, connected without a click.

        The embedded database lists its staff, the last user picked and Enter signing in;
        a PostgreSQL profile whose password is in the keyring signs in by itself (one
        without waits for its password: Enter signs in).
        """
        key = self.profile.currentData()
        if key == EMBEDDED or (key != NEW_PROFILE and self._remembered):
            self.connect_database()
        elif key != NEW_PROFILE:
            self.password.setFocus()

    def _connect_signals(self) -> None:
        self.profile.currentIndexChanged.connect(self._on_profile)
        self.save_button.clicked.connect(self._save_profile)
        self.delete_button.clicked.connect(self._delete_profile)
        self.connect_button.clicked.connect(self.connect_database)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        for field in (self.host, self.database, self.db_user, self.password, self.standby):
            field.textEdited.connect(self._forget_connection)
        self.port.valueChanged.connect(self._forget_connection)

    @property
    def result_value(self) -> tuple[Database, StaffView] | None:
        return self._result

    # -- profiles -------------------------------------------------------------------------
    def _fill_profiles(self) -> None:
        self.profile.blockSignals(True)
        self.profile.clear()
        self.profile.addItem(self.tr("Embedded database on this computer (SQLite)"), EMBEDDED)
        for p in self._profiles:
            self.profile.addItem(self.tr("PostgreSQL: %1").replace("%1", p.name), p.name)
        self.profile.addItem(self.tr("New PostgreSQL profile…"), NEW_PROFILE)
        last = str(self._settings.value(LAST_PROFILE_KEY, EMBEDDED))
        index = max(0, self.profile.findData(last))
        self.profile.setCurrentIndex(index)
        self.profile.blockSignals(False)
        self._on_profile()

    def _current_profile(self) -> Profile | None:
        key = self.profile.currentData()
        return next((p for p in self._profiles if p.name == key), None)

    def _on_profile(self) -> None:
        key = self.profile.currentData()
        server = key != EMBEDDED
        self.server_box.setVisible(server)
        self.delete_button.setEnabled(key not in (EMBEDDED, NEW_PROFILE))
        self.connect_button.setVisible(not server)
        self.staff.setVisible(not server)
        self.staff_label.setVisible(not server)
        p = self._current_profile()
        if server:
            p = p or Profile("", "localhost", 5432, "rit_desk", "")
            self.name.setText(p.name)
            self.host.setText(p.host)
            self.port.setValue(p.port)
            self.database.setText(p.database)
            self.db_user.setText(p.user)
            self.standby.setText(p.standby)
            self.password.clear()
            self.remember.setChecked(False)
            self._remembered = bool(
                p.name and config.password_from_keyring(config.parse_url(p.url_text())))
            if self._remembered:
                self.password.setPlaceholderText(self.tr("(remembered in the keyring)"))
                self.remember.setChecked(True)
            else:
                self.password.setPlaceholderText("")
        self._forget_connection()
        self.message.hide()  # it spoke of the profile shown before
        # once the rows shown or hidden above are laid out: no gap where they were
        QTimer.singleShot(0, self.adjustSize)

    def _form_profile(self) -> Profile:
        return Profile(self.name.text().strip() or self.host.text().strip() or "server",
                       self.host.text().strip() or "localhost", self.port.value(),
                       self.database.text().strip(), self.db_user.text().strip(),
                       self.standby.text().strip())

    def _save_profile(self) -> None:
        if first_refused(self.text_checks):
            return
        profile = self._form_profile()
        self._profiles = [p for p in self._profiles if p.name != profile.name] + [profile]
        save_profiles(self._settings, self._profiles)
        self._settings.setValue(LAST_PROFILE_KEY, profile.name)
        self._fill_profiles()

    def _delete_profile(self) -> None:
        p = self._current_profile()
        if p is None:
            return
        config.forget_password(config.parse_url(p.url_text()))
        self._profiles = [q for q in self._profiles if q.name != p.name]
        save_profiles(self._settings, self._profiles)
        self._settings.setValue(LAST_PROFILE_KEY, EMBEDDED)
        self._fill_profiles()

    # -- connecting ------------------------------------------------------------------------
    def _forget_connection(self) -> None:
        if self._opened is not None:
            self._opened.db.dispose()
        self._opened = None
        self.staff.clear()
        self.staff.setEnabled(False)
        # a server profile signs in in one step; the embedded database lists its staff first
        server = self.profile.currentData() != EMBEDDED
        self.sign_in.setEnabled(server)
        self._default_sign_in(server)

    def _default_sign_in(self, sign_in: bool) -> None:
        """Enter does the next step: connect, or once connected (or on a server) sign in."""
        self.connect_button.setDefault(not sign_in)
        self.sign_in.setDefault(sign_in)

    def show_message(self, text: str, *, error: bool = True) -> None:
        self.message.setStyleSheet("color: #c62828;" if error else "color: palette(text);")
        self.message.setText(text)
        self.message.show()
        # once the label is laid out: the dialog as high as the wrapped text
        QTimer.singleShot(0, self, self._grow)

    def _grow(self) -> None:
        from ui.dialogs.base import grow_to_contents

        grow_to_contents(self)

    def connect_database(self) -> None:
        self._forget_connection()
        self.message.hide()
        self.connect_button.setEnabled(False)
        self.sign_in.setEnabled(False)
        login = ""
        if self.profile.currentData() == EMBEDDED:
            def work() -> Opened:
                from app.services import first_reads

                db = open_embedded()
                return Opened(db, first_reads.staff(db), True)

            where = self.tr("embedded database")
        else:
            if first_refused(self.text_checks):  # said under the field
                self.connect_button.setEnabled(True)
                self.sign_in.setEnabled(True)
                return
            profile = self._form_profile()
            url_text = profile.url_text()
            login = profile.user
            typed = self.password.text() or None
            stored = None if typed else config.password_from_keyring(config.parse_url(url_text))
            password = typed or stored  # none at all: try without (trust needs none)
            where = f"{profile.host}:{profile.port}"

            standby = profile.standby_url_text()

            def work() -> Opened:
                return open_server(url_text, password, standby=standby)

        run_async(work, self._connected,
                  lambda exc: self._connect_failed(exc, where, login), self, busy=self.busy)

    def _connect_failed(self, exc: BaseException, where: str, login: str = "") -> None:
        self.connect_button.setEnabled(True)
        self.sign_in.setEnabled(self.profile.currentData() != EMBEDDED)
        text = error_text(exc)
        if getattr(exc, "template", None) == "user {username} is no longer active":
            text = self.tr("Your login %1 was deactivated in this database: ask an admin."
                           ).replace("%1", login)
        self.show_message(friendly_error(text, where, login))
        if sign_in_problem(str(exc)) in (PASSWORD_REQUIRED, PASSWORD_REFUSED):
            self.password.setFocus()
            self.password.selectAll()

    def _connected(self, opened: Opened) -> None:
        self.connect_button.setEnabled(True)
        self.sign_in.setEnabled(self.profile.currentData() != EMBEDDED)
        if not opened.schema_current:
            answer = QMessageBox.question(
                self, self.tr("Database schema"),
                self.tr("The database %1 has no RIT Desk schema, or an older one. Create or "
                        "upgrade it now?").replace("%1", describe(opened.db.url)))
            if answer != QMessageBox.StandardButton.Yes:
                opened.db.dispose()
                self.show_message(self.tr("The database cannot be used without its schema."))
                return
            db = opened.db

            def upgrade() -> Opened:
                from app.services import first_reads
                from ui.connection import signed_in

                db.upgrade_schema()
                if db.is_sqlite:
                    return Opened(db, first_reads.staff(db), True)
                return Opened(db, [], True, signed_in(db))

            run_async(upgrade, self._connected,
                      lambda exc: self._connect_failed(exc, describe(db.url)), self,
                      busy=self.busy)
            return
        self._opened = opened
        self._remember_password()
        if opened.person is not None:  # PostgreSQL: the login is who works
            self._finish(opened, opened.person)
            return
        people = [p for p in opened.staff if p.active]
        if not people:
            self.show_message(self.tr("No staff user exists in this database yet: add one with "
                                      "'rit-desk staff add'."))
            return
        if self._first_run:
            self.show_message(self.tr(
                "Welcome to RIT Desk. This first start uses the embedded database on this "
                "computer, with demo data: pick who you are and sign in. A team's PostgreSQL "
                "server can be chosen above."), error=False)
        else:
            self.show_message(self.tr("Connected to %1.").replace("%1", describe(opened.db.url)),
                              error=False)
        for person in people:
            self.staff.addItem(f"{person.name} — {labels.role_label(person.role)}",
                               person.username)
        last = default_user(people, str(self._settings.value(LAST_USER_KEY, "")))
        if last is not None:
            self.staff.setCurrentIndex(max(0, self.staff.findData(last.username)))
        self.staff.setEnabled(True)
        self.sign_in.setEnabled(True)
        self._default_sign_in(True)  # Enter signs in: Connect again would forget the list
        self.staff.setFocus()

    def _remember_password(self) -> None:
        if self.profile.currentData() == EMBEDDED or not self.password.text():
            return
        url = config.parse_url(self._form_profile().url_text())
        if self.remember.isChecked():
            try:
                config.store_password(url, self.password.text())
            except Exception as exc:  # the keyring failed: say so, go on without it
                self.keyring_note.setText(error_text(exc))
                self.keyring_note.show()
        else:
            config.forget_password(url)

    def _accept(self) -> None:
        if self.profile.currentData() != EMBEDDED:
            if self._opened is None:
                self.connect_database()  # signs in, then accepts (see _connected)
            return
        if self._opened is None or not self.staff.currentData():
            return
        username = str(self.staff.currentData())
        self._finish(self._opened, next(p for p in self._opened.staff if p.username == username))

    def _finish(self, opened: Opened, person: StaffView) -> None:
        """Signed in: remember the profile and the user, hand the database over."""
        self._opened = None  # handed over: never disposed by a profile change below
        key = self.profile.currentData()
        if key == NEW_PROFILE:
            # saving refills the profiles, which forgets a connection: there is none now
            self._save_profile()
            key = self._form_profile().name
        self._settings.setValue(LAST_PROFILE_KEY, key)
        self._settings.setValue(LAST_USER_KEY, person.username)
        self._result = (opened.db, person)
        self.accept()
