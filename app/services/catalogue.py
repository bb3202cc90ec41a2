"""The price list of routine interventions: kept by team leads and admins, read by all.

An item is never deleted: one no longer offered is *retired* (it can no longer be put on
a quote; the quotes that used it keep their lines, which hold their own description and
price and name the item they came from).

Pricing a line from the list (:func:`resolve_lines`): a technician may raise an item's
price on a quote but never go below its list price; team leads and admins set any price.
The description may be reworded by anyone.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.db import models as m
from app.db.database import Database
from app.domain.enums import Role
from app.domain.errors import NotFoundError, PermissionDenied, ValidationError, phrase
from app.domain.money import parse_amount
from app.services.common import (
    MAX_TEXT,
    audit,
    check_version,
    clean_text,
    require,
    session_database,
)
from app.services.dto import CatalogueItemView
from app.services.quote_input import MAX_LINE_DESCRIPTION, LineInput, QuoteInput
from app.services.requests import parse_category

UNITS = ("fixed", "hour")
#: the category value meaning "every category" (``--category any``)
ANY_CATEGORY = "any"
MAX_CODE = 40


def item_view(item: m.CatalogueItem) -> CatalogueItemView:
    return CatalogueItemView(item.id, item.code, item.description, item.unit, item.price,
                             item.category, item.active, item.updated_at, item.version)


def _code(value: str) -> str:
    code = clean_text(value, phrase("item code"), MAX_CODE).upper()
    if not all(c.isascii() and (c.isalnum() or c in "-_.") for c in code):
        raise ValidationError.of("an item code may hold letters, digits, - _ . only: {code!r}",
                                 code=code)
    return code


def _unit(value: str) -> str:
    if value not in UNITS:
        raise ValidationError.of("the unit must be fixed or hour: {unit!r}", unit=value)
    return value


def _category(value: str | None) -> str | None:
    if value is None or value in ("", ANY_CATEGORY):
        return None
    return parse_category(value).value


def _description(value: str) -> str:
    return clean_text(value, phrase("description"), MAX_LINE_DESCRIPTION)


def _find(session: Session, code: str, *, for_update: bool = False) -> m.CatalogueItem:
    stmt = select(m.CatalogueItem).where(m.CatalogueItem.code == code.strip().upper())
    db = session_database(session)
    if for_update and db is not None and not db.is_sqlite:
        stmt = stmt.with_for_update().execution_options(populate_existing=True)
    item = session.scalar(stmt)
    if item is None:
        raise NotFoundError.of("unknown catalogue item: {code}", code=code)
    return item


def list_items(db: Database, *, category: str | None = None, search: str = "",
               include_retired: bool = False) -> list[CatalogueItemView]:
    """The price list by code; with ``category``, the items of that category and those
    of every category; ``search`` matches code or description (any case)."""
    wanted = _category(category)
    stmt = select(m.CatalogueItem).order_by(m.CatalogueItem.code)
    if not include_retired:
        stmt = stmt.where(m.CatalogueItem.active.is_(True))
    if wanted is not None:
        stmt = stmt.where(or_(m.CatalogueItem.category == wanted,
                              m.CatalogueItem.category.is_(None)))
    words = clean_text(search, phrase("search"), MAX_TEXT, required=False).lower()
    with db.read() as session:
        items = [item_view(i) for i in session.scalars(stmt)]
    if words:  # a few dozen items: matched here, the same on both databases
        items = [i for i in items if all(w in f"{i.code} {i.description}".lower()
                                         for w in words.split())]
    return items


def get_item(db: Database, code: str) -> CatalogueItemView:
    with db.read() as session:
        return item_view(_find(session, code))


def add_item(db: Database, actor: str, code: str, *, description: str, price: str | Decimal,
             unit: str = "fixed", category: str | None = None) -> CatalogueItemView:
    clean_code = _code(code)
    text = _description(description)
    amount = parse_amount(price, phrase("price"))
    clean_unit = _unit(unit)
    clean_category = _category(category)
    with db.transaction() as session:
        staff = require(session, actor, "keep_catalogue")
        if session.scalar(select(m.CatalogueItem.id)
                          .where(m.CatalogueItem.code == clean_code)) is not None:
            raise ValidationError.of("the catalogue already has an item {code}", code=clean_code)
        now = db.now()
        item = m.CatalogueItem(code=clean_code, description=text, unit=clean_unit, price=amount,
                               category=clean_category, active=True, created_at=now,
                               updated_at=now)
        session.add(item)
        session.flush()
        audit(db, session, staff.username, "catalogue_item_added", item=clean_code,
              description=text, unit=clean_unit, price=amount, category=clean_category)
        return item_view(item)


def set_item(db: Database, actor: str, code: str, *, description: str | None = None,
             price: str | Decimal | None = None, unit: str | None = None,
             category: str | None = None, expected_version: int | None = None
             ) -> CatalogueItemView:
    """Change an item (what is not given stays); ``category="any"``: every category.
    The quotes already made keep their prices."""
    changes: dict[str, object] = {}
    if description is not None:
        changes["description"] = _description(description)
    if price is not None:
        changes["price"] = parse_amount(price, phrase("price"))
    if unit is not None:
        changes["unit"] = _unit(unit)
    if category is not None:
        changes["category"] = _category(category)
    if not changes:
        raise ValidationError.of("nothing to change: give a description, price, unit or "
                                 "category")
    with db.transaction() as session:
        staff = require(session, actor, "keep_catalogue")
        item = _find(session, code, for_update=True)
        check_version(item, expected_version, phrase("catalogue item {code}", code=item.code))
        before = {k: getattr(item, k) for k in changes}
        for key, value in changes.items():
            setattr(item, key, value)
        item.updated_at = db.now()
        session.flush()
        audit(db, session, staff.username, "catalogue_item_changed", item=item.code,
              before=before, after=changes)
        return item_view(item)


def retire_item(db: Database, actor: str, code: str) -> CatalogueItemView:
    """No longer offered: kept on the quotes that used it, not put on new ones."""
    with db.transaction() as session:
        staff = require(session, actor, "keep_catalogue")
        item = _find(session, code, for_update=True)
        if not item.active:
            raise ValidationError.of("catalogue item {code} is already retired", code=item.code)
        item.active = False
        item.updated_at = db.now()
        session.flush()
        audit(db, session, staff.username, "catalogue_item_retired", item=item.code)
        return item_view(item)


def resolve_lines(session: Session, data: QuoteInput, staff: m.Staff,
                  kept: Collection[int] = ()) -> tuple[QuoteInput, tuple[int | None, ...]]:
    """The quote's lines with their price-list items looked up: a line naming an item
    (``LineInput.item``) takes the item's description and list price where it gives
    none. Returns the input so completed and each line's item id (None: typed by hand).

    A retired item is refused, unless the draft being edited has it already
    (``kept``); a technician's price below the list price is refused.
    """
    lines: list[LineInput] = []
    ids: list[int | None] = []
    for index, line in enumerate(data.lines, start=1):
        if not line.item:
            lines.append(line)
            ids.append(None)
            continue
        item = _find(session, line.item)
        if not item.active and item.id not in kept:
            raise ValidationError.of("catalogue item {code} is retired: it can no longer be "
                                     "put on a quote", code=item.code)
        price = (item.price if line.unit_price in (None, "") else
                 parse_amount(line.unit_price, phrase("line {index} unit price", index=index)))
        if staff.role == Role.TECHNICIAN and price < item.price:
            raise PermissionDenied.of(
                "{user} (technician) may not price {code} below its list price {price}",
                user=staff.username, code=item.code, price=item.price)
        lines.append(dataclasses.replace(line, description=line.description or item.description,
                                         unit_price=price))
        ids.append(item.id)
    return dataclasses.replace(data, lines=tuple(lines)), tuple(ids)


def kept_items(lines: Sequence[m.QuoteLine]) -> frozenset[int]:
    """The items a draft's lines name already (still allowed once retired)."""
    return frozenset(li.catalogue_item_id for li in lines if li.catalogue_item_id is not None)
