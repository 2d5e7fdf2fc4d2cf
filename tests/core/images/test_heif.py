"""HEIC photos, as libheif writes them (tests/fixtures/heic/make_heic.py): sized from their boxes
without decoding, the way they are shown (a grid cropped to the photo, a rotation applied), and a
damaged one reported as such, never as an exception."""

from __future__ import annotations

import json
import struct
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
    assert row["known_credits"] == float(expected)


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


# --- boxes libheif's fixtures never hold, written here as ISO/IEC 23008-12 lays them out --------


def box(kind: bytes, body: bytes, large: bool = False) -> bytes:
    """A box; `large` writes its size in the 64-bit field (size 1, then the real size)."""
    if large:
        return struct.pack(">I4sQ", 1, kind, 16 + len(body)) + body
    return struct.pack(">I4s", 8 + len(body), kind) + body


def full(version: int, flags: int = 0) -> bytes:
    return bytes([version]) + flags.to_bytes(3, "big")


def heif(
    properties: list[bytes],
    *,
    item: int = 1,
    ipma_version: int = 0,
    wide_indices: bool = False,
    large: frozenset[bytes] = frozenset(),
    before_meta: bytes = b"",
) -> bytes:
    """A HEIC whose primary item `item` has `properties` (ispe, irot, clap...), all associated."""
    indices = range(1, len(properties) + 1)
    if wide_indices:  # flags bit 0: 16-bit property indices, the top bit "essential"
        assoc = b"".join(struct.pack(">H", 0x8000 | i) for i in indices)
    else:
        assoc = bytes(0x80 | i for i in indices)
    item_id = struct.pack(">I" if ipma_version >= 1 else ">H", item)
    ipma = full(ipma_version, 1 if wide_indices else 0) + struct.pack(">I", 1) + item_id
    ipma += bytes([len(properties)]) + assoc
    iprp = box(b"ipco", b"".join(properties), b"ipco" in large) + box(b"ipma", ipma, b"ipma" in large)
    pitm = full(0 if item < 0x10000 else 1) + struct.pack(">H" if item < 0x10000 else ">I", item)
    meta = full(0) + box(b"pitm", pitm) + box(b"iprp", iprp, b"iprp" in large)
    ftyp = box(b"ftyp", b"heic" + b"\0\0\0\0" + b"mif1heic")
    return ftyp + before_meta + box(b"meta", meta, b"meta" in large)


def ispe(width: int, height: int) -> bytes:
    return box(b"ispe", full(0) + struct.pack(">II", width, height))


def clap(width: int, height: int, denominator: int = 1) -> bytes:
    """A clean aperture of width x height (as fractions), centred (offsets 0/1)."""
    return box(
        b"clap",
        struct.pack(">8I", width * denominator, denominator, height * denominator, denominator, 0, 1, 0, 1),
    )


def size_of(data: bytes) -> tuple[int, int]:
    result = read_size_bytes(data, "photo.heic")
    assert isinstance(result, ImageSize), result
    return result.width, result.height


def test_a_clean_aperture_crops_what_is_shown_and_upscaled() -> None:
    assert size_of(heif([ispe(4032, 3024), clap(4000, 3000)])) == (4000, 3000)
    assert size_of(heif([ispe(4032, 3024), clap(4000, 3000, denominator=7)])) == (4000, 3000)
    # turned on its side after the crop, as the irot property says
    assert size_of(heif([ispe(4032, 3024), box(b"irot", b"\x01"), clap(4000, 3000)])) == (3000, 4000)


def test_boxes_sized_in_64_bits_are_read_at_the_top_and_inside_meta() -> None:
    skipped = box(b"mdat", b"\0" * 40, large=True)  # before meta, skipped by its 64-bit size
    data = heif([ispe(640, 480)], large=frozenset({b"meta", b"iprp", b"ipco"}), before_meta=skipped)
    assert size_of(data) == (640, 480)


def test_an_ipma_of_version_1_has_32_bit_item_ids_and_may_have_16_bit_indices() -> None:
    assert size_of(heif([ispe(800, 600)], item=70_000, ipma_version=1)) == (800, 600)
    assert size_of(heif([ispe(800, 600), box(b"irot", b"\x03")], ipma_version=1, wide_indices=True)) == (
        600,
        800,
    )
