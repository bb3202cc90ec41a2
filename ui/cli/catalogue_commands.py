"""The price list and a request's notes and attachments on the command line.

    rit-desk --as USER catalogue add CODE --description TEXT --price AMOUNT
                                 [--unit fixed|hour] [--category CAT|any]
    rit-desk catalogue list [--category CAT] [--search WORDS] [--all]
    rit-desk catalogue show CODE
    rit-desk --as USER catalogue set CODE [--description T] [--price A] [--unit U] [--category C]
    rit-desk --as USER catalogue retire CODE
    rit-desk --as USER requests note REQUEST --text TEXT
    rit-desk --as USER requests attach REQUEST FILE
    rit-desk requests attachments REQUEST
    rit-desk requests attachment ID -o FILE
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.db.database import Database
from app.db.models import MAX_ATTACHMENT_BYTES
from app.domain.errors import ValidationError
from app.domain.money import amount_str
from app.domain.references import request_reference
from app.services import attachments, catalogue
from app.services.dto import AttachmentView, CatalogueItemView
from ui.cli.commands import Result, need_actor
from ui.cli.output import plain

Command = Callable[[Any, str, Callable[..., Any], str], argparse.ArgumentParser]


def register(groups: Any, requests: Any, cmd: Command, request_number: Callable[[str], int],
             positive_int: Callable[[str], int]) -> None:
    """Add the ``catalogue`` group and ``requests note|attach|attachments|attachment``."""
    group = groups.add_parser("catalogue", help="the price list of routine interventions")
    sub = group.add_subparsers(dest="cmd", required=True, parser_class=type(group))
    s = cmd(sub, "add", catalogue_add, "add an item (team lead, admin)")
    s.add_argument("code")
    s.add_argument("--description", required=True)
    s.add_argument("--price", required=True, metavar="AMOUNT", help="net list price in EUR")
    s.add_argument("--unit", choices=catalogue.UNITS, default="fixed",
                   help="fixed (a price per intervention, the default) or hour")
    s.add_argument("--category", help="the request category it serves (default: any)")
    s = cmd(sub, "list", catalogue_list, "the price list")
    s.add_argument("--category", help="items of this category and of any category")
    s.add_argument("--search", default="", help="words of the code or description")
    s.add_argument("--all", action="store_true", help="retired items too")
    s = cmd(sub, "show", catalogue_show, "an item")
    s.add_argument("code")
    s = cmd(sub, "set", catalogue_set, "change an item (team lead, admin)")
    s.add_argument("code")
    s.add_argument("--description")
    s.add_argument("--price", metavar="AMOUNT")
    s.add_argument("--unit", choices=catalogue.UNITS)
    s.add_argument("--category", help="a request category, or any")
    s = cmd(sub, "retire", catalogue_retire, "no longer offer an item (team lead, admin)")
    s.add_argument("code")

    s = cmd(requests, "note", requests_note, "add an internal note (shown in the History)")
    s.add_argument("request", type=request_number, metavar="REQUEST")
    s.add_argument("--text", required=True)
    s = cmd(requests, "attach", requests_attach,
            "attach a file: PDF, PNG, JPEG or plain text, up to 10 MB")
    s.add_argument("request", type=request_number, metavar="REQUEST")
    s.add_argument("file", metavar="FILE")
    s = cmd(requests, "attachments", requests_attachments, "a request's attachments")
    s.add_argument("request", type=request_number, metavar="REQUEST")
    s = cmd(requests, "attachment", requests_attachment, "write an attachment to a file")
    s.add_argument("attachment", type=positive_int, metavar="ID")
    s.add_argument("-o", "--output", required=True, metavar="FILE")


def _item_json(item: CatalogueItemView) -> dict[str, Any]:
    return {"code": item.code, "description": item.description, "unit": item.unit,
            "price": item.price, "category": item.category, "active": item.active,
            "updated_at": item.updated_at}


def _item_text(item: CatalogueItemView) -> str:
    unit = "per hour" if item.unit == "hour" else "fixed"
    state = "" if item.active else " (retired)"
    return (f"{item.code:<14} {amount_str(item.price):>10} {unit:<8} "
            f"{item.category or 'any':<18} {item.description}{state}")


def catalogue_add(db: Database, args: argparse.Namespace) -> Result:
    item = catalogue.add_item(db, need_actor(args), args.code, description=args.description,
                              price=args.price, unit=args.unit, category=args.category)
    return {"item": _item_json(item)}, f"added {_item_text(item)}"


def catalogue_list(db: Database, args: argparse.Namespace) -> Result:
    items = catalogue.list_items(db, category=args.category, search=args.search,
                                 include_retired=args.all)
    return {"items": [_item_json(i) for i in items]}, "\n".join(_item_text(i) for i in items)


def catalogue_show(db: Database, args: argparse.Namespace) -> Result:
    item = catalogue.get_item(db, args.code)
    return {"item": _item_json(item)}, _item_text(item)


def catalogue_set(db: Database, args: argparse.Namespace) -> Result:
    item = catalogue.set_item(db, need_actor(args), args.code, description=args.description,
                              price=args.price, unit=args.unit, category=args.category)
    return {"item": _item_json(item)}, f"changed {_item_text(item)}"


def catalogue_retire(db: Database, args: argparse.Namespace) -> Result:
    item = catalogue.retire_item(db, need_actor(args), args.code)
    return {"item": _item_json(item)}, f"retired {item.code}"


def requests_note(db: Database, args: argparse.Namespace) -> Result:
    note = attachments.add_note(db, need_actor(args), args.request, text=args.text)
    return {"request": args.request, "note": note}, (
        f"note {note} added to {request_reference(args.request)}")


def _attachment_json(a: AttachmentView) -> dict[str, Any]:
    data: dict[str, Any] = plain(a)
    return data


def requests_attach(db: Database, args: argparse.Namespace) -> Result:
    path = Path(args.file)
    try:
        with path.open("rb") as file:  # a larger file is not read whole to be refused
            content = file.read(MAX_ATTACHMENT_BYTES + 1)
    except OSError as exc:
        raise ValidationError(f"cannot read {path}: {exc.strerror}") from None
    view = attachments.attach(db, need_actor(args), args.request, path.name, content)
    return {"attachment": _attachment_json(view)}, (
        f"attachment {view.id} ({view.filename}, {view.media_type}, {view.size} bytes) added "
        f"to {request_reference(args.request)}")


def requests_attachments(db: Database, args: argparse.Namespace) -> Result:
    rows = attachments.list_attachments(db, args.request)
    return {"request": args.request, "attachments": [_attachment_json(a) for a in rows]}, (
        "\n".join(f"{a.id:>6} {a.added_at:%Y-%m-%d %H:%M} {a.added_by:<12} {a.media_type:<16} "
                  f"{a.size:>9} {a.filename}" for a in rows))


def requests_attachment(db: Database, args: argparse.Namespace) -> Result:
    view, content = attachments.attachment_content(db, args.attachment)
    out = Path(args.output)
    try:
        out.write_bytes(content)
    except OSError as exc:
        raise ValidationError(f"cannot write {out}: {exc.strerror}") from None
    return {"attachment": view.id, "file": str(out), "bytes": len(content),
            "sha256": view.sha256}, f"wrote {out} ({len(content)} bytes)"
