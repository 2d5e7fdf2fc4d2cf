"""Prices the user read off ImagineArt's Create button: kept in the override, quoted as observed."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from imagine_calc.core.catalog import override_backups
from imagine_calc.core.catalog import override_file as overrides
from imagine_calc.core.catalog.loader import load_catalog, load_with_override
from imagine_calc.core.catalog.records import Catalog, Model, Observation
from imagine_calc.core.errors import CatalogError
from imagine_calc.core.limits import LimitError
from imagine_calc.core.pricing import observations
from imagine_calc.core.pricing.observations import disagreement, parse_observed
from imagine_calc.core.pricing.quotes import QuoteState, quote_generation
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.text.findings import caveat_words, seen_words
from tests.seed_table import SEED_MODELS
from tests.words import caveats, detail, unknowns

DAY = dt.date(2026, 11, 27)


def seen(
    model: str, credits: str, resolution: str = "1K", images: int = 1, enhancer: bool = False
) -> Observation:
    return Observation(model, resolution, None, images, enhancer, Decimal(credits), DAY)


def recorded(path: Path, *observations: Observation) -> Catalog:
    for o in observations:
        overrides.record(path, o)
    loaded = load_with_override(path)
    assert loaded.override_error is None, loaded.override_error
    return loaded.catalog


def q(catalog: Catalog, model: str, resolution: str = "1K", images: int = 1, enhancer: bool = False):
    return quote_generation(catalog, GenerationRequest(model, resolution, None, images, enhancer))


def test_a_recorded_total_turns_a_lower_bound_into_an_observed_price(override_file: Path) -> None:
    catalog = recorded(override_file, seen("imagineart-1-5-pro", "40", "4K"))
    quote = q(catalog, "imagineart-1-5-pro", "4K")
    assert quote.total == 40 and quote.state is QuoteState.OBSERVED and quote.basis == "observed"
    assert "observed by you on 2026-11-27" in detail(quote.lines[0])
    # n images cost n times one (the page), so the recording prices 3 images too: worked out
    # from the recording, so inferred from it, not observed
    three = q(catalog, "imagineart-1-5-pro", "4K", images=3)
    assert three.total == 120 and three.basis == "inferred" and three.state is QuoteState.APPROXIMATE
    assert "3 × 40, worked out from your recording of 40 for 1 image on 2026-11-27" in detail(three.lines[0])
    # other resolutions keep the page's figures
    assert q(catalog, "imagineart-1-5-pro", "2K").state is QuoteState.LOWER_BOUND


def test_two_recordings_that_differ_in_the_enhancer_give_its_surcharge(override_file: Path) -> None:
    catalog = recorded(override_file, seen("nano-banana-2", "49"), seen("nano-banana-2", "51", enhancer=True))
    exact = q(catalog, "nano-banana-2", enhancer=True)
    assert exact.total == 51 and exact.state is QuoteState.OBSERVED
    # elsewhere the surcharge is an assumption, and says so
    at_2k = q(catalog, "nano-banana-2", "2K", enhancer=True)
    assert at_2k.total == Decimal("75.5") and at_2k.state is QuoteState.APPROXIMATE
    assert "assumed the same here" in detail(at_2k.lines[1])
    # for several images it may be charged per image: a lower bound, not a guess
    two = q(catalog, "flux-dev", images=2, enhancer=True)
    assert two.state is QuoteState.APPROXIMATE_LOWER_BOUND and two.known_total == 12
    assert "per image" in unknowns(two)[0]


def test_a_recording_that_contradicts_the_page_is_used_and_named(override_file: Path) -> None:
    stated = SEED_MODELS["Nano Banana 2"][0]["2K"]  # type: ignore[index]
    catalog = recorded(override_file, seen("nano-banana-2", "80", "2K"))
    quote = q(catalog, "nano-banana-2", "2K")
    assert quote.total == 80
    assert any(f"gives {stated} for 2K" in c and "You recorded 80" in c for c in caveats(quote))


def test_a_recording_below_a_base_price_it_cannot_be_under_is_named(override_file: Path) -> None:
    catalog = recorded(override_file, seen("flux-2-max", "30", "2K"))
    assert any("base price of 50" in c for c in caveats(q(catalog, "flux-2-max", "2K")))
    catalog = recorded(override_file, seen("flux-2-max", "70", "2K"))
    assert not caveats(q(catalog, "flux-2-max", "2K"))


def test_a_per_image_price_is_derived_only_when_it_divides_exactly(override_file: Path) -> None:
    catalog = recorded(override_file, seen("seedream-v4", "100", "4K", images=3))
    assert q(catalog, "seedream-v4", "4K", images=3).total == 100  # exactly what was seen
    two = q(catalog, "seedream-v4", "4K", images=2)  # 100 / 3 has no exact per-image price
    assert two.state is QuoteState.LOWER_BOUND and two.known_total == 36


def test_recording_the_same_settings_again_replaces_and_keeps_comments(override_file: Path) -> None:
    override_file.write_text("# checked by hand\nprompt_enhancer:\n  name: Prompt enhancer  # same name\n")
    recorded(override_file, seen("flux-dev", "5"), seen("flux-dev", "6"))
    catalog = load_with_override(override_file).catalog
    assert [o.credits for o in catalog.observations] == [6]
    text = override_file.read_text()
    assert "# checked by hand" in text and "# same name" in text
    assert len(override_file_backups(override_file)) == 2


def override_file_backups(path: Path) -> list[Path]:
    return override_backups.backups(path)


def test_revert_steps_back_through_every_change_and_deletes_nothing(override_file: Path) -> None:
    recorded(override_file, seen("flux-dev", "5"))
    first = override_file.read_text()
    recorded(override_file, seen("flux-dev", "6", "1K", images=2))
    restored, aside = override_backups.revert(override_file)
    assert override_file.read_text() == first and aside is not None and aside.exists()
    assert not restored.exists()  # the backup went back into place: the next revert goes further
    override_backups.revert(override_file)  # back to before the first recording: no override
    assert load_with_override(override_file).catalog.observations == ()
    with pytest.raises(FileNotFoundError):
        override_backups.revert(override_file)
    assert len(list(override_file.parent.glob("override.yaml.*.reverted"))) == 2


def test_a_recording_of_a_setting_the_model_lacks_is_refused_with_its_line(override_file: Path) -> None:
    override_file.write_text(
        "observed:\n  - model: seedream-v4\n    resolution: 3K\n    credits: 18\n    date: 2026-11-27\n"
    )
    error = load_with_override(override_file).override_error
    assert error is not None and error.first.line == 3 and "does not offer 3K" in error.first.message
    with pytest.raises(CatalogError):  # a write over a broken file is refused, the file kept
        overrides.record(override_file, seen("flux-dev", "5"))
    assert "3K" in override_file.read_text()


def test_what_is_worked_out_from_recordings_is_inferred_and_says_from_what(override_file: Path) -> None:
    at_ratio = Observation("flux-dev", "1K", "16:9", 2, False, Decimal(10), DAY)
    catalog = recorded(override_file, at_ratio, seen("flux-dev", "6", enhancer=True), seen("flux-dev", "5"))
    kept = q(catalog, "flux-dev", images=2)
    assert kept.state is QuoteState.OBSERVED  # the recording itself, as it was made
    assert detail(kept.lines[0]).endswith("observed by you on 2026-11-27 at 16:9 aspect ratio")
    with_enhancer = q(catalog, "flux-dev", enhancer=True)
    assert with_enhancer.state is QuoteState.OBSERVED and with_enhancer.total == 6
    three = q(catalog, "flux-dev", images=3)
    assert [line.basis.value for line in three.lines] == ["inferred"]
    assert "worked out from your recording of 5 for 1 image" in detail(three.lines[0])
    # the surcharge at other settings is the difference of two recordings: worked out, so inferred
    surcharge = q(catalog, "nano-banana-2", enhancer=True).lines[-1]
    assert surcharge.basis.value == "inferred" and surcharge.credits == 1
    assert "6 - 5, worked out from your recordings on 2026-11-27" in detail(surcharge)


BUNDLED = load_catalog()


def said(model: Model, o: Observation) -> list[str]:
    """What the quote says of a recording that contradicts the page (worded by core/text)."""
    return [caveat_words(d) for d in disagreement(model, o)]


def test_a_recording_that_agrees_with_the_page_says_nothing() -> None:
    nano = BUNDLED.model("nano-banana-2")
    assert said(nano, seen("nano-banana-2", "147", "2K", images=2)) == []  # 2 × 73.5
    assert said(nano, seen("nano-banana-2", "80", "2K", enhancer=True)) == []  # the enhancer's own
    assert said(nano, seen("nano-banana-2", "100", "3K")) == []  # the page names no 3K
    assert said(nano, seen("nano-banana-2", "100", "2K", images=3)) == []  # 33.33…: no exact price


def test_a_stated_price_contradicted_is_named_with_the_tier() -> None:
    assert said(BUNDLED.model("nano-banana-2"), seen("nano-banana-2", "80", "2K")) == [
        "You recorded 80 credits per image for Nano Banana 2 at 2K on 2026-11-27; "
        "ImagineArt's page gives 73.5 for 2K. Your recording is used."
    ]


def test_a_base_price_contradicted_at_1k_is_named_as_the_base_price() -> None:
    flux = BUNDLED.model("flux-2-max")  # a base price of 50
    assert said(flux, seen("flux-2-max", "60")) == [
        "You recorded 60 credits per image for Flux 2 Max at 1K on 2026-11-27; "
        "ImagineArt's page gives 50 as its base price (the 1K price). Your recording is used."
    ]


def test_above_1k_a_base_price_is_only_contradicted_from_below() -> None:
    flux = BUNDLED.model("flux-2-max")
    assert said(flux, seen("flux-2-max", "50", "2K")) == []  # the least it costs: fits
    assert said(flux, seen("flux-2-max", "70", "2K")) == []
    assert said(flux, seen("flux-2-max", "40", "2K")) == [
        "You recorded 40 credits per image for Flux 2 Max at 2K on 2026-11-27; "
        "ImagineArt's page gives a base price of 50, which 2K costs more than. Your recording is used."
    ]


def test_a_price_from_the_users_override_is_named_as_theirs() -> None:
    mine = replace(BUNDLED.model("nano-banana-2"), origin="override override.yaml")
    assert said(mine, seen("nano-banana-2", "80", "2K"))[0].endswith(
        "your override gives 73.5 for 2K. Your recording is used."
    )


def test_when_and_at_what_ratio_a_recording_was_seen() -> None:
    assert seen_words(seen("nano-banana-2", "49")) == "observed by you on 2026-11-27"
    ratio = replace(seen("nano-banana-2", "49"), aspect_ratio="3:2")
    assert seen_words(ratio) == "observed by you on 2026-11-27 at 3:2 aspect ratio"


def test_a_recorded_price_is_a_number_above_nothing_named_by_its_field() -> None:
    assert parse_observed(" 49,5 ") == Decimal("49.5")
    with pytest.raises(
        LimitError, match=r"^the total must be more than 0 \(the cost the Create button showed\)"
    ):
        parse_observed("0", "the total")
    with pytest.raises(LimitError, match=r"^the total must be a number, got 'lots'$"):
        parse_observed("lots", "the total")


def enhancer_pair_by_scanning(
    catalog: Catalog, req: GenerationRequest
) -> tuple[Observation, Observation] | None:
    """enhancer_pair as it was written before it looked recordings up by setting: every
    recording scanned, the newest pair of this model first, a tie to the later one."""
    off = {
        (o.model_id, o.resolution, o.aspect_ratio, o.images): o
        for o in catalog.observations
        if not o.prompt_enhancer
    }
    pairs = []
    for on in catalog.observations:
        partner = off.get((on.model_id, on.resolution, on.aspect_ratio, on.images))
        if on.prompt_enhancer and partner is not None and on.credits >= partner.credits and on.images == 1:
            pairs.append((on, partner))
    if not pairs:
        return None
    return max(enumerate(pairs), key=lambda ip: (ip[1][0].model_id == req.model_id, ip[1][0].date, ip[0]))[1]


@pytest.fixture(scope="module")
def bundled() -> Catalog:
    return load_catalog()


@pytest.mark.parametrize("seed", range(40))
def test_the_enhancer_pair_and_conflicts_looked_up_by_setting_are_the_scans_answers(
    seed: int, bundled: Catalog
) -> None:
    """A team's thousands of recordings are looked up by setting; the answers stay the same."""
    import random

    rng = random.Random(seed)
    people = [None, "Ana", "Bo", "Cy"]
    found = tuple(
        Observation(
            rng.choice(["flux-dev", "nano-banana-2"]),
            "1K",
            rng.choice([None, "1:1"]),
            rng.choice([1, 1, 2]),
            rng.choice([False, True]),
            Decimal(rng.randint(4, 9)),
            dt.date(2026, 11, rng.randint(1, 3)),
            rng.choice(people),
        )
        for _ in range(rng.randint(0, 30))
    )
    catalog = replace(bundled, observations=found)
    for model in ("flux-dev", "nano-banana-2"):
        req = GenerationRequest(model)
        assert observations.enhancer_pair(catalog, req) == enhancer_pair_by_scanning(catalog, req)
    for o in found:
        group = [seen for seen in catalog.observations if seen.settings() == o.settings()]
        used = max(enumerate(group), key=lambda ig: (ig[1].date, ig[0]))[1]
        conflicts = observations.conflicts(catalog, o)
        assert (conflicts[0].used if conflicts else used) == used
        assert bool(conflicts) == any(seen.credits != used.credits for seen in group)


