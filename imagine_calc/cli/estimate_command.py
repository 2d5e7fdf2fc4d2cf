"""estimate: a saved estimate's lines and totals, re-priced with the prices in use, and the
budget the window's Estimate tab shows when balances are given."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from imagine_calc.cli.output import print_json, print_json_text, say, style
from imagine_calc.core.catalog.loader import LoadedCatalog
from imagine_calc.core.files import utf8
from imagine_calc.core.language import _
from imagine_calc.core.limits import MAX_BALANCE

if TYPE_CHECKING:
    from imagine_calc.core.estimates.budget import BudgetPlan
    from imagine_calc.core.estimates.estimate import Estimate, PricedEstimate
    from imagine_calc.core.estimates.estimate_file import SavedEstimate
    from imagine_calc.core.estimates.money import Rate
    from imagine_calc.core.estimates.team import AutoTopUp, Member, Team


def cmd_estimate(args: argparse.Namespace, loaded: LoadedCatalog) -> int:
    from imagine_calc.core.estimates.estimate import price_estimate
    from imagine_calc.core.estimates.estimate_file import EstimateFileError, read_estimate
    from imagine_calc.core.estimates.team_budget import plan_team
    from imagine_calc.core.text.estimates import repriced_heading, repriced_words
    from imagine_calc.core.text.exports import to_json, to_text
    from imagine_calc.core.text.team import team_lines, team_record

    kind = _export_kind(args) if args.export is not None else None
    catalog = loaded.catalog
    try:
        saved = read_estimate(args.file)
    except EstimateFileError as exc:
        say(f"imagine-calc: {exc}", err=True)
        return 1
    team, estimate = _team(args, saved)
    priced = price_estimate(catalog, estimate)
    changes = repriced_words(saved, price_estimate(catalog, saved.estimate), catalog, style())
    plan, rate = _budget(args, priced)
    team_plan = None if team is None else plan_team(team, priced)
    if args.save and not _save(args.file, priced, loaded, team):
        return 1
    if kind is not None:
        if not _export(args.export, kind, priced, loaded, plan, rate):
            return 1
    elif args.json:
        text = to_json(priced, catalog, plan, rate)
        if team_plan is None:
            print_json_text(text)
        else:
            print_json({**json.loads(text), "team": team_record(team_plan)})
    else:
        for line in to_text(priced, catalog, plan, rate, style(), numbered=True).rstrip("\n").split("\n"):
            say(line)
        if team_plan is not None:
            say()
            for entry in team_lines(team_plan, style()):
                say(entry.text)
    if changes:
        say(repriced_heading(), err=True)
        for line in changes:
            say(f"  {line}", err=True)
    return 0


def _export_kind(args: argparse.Namespace) -> str:
    """The export OUT's suffix asks for; a usage error (before any work) if none, or if OUT is
    the estimate itself (a report written over it would lose the estimate)."""
    from imagine_calc.cli.parser import UsageError
    from imagine_calc.core.text.exports import KINDS, kind_of

    path: Path = args.export
    if os.path.exists(path) and os.path.exists(args.file) and os.path.samefile(path, args.file):
        raise UsageError(
            _("imagine-calc estimate: --export {path} is the estimate itself: name another file").format(
                path=path
            )
        )
    kind = kind_of(path)
    if kind is None:
        raise UsageError(
            _("imagine-calc estimate: --export {path}: the suffix names the format: {kinds}").format(
                path=path, kinds=", ".join(KINDS)
            )
        )
    return kind


def _export(
    path: Path,
    kind: str,
    priced: PricedEstimate,
    loaded: LoadedCatalog,
    plan: BudgetPlan | None,
    rate: Rate | None,
) -> bool:
    """Write the export atomically (all of it or, after a crash, the previous file), as the
    window does; a path that cannot be written is said in one line."""
    from imagine_calc.core.text.exports import export_bytes
    from imagine_calc.core.text.plurals import plural
    from imagine_calc.core.writes import write_atomic

    try:
        write_atomic(path, export_bytes(kind, priced, loaded.catalog, plan, rate, style()))
    except OSError as exc:
        said = _("imagine-calc: not exported: cannot write {path}: {why}")
        say(said.format(path=path, why=exc.strerror or exc), err=True)
        return False
    say(
        plural(
            len(priced.items),
            "Exported {n} line to {path}.",
            "Exported {n} lines to {path}.",
            style(),
            path=str(path),
        )
    )
    return True


def _budget(args: argparse.Namespace, priced: PricedEstimate) -> tuple[BudgetPlan | None, Rate | None]:
    """The plan for the balances given (none given: no plan), and the rate, if one was."""
    from imagine_calc.cli.parser import UsageError
    from imagine_calc.core.estimates.budget import Balances, plan_budget
    from imagine_calc.core.estimates.money import parse_rate
    from imagine_calc.core.limits import LimitError

    rate = None
    if args.rate is not None:
        try:
            rate = parse_rate(args.rate, args.currency)
        except LimitError as exc:
            raise UsageError(_("imagine-calc estimate: --rate: {why}").format(why=exc)) from None
        if rate is None:
            raise UsageError(
                _("imagine-calc estimate: --rate: not a price per credit: {rate}").format(
                    rate=repr(args.rate)
                )
            )
    elif args.currency:
        raise UsageError(_("imagine-calc estimate: --currency goes with --rate"))
    if args.subscription is None and args.top_up is None and args.free is None:
        if args.renews is not None:
            raise UsageError(_("imagine-calc estimate: --renews goes with --subscription"))
        return None, rate
    balances = Balances.of_whole(
        args.subscription is not None,
        args.subscription or 0,
        args.renews,
        args.top_up or 0,
        args.free or 0,
    )
    return plan_budget(balances, priced), rate


def _team(args: argparse.Namespace, saved: SavedEstimate) -> tuple[Team | None, Estimate]:
    """The file's team with what the options set or replace, and its lines with what --assign
    gives each; a usage error naming the option for a value that cannot be."""
    from dataclasses import replace

    from imagine_calc.cli.parser import UsageError
    from imagine_calc.core.estimates.team import Team, TeamError, month_of, parse_month

    team, estimate = saved.team, saved.estimate
    given = (args.team_month, args.pool_subscription, args.pool_renews, args.pool_top_up, args.member)
    if team is None and args.auto_top_up is None and all(v is None for v in given):
        if args.assign:
            raise UsageError(_("imagine-calc estimate: --assign needs a team: give --pool-subscription"))
        return None, estimate
    if team is None and args.pool_subscription is None:
        raise UsageError(_("imagine-calc estimate: a team needs its pool: give --pool-subscription"))
    option = "--team-month"
    try:
        if args.team_month:
            month = parse_month(args.team_month)
        else:
            month = team.month if team else month_of(dt.date.today())
        option = "--member"
        members = _members(args.member) if args.member is not None else team.members if team else ()
        Team(month, Decimal(0), members=members)  # two of one name: said as --member's
        option = "--auto-top-up"
        auto = _auto(args.auto_top_up) if args.auto_top_up is not None else team.auto_top_up if team else None
        option = "--pool-subscription"
        kept = team or Team(month, Decimal(args.pool_subscription))
        team = Team(
            month,
            kept.subscription if args.pool_subscription is None else Decimal(args.pool_subscription),
            kept.renewal if args.pool_renews is None else args.pool_renews,
            kept.top_up if args.pool_top_up is None else Decimal(args.pool_top_up),
            members,
            auto,
        )
    except TeamError as exc:
        raise UsageError(_("imagine-calc estimate: {option}: {why}").format(option=option, why=exc)) from None
    items = list(estimate.items)
    for text in args.assign or ():
        number, _sep, name = text.partition("=")
        line = int(number) if number.strip().isdigit() and len(number.strip()) <= 9 else 0
        if not _sep or not 1 <= line <= len(items):
            raise UsageError(
                _("imagine-calc estimate: --assign {text}: LINE=NAME, LINE a line from 1 to {n}").format(
                    text=repr(text), n=len(items)
                )
            )
        member = team.member(name)
        if name.strip() and member is None:
            raise UsageError(
                _("imagine-calc estimate: --assign {text}: no member named {name} (members: {names})").format(
                    text=repr(text), name=repr(name), names=", ".join(m.name for m in team.members) or "-"
                )
            )
        items[line - 1] = replace(items[line - 1], member=member.name if member else "")
    return team, replace(estimate, items=tuple(items))


def _members(texts: list[str]) -> tuple[Member, ...]:
    """ "Ana=2000", "Chloé": a name and, after its last "=", a limit (none: no limit)."""
    from imagine_calc.core.estimates.team import Member, TeamError
    from imagine_calc.core.limits import LimitError, parse_decimal

    members = []
    for text in texts:
        name, _sep, limit = text.rpartition("=") if "=" in text else (text, "", "")
        try:
            value = parse_decimal(limit, f"{name}'s limit", MAX_BALANCE) if limit.strip() else None
        except LimitError as exc:
            raise TeamError(str(exc)) from None
        members.append(Member(name, value))
    return tuple(members)


def _auto(text: str) -> AutoTopUp | None:
    """ "500:1000" (below 500, buy 1,000), or "off"."""
    from imagine_calc.core.estimates.team import AutoTopUp, TeamError
    from imagine_calc.core.limits import LimitError, parse_decimal

    if text.strip().lower() == "off":
        return None
    threshold, sep, amount = text.partition(":")
    if not sep:
        raise TeamError(f"THRESHOLD:AMOUNT, as 500:1000, or off; got {text!r}")
    try:
        return AutoTopUp(
            parse_decimal(threshold, "the threshold", MAX_BALANCE, decimal_comma=False),
            parse_decimal(amount, "the amount", MAX_BALANCE, decimal_comma=False),
        )
    except LimitError as exc:
        raise TeamError(str(exc)) from None


def _save(path: Path, priced: PricedEstimate, loaded: LoadedCatalog, team: Team | None) -> bool:
    """FILE written again with the team, atomically and never through a link at its name."""
    from imagine_calc.core.estimates.estimate_file import EstimateFileError, dumps
    from imagine_calc.core.writes import write_atomic

    try:
        write_atomic(path, utf8(dumps(priced, loaded.catalog, team)))
    except (OSError, EstimateFileError) as exc:
        why = exc.strerror or exc if isinstance(exc, OSError) else exc
        say(_("imagine-calc: not saved: cannot write {path}: {why}").format(path=path, why=why), err=True)
        return False
    say(_("Saved {path}.").format(path=path), err=True)
    return True
