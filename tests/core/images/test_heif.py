"""HEIC photos, as libheif writes them (tests/fixtures/heic/make_heic.py): sized from their boxes
without decoding, the way they are shown (a grid cropped to the photo, a rotation applied), and a
damaged one reported as such, never as an exception."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imagine_calc.cli import main
from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.images.image_size import ImageSize, SizeError, read_size, read_size_bytes
from imagine_calc.core.pricing.upscale import quote_upscale

HEIC = Path(__file__).resolve().parents[2] / "fixtures" / "heic"


@pytest.mark.parametrize(
    ("name", "size"),
    [
        ("single.heic", (640, 480)),
        ("rotated.heic", (480, 640)),  # stored 640 x 480 with irot 90°: shown upright
        ("grid.heic", (4032, 3024)),  # 8 x 6 tiles of 512 (4096 x 3072), cropped by the grid
    ],
)
def test_a_heic_photo_is_sized_as_it_is_shown(name: str, size: tuple[int, int]) -> None:
    result = read_size(HEIC / name)
    assert isinstance(result, ImageSize)
    assert (result.width, result.height, result.format) == (*size, "HEIC")


def test_a_phone_photo_is_quoted_at_its_true_size(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["upscale", str(HEIC / "grid.heic"), "--json"]) == 0
    row = json.loads(capsys.readouterr().out)["files"][0]
    assert (row["width"], row["height"]) == (4032, 3024)
    expected = quote_upscale(load_catalog(), "topaz", 2, 4032, 3024).known_total
    assert row["credits"] == float(expected)


def test_a_cut_off_heic_is_corrupt_with_the_reason(tmp_path: Path) -> None:
    data = (HEIC / "grid.heic").read_bytes()
    cut = tmp_path / "cut.heic"
    cut.write_bytes(data[:200])  # inside the meta box
    result = read_size(cut)
    assert isinstance(result, SizeError) and result.kind == "corrupt"
    assert result.message.startswith("corrupt HEIC file: ")  # its brand says HEIC


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_damaged_heic_bytes_never_raise(data: st.DataObject) -> None:
    original = bytearray(
        (HEIC / data.draw(st.sampled_from(["single.heic", "rotated.heic", "grid.heic"]))).read_bytes()
    )
    for _ in range(data.draw(st.integers(0, 6))):
        at = data.draw(st.integers(0, len(original) - 1))
        original[at] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(12, len(original)))
    result = read_size_bytes(bytes(original[:cut]), "damaged.heic")
    assert isinstance(result, ImageSize | SizeError)
    if isinstance(result, ImageSize):
        assert result.width > 0 and result.height > 0