def best_by_scanning(found: list[tuple[int, Observation]], ratio: str | None) -> Observation | None:
    """The one at the requested ratio if any, else the newest, a tie to the later place."""
    return max(found, key=lambda io: (io[1].aspect_ratio == ratio, io[1].date, io[0]), default=(0, None))[1]


def total_by_scanning(catalog: Catalog, req: GenerationRequest) -> Observation | None:
    """recorded_total as a scan of every recording."""
    wanted = (req.model_id, req.resolution, req.images, req.prompt_enhancer)
    found = [
        (place, o)
        for place, o in enumerate(catalog.observations)
        if (o.model_id, o.resolution, o.images, o.prompt_enhancer) == wanted
    ]
    return best_by_scanning(found, req.aspect_ratio)


def divides_exactly(credits: Decimal, images: int) -> bool:
    """7 credits for 2 images is 3.5 each; 10 for 3 has no exact per-image price."""
    from fractions import Fraction

    denominator = (Fraction(credits) / images).denominator
    for factor in (2, 5):
        while denominator % factor == 0:
            denominator //= factor
    return denominator == 1


def per_image_by_scanning(catalog: Catalog, req: GenerationRequest) -> Observation | None:
    """The recording per_image uses, as a scan: no enhancer, dividing exactly into its images."""
    found = [
        (place, o)
        for place, o in enumerate(catalog.observations)
        if (o.model_id, o.resolution) == (req.model_id, req.resolution)
        and not o.prompt_enhancer
        and divides_exactly(o.credits, o.images)
    ]
    return best_by_scanning(found, req.aspect_ratio)


