"""A stand-in for the workspace's confirmation (``Workspace.confirm``) in the GUI tests."""

from __future__ import annotations


class Questions:
    """Answers every question ``answer`` and notes it: its title, or its text."""

    def __init__(self, answer: bool, *, note_text: bool = False) -> None:
        self.answer = answer
        self.note_text = note_text
        self.asked: list[str] = []

    def __call__(self, title: str, text: str) -> bool:
        self.asked.append(text if self.note_text else title)
        return self.answer
