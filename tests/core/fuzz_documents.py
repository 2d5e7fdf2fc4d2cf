"""Documents a user might be sent: mostly shapes the file formats accept, filled with hostile
content (markup, control characters, lone surrogates, formulas, extreme numbers, every model and
setting), and a share of broken ones. Shared by the core fuzzer and the window's.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.catalog.records import TIERS, Model
from imagine_calc.core.limits import MAX_COUNT, MAX_CREDITS, MAX_PIXEL_SIDE
from imagine_calc.core.outside_text import readable

CATALOG = load_catalog()

#: Text that has broken something somewhere: markup Qt would render, a formula a spreadsheet
#: would run, terminal escapes, a faked line of output, bytes that are not UTF-8, bidi overrides.
HOSTILE = [
    "<img src=/dev/zero>",
    "<b>x</b>",
    "=HYPERLINK(1)",
    "\x00=7*6",
    "x;=7*6;",
    "＝7*6",
    "\x1b[2J\x1b]0;owned\x07",
    "Total: 0 credits\n",
    "a\r\nb|c",
    "\ud800",
    "photo-\udcff\udcfe.heic",
    "\u202eevil",
    "<script>alert(1)</script>",
    "",
    "ünïcødé ✓ 名前",
]
hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=24),
    st.tuples(st.sampled_from(HOSTILE), st.text(max_size=8)).map("".join),
)
#: YAML text cannot hold a lone surrogate (a "\ud800" escape is refused, and said): in an
#: override the same hostile text comes with each one replaced.
yaml_text = hostile_text.map(readable)
counts = st.one_of(st.sampled_from([1, 2, 20, MAX_COUNT]), st.integers(1, MAX_COUNT))
sides = st.one_of(st.sampled_from([1, 16, 1920, 4000, MAX_PIXEL_SIDE]), st.integers(1, MAX_PIXEL_SIDE))


def _generation(model: Model) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "kind": st.just("generation"),
            "model": st.just(model.id),
            "resolution": st.sampled_from(model.tiers),
            "aspect_ratio": st.sampled_from([None, *model.aspect_ratios]),
            "images": st.integers(CATALOG.images_min, CATALOG.images_max),
            "prompt_enhancer": st.booleans(),
            "count": counts,
            "label": hostile_text,
        }
    )


generation_items = st.sampled_from(CATALOG.models).flatmap(_generation)
upscale_items = st.sampled_from([(e.id, s) for e in CATALOG.engines for s in e.scales]).flatmap(
    lambda engine_scale: st.fixed_dictionaries(
        {
            "kind": st.just("upscale"),
            "engine": st.just(engine_scale[0]),
            "scale": st.just(engine_scale[1]),
            "sizes": st.lists(st.tuples(sides, sides).map(list), min_size=1, max_size=4),
            "count": counts,
            "label": hostile_text,
        }
    )
)
valid_items = st.one_of(generation_items, generation_items, upscale_items)

numbers = st.one_of(
    st.integers(-5, 10**25),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, 1, 73.5, 1_000_000, 9223372036854775808, 1e28, 1e308]),
)
#: Items as anything might write them: wrong kinds, wrong types, numbers out of every bound.
broken_items = st.fixed_dictionaries(
    {"kind": st.sampled_from(["generation", "upscale", "other", "<img src=/dev/zero>"])},
    optional={
        "model": st.sampled_from(["flux-dev", "nano-banana-pro", "gone"]),
        "resolution": st.sampled_from([*TIERS, "16K", 4]),
        "images": numbers,
        "count": numbers,
        "engine": st.sampled_from(["topaz", "magnific", "waifu"]),
        "scale": numbers,
        "sizes": st.lists(st.lists(numbers, max_size=3), max_size=4),
        "credits": st.one_of(numbers.map(str), st.sampled_from(["NaN", "sNaN", "1e100", "-Infinity"])),
        "complete": st.booleans(),
        "label": st.one_of(hostile_text, numbers),
    },
)


def _estimate(items: st.SearchStrategy[list[dict[str, Any]]]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"format": st.just("imagine-calc-estimate"), "format_version": st.just(1), "items": items},
        optional={"title": hostile_text},
    )


#: Most estimates are valid documents; two in ten, drawn mid-range, mix in broken items.
estimates = st.integers(0, 9).flatmap(
    lambda i: _estimate(
        st.lists(st.one_of(valid_items, broken_items), min_size=1, max_size=5)
        if i in (3, 6)
        else st.lists(valid_items, max_size=6)
    )
)

# --- overrides --------------------------------------------------------------------------------

prices_in_bounds = st.one_of(
    st.sampled_from([0, 1, 5, 73.5, MAX_CREDITS]),
    st.integers(0, MAX_CREDITS),
    st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False, allow_infinity=False).map(
        lambda d: float(d) if d != d.to_integral_value() else int(d)
    ),
)
ratios = st.lists(
    st.sampled_from(["1:1", "16:9", "9:16", "3:2", "21:9", "4:5"]), min_size=1, max_size=4, unique=True
)


@st.composite
def new_models(draw: st.DrawFn) -> dict[str, Any]:
    """A model an override adds: per-tier prices up to its maximum, or one base price."""
    top = draw(st.sampled_from(["1K", "2K", "4K"]))
    offered = [t for t in ("1K", "2K", "4K") if TIERS.index(t) <= TIERS.index(top)]
    price: Any = (
        {t: draw(prices_in_bounds) for t in offered} if draw(st.booleans()) else draw(prices_in_bounds)
    )
    return {
        "id": draw(st.sampled_from(["fuzz-model", "fuzz-two"])),
        "name": draw(yaml_text.filter(lambda t: t.strip() != "")),
        "description": draw(yaml_text.filter(lambda t: t.strip() != "")),
        "price": price,
        "max_resolution": top,
        "aspect_ratios": draw(ratios),
    }


changed_prices = st.sampled_from([m for m in CATALOG.models if not m.flat]).flatmap(
    lambda m: st.fixed_dictionaries(
        {"id": st.just(m.id), "price": st.fixed_dictionaries({t: prices_in_bounds for t in m.tiers})}
    )
)
valid_overrides = st.fixed_dictionaries(
    {
        "models": st.lists(
            st.one_of(new_models(), changed_prices), min_size=1, max_size=3, unique_by=lambda m: m["id"]
        )
    },
    optional={
        "prompt_enhancer": st.fixed_dictionaries(
            {"surcharge": prices_in_bounds, "applies": st.sampled_from(["per_image", "per_generation"])}
        ),
        "images": st.fixed_dictionaries({"max": st.integers(4, 8)}),
    },
)
broken_overrides = st.fixed_dictionaries(
    {},
    optional={
        "models": st.lists(
            st.fixed_dictionaries(
                {"id": st.sampled_from([m.id for m in CATALOG.models] + ["fuzz-model"])},
                optional={
                    "name": yaml_text,
                    "price": st.one_of(st.none(), numbers),
                    "max_resolution": st.sampled_from([None, *TIERS, "16K"]),
                    "aspect_ratios": st.lists(st.sampled_from(["1:1", "0:1", "x"]), max_size=3),
                },
            ),
            max_size=3,
        ),
        "images": st.fixed_dictionaries({}, optional={"max": st.integers(-1, 2000)}),
    },
)
#: Most overrides are valid; two in ten, drawn mid-range (hypothesis favours the ends of a
#: range), is anything.
overrides = st.integers(0, 9).flatmap(lambda i: broken_overrides if i in (3, 6) else valid_overrides)


def expected_price(value: Any) -> Decimal:
    """What a price written in an override is, exactly (YAML reads 73.5 as a float)."""
    return Decimal(str(value))