@pytest.mark.parametrize("seed", range(12))
def test_a_teams_recordings_looked_up_by_setting_give_the_quotes_a_scan_gives(
    seed: int, bundled: Catalog
) -> None:
    """Hundreds of recordings, many for the same settings with different totals (conflicts),
    by several people on a few days: every request's recorded total, per-image price and whole
    quote is what a scan of all recordings gives, whatever was asked of the catalog before."""
    import itertools
    import random

    rng = random.Random(seed)
    models = {"flux-dev": ("1K",), "nano-banana-2": ("1K", "2K")}
    found = tuple(
        Observation(
            model,
            rng.choice(models[model]),
            rng.choice([None, "1:1", "3:4"]),
            rng.randint(1, 3),
            rng.choice([False, True]),
            Decimal(rng.randint(4, 12)) * rng.choice([1, 1, 3]),
            dt.date(2026, 11, rng.randint(1, 3)),
            rng.choice([None, "Ana", "Bo", "Cy"]),
        )
        for model in rng.choices(list(models), k=rng.randint(200, 400))
    )
    requests = [
        GenerationRequest(model, resolution, ratio, images, enhancer)
        for model, tiers in models.items()
        for resolution, ratio, images, enhancer in itertools.product(
            tiers,
            [None, "1:1", "3:4"],
            range(1, 5),
            [False, True],  # 4 images: never recorded
        )
    ]
    rng.shuffle(requests)
    catalog = replace(bundled, observations=found)  # asked everything, in a random order
    assert len({o.settings() for o in found}) < len(found)  # settings recorded more than once
    assert any(observations.conflicts(catalog, o) for o in found)
    for req in requests:
        assert observations.recorded_total(catalog, req) is total_by_scanning(catalog, req)
        per_image = observations.per_image(catalog, req)
        assert (per_image[1] if per_image else None) is per_image_by_scanning(catalog, req)
        assert observations.enhancer_pair(catalog, req) == enhancer_pair_by_scanning(catalog, req)
        fresh = replace(bundled, observations=found)  # asked nothing before
        assert quote_generation(catalog, req) == quote_generation(fresh, req)
