"""The PySide6 desktop application: windows, panels and dialogs over app.services."""
