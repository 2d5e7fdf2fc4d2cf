"""Properties that must hold for any input, checked with hypothesis."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imagine_calc.core.catalog.loader import bundled_files, load_catalog, load_override
from imagine_calc.core.errors import CatalogError
from imagine_calc.core.images.image_size import ImageSize, SizeError, read_size, read_size_bytes
from imagine_calc.core.pricing.quotes import quote_generation
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.pricing.upscale import quote_upscale
from tests.images import png_header_only

CATALOG = load_catalog()
BUNDLED = bundled_files()
PRICED = [m for m in CATALOG.models if m.price_known]

requests = st.sampled_from(PRICED).flatmap(
    lambda m: st.builds(
        GenerationRequest, st.just(m.id), st.sampled_from(m.tiers), st.sampled_from(m.aspect_ratios)
    )
)


@given(requests, st.integers(1, 4))
def test_n_images_cost_n_times_one_image(req: GenerationRequest, n: int) -> None:
    one = quote_generation(CATALOG, req)
    many = quote_generation(CATALOG, GenerationRequest(req.model_id, req.resolution, req.aspect_ratio, n))
    assert many.known_total == one.known_total * n
    assert many.state == one.state


@given(st.integers(1, 30000), st.integers(1, 30000), st.integers(1, 30000), st.sampled_from([2, 4]))
def test_topaz_cost_grows_with_pixel_count(w: int, h: int, extra: int, scale: int) -> None:
    small = quote_upscale(CATALOG, "topaz", scale, w, h).total
    large = quote_upscale(CATALOG, "topaz", scale, w + extra, h).total
    assert small is not None and large is not None and large > small
    assert small == Decimal(20) * Decimal(w * h) / Decimal(10**6) * (1 if scale == 2 else 3)


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)
catalog_like = st.fixed_dictionaries(
    {},
    optional={
        "models": st.lists(
            st.dictionaries(
                st.sampled_from(
                    [
                        "id",
                        "name",
                        "description",
                        "price",
                        "max_resolution",
                        "aspect_ratios",
                        "unknown",
                        "colour",
                    ]
                ),
                yaml_values,
                max_size=8,
            ),
            max_size=3,
        ),
        "prompt_enhancer": yaml_values,
        "meta": yaml_values,
        "images": yaml_values,
        "upscale_engines": yaml_values,
    },
)


def _load(text: str | bytes) -> None:
    try:
        load_override(BUNDLED, text, "fuzz.yaml")  # type: ignore[arg-type]
    except CatalogError as exc:
        assert str(exc) and exc.problems
        assert all(p.file == "fuzz.yaml" or p.file.startswith("catalog/") for p in exc.problems)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(catalog_like)
def test_loader_fed_arbitrary_yaml_raises_only_catalog_errors(data: dict) -> None:
    _load(yaml.safe_dump(data, allow_unicode=True))


@settings(max_examples=300)
@given(st.binary(max_size=300) | st.text(max_size=300))
def test_loader_fed_arbitrary_bytes_raises_only_catalog_errors(blob: bytes | str) -> None:
    _load(blob)


headers = st.builds(
    lambda w, h, cut: png_header_only(w, h)[:cut],
    st.integers(0, 2**31),
    st.integers(0, 2**31),
    st.integers(0, 80),
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400) | headers)
def test_size_reader_fed_arbitrary_bytes_returns_a_size_or_its_own_error(blob: bytes) -> None:
    result = read_size_bytes(blob)
    assert isinstance(result, ImageSize | SizeError)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.png"
        path.write_bytes(blob)
        on_disk = read_size(path)
    assert type(on_disk) is type(result)
