"""The window's one state: a change is priced once, fitted to the catalog, and told to every
listener with the parts it touched; new prices re-fit everything that depends on them."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from imagine_calc.core.catalog.loader import LoadedCatalog, load_catalog, load_with_override
from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.estimates.budget import Balances
from imagine_calc.core.estimates.team import Member, Team
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.session import DEFAULT_MODEL, Part, Session, UpscaleChoice, known_model

CATALOG = load_catalog()


def loaded(catalog: Catalog = CATALOG, path: Path = Path("/nonexistent/override.yaml")) -> LoadedCatalog:
    return LoadedCatalog(catalog, path, False, None)


def heard(session: Session) -> list[frozenset[Part]]:
    told: list[frozenset[Part]] = []
    session.listen(told.append)
    return told


def test_a_request_is_fitted_to_its_model_and_priced_once() -> None:
    session = Session(loaded(), GenerationRequest("chatgpt", "4K", "21:9"))  # ChatGPT: up to 1K
    assert session.asked == GenerationRequest("chatgpt", "4K", "21:9")
    assert (session.request.model_id, session.request.resolution) == ("chatgpt", "1K")
    assert session.request.aspect_ratio in CATALOG.model("chatgpt").aspect_ratios
    assert session.view.notices  # what was changed to fit, said by the view
    told = heard(session)
    session.set_request(GenerationRequest("nano-banana-2", "2K", images=2))
    assert told == [frozenset({Part.REQUEST})]
    assert session.view.quote.total == Decimal("147")  # the page: 73.5 per image at 2K


def test_going_back_to_settings_shows_their_view_again_until_the_prices_change() -> None:
    session = Session(loaded(), GenerationRequest("nano-banana-2", "1K"))
    first = session.view
    session.set_request(GenerationRequest("nano-banana-2", "2K"))
    session.set_request(GenerationRequest("nano-banana-2", "1K"))
    assert session.view is first  # kept: not priced again
    session.set_loaded(loaded(dataclasses.replace(CATALOG)))
    assert session.view is not first and session.view == first  # new prices: priced anew


def test_a_model_the_catalog_lacks_falls_back_to_the_default_then_the_first() -> None:
    assert known_model(CATALOG, GenerationRequest("gone")).model_id == DEFAULT_MODEL
    without_default = dataclasses.replace(
        CATALOG, models=tuple(m for m in CATALOG.models if m.id != DEFAULT_MODEL)
    )
    first = without_default.models[0].id
    assert known_model(without_default, GenerationRequest("gone")).model_id == first
    session = Session(loaded(without_default), GenerationRequest(DEFAULT_MODEL))
    assert session.request.model_id == first and session.asked.model_id == DEFAULT_MODEL


def test_selecting_a_model_keeps_the_other_settings() -> None:
    session = Session(loaded(), GenerationRequest("nano-banana-2", "2K", "16:9", 3, True))
    session.select_model("seedream-v4-5")
    assert session.request == GenerationRequest("seedream-v4-5", "2K", "16:9", 3, True)


def test_balances_are_told_only_when_they_change() -> None:
    session = Session(loaded(), GenerationRequest(DEFAULT_MODEL), Balances(True, Decimal(100)))
    told = heard(session)
    session.set_balances(Balances(True, Decimal(100)))
    assert told == []
    session.set_balances(Balances(True, Decimal(200)))
    assert told == [frozenset({Part.BALANCES})] and session.balances.subscription == Decimal(200)


def test_a_team_is_told_only_when_it_changes_and_none_is_no_team() -> None:
    session = Session(loaded(), GenerationRequest(DEFAULT_MODEL))
    told = heard(session)
    assert session.team is None
    team = Team(dt.date(2026, 12, 1), Decimal(5000), members=(Member("Ana", Decimal(2000)),))
    session.set_team(team)
    session.set_team(Team(dt.date(2026, 12, 1), Decimal(5000), members=(Member("Ana", Decimal(2000)),)))
    assert told == [frozenset({Part.TEAM})] and session.team == team
    session.set_team(None)
    assert told[-1] == frozenset({Part.TEAM}) and len(told) == 2 and session.team is None


def test_an_upscale_choice_is_fitted_to_the_engine() -> None:
    session = Session(loaded(), GenerationRequest(DEFAULT_MODEL))
    first = CATALOG.engines[0]
    assert session.upscale == UpscaleChoice(first.id, next(iter(first.scales)))
    told = heard(session)
    session.set_upscale("magnific", 4)
    assert session.upscale == UpscaleChoice("magnific", 4) and told == [frozenset({Part.UPSCALE})]
    session.set_upscale("magnific", 3)  # not offered: the nearest scale below it
    below = max(s for s in CATALOG.engine("magnific").scales if s < 3)
    assert session.upscale == UpscaleChoice("magnific", below)
    session.set_upscale("no-such-engine", 4)  # the first engine at its first scale
    assert session.upscale == UpscaleChoice(first.id, next(iter(first.scales)))


def test_new_prices_refit_the_request_and_the_upscale_choice_and_say_so(tmp_path: Path) -> None:
    session = Session(loaded(), GenerationRequest("flux-dev"))
    session.set_upscale("magnific", 4)
    told = heard(session)
    fewer = dataclasses.replace(
        CATALOG,
        models=tuple(m for m in CATALOG.models if m.id != "flux-dev"),
        engines=tuple(e for e in CATALOG.engines if e.id != "magnific"),
    )
    session.set_loaded(loaded(fewer))
    assert told == [frozenset({Part.CATALOG, Part.REQUEST, Part.UPSCALE})]
    assert session.catalog is fewer and session.request.model_id == DEFAULT_MODEL
    assert session.upscale.engine_id == fewer.engines[0].id


def test_reload_reads_the_override_again(tmp_path: Path) -> None:
    override = tmp_path / "override.yaml"
    session = Session(load_with_override(override), GenerationRequest("flux-dev"))
    override.write_text("models:\n  - id: flux-dev\n    price: 7\n")
    told = heard(session)
    session.reload()
    assert Part.CATALOG in told[0] and session.loaded.override_active
    assert session.view.quote.total == Decimal(7)


def test_a_listener_stops_when_asked() -> None:
    session = Session(loaded(), GenerationRequest(DEFAULT_MODEL))
    told: list[frozenset[Part]] = []
    stop = session.listen(told.append)
    stop()
    session.select_model("flux-dev")
    assert told == []


@pytest.mark.parametrize("scale", [0, 1, 99])
def test_any_scale_asked_for_ends_as_one_the_engine_offers(scale: int) -> None:
    choice = UpscaleChoice("topaz", scale).fitted(CATALOG)
    assert choice.engine_id == "topaz" and choice.scale in CATALOG.engine("topaz").scales


def test_new_own_prices_get_the_teams_recordings_under_them_before_they_are_shown(tmp_path: Path) -> None:
    """At once here; the window's watcher takes the work off the window's thread instead."""
    from imagine_calc.core.catalog.records import Observation
    from imagine_calc.core.catalog.shared_recordings import SharedReading

    day = dt.date(2026, 12, 1)
    ana = Observation("flux-dev", "1K", None, 1, False, Decimal(9), day, "Ana")
    own = Observation("nano-banana-2", "1K", None, 1, False, Decimal(60), day)
    reading = SharedReading(tmp_path, (("ana.recordings.yaml", ana),))
    session = Session(loaded(), GenerationRequest(DEFAULT_MODEL))
    mine = dataclasses.replace(loaded(), catalog=dataclasses.replace(CATALOG, observations=(own,)))
    session.set_own(dataclasses.replace(mine, shared_folder=tmp_path, shared=reading))
    assert session.catalog.observations == (ana, own) and session.view.quote.total == Decimal(60)
    handed: list[LoadedCatalog] = []
    session.stack_team = handed.append  # as the window's watcher takes it
    session.set_own(dataclasses.replace(mine, shared_folder=tmp_path, shared=reading))
    assert len(handed) == 1 and handed[0].catalog.observations == (own,)  # not yet laid
    session.set_own(mine)  # no team: nothing to lay under it, shown at once
    assert session.catalog.observations == (own,) and len(handed) == 1
