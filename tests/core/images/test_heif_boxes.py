"""HEIF box layouts that libheif's three sample photos do not show, written box by box as ISO/IEC
23008-12 lays them out: wide item ids and property indices, several items and ipma boxes, the
"essential" bit, large and open-ended boxes, rotations and crops; and each broken box named."""

from __future__ import annotations

import io
import re
import struct

import pytest

from imagine_calc.core.images import heif
from imagine_calc.core.images.image_size import ImageSize, SizeError, read_size_bytes


def box(kind: bytes, body: bytes, *, large: bool = False) -> bytes:
    if large:  # size 1: the real size follows as 64 bits
        return struct.pack(">I4sQ", 1, kind, 16 + len(body)) + body
    return struct.pack(">I4s", 8 + len(body), kind) + body


def full(version: int = 0, flags: int = 0) -> bytes:
    """A full box's version and flags."""
    return bytes([version]) + flags.to_bytes(3, "big")


def ispe(width: int, height: int) -> bytes:
    return box(b"ispe", full() + struct.pack(">II", width, height))


def irot(turns: int) -> bytes:
    return box(b"irot", bytes([turns]))


def clap(width: tuple[int, int], height: tuple[int, int]) -> bytes:
    """Clean aperture: width and height as fractions, then the offsets (zero here)."""
    return box(b"clap", struct.pack(">IIII", *width, *height) + bytes(16))


def pitm(item: int, version: int = 0) -> bytes:
    return box(b"pitm", full(version) + struct.pack(">H" if version == 0 else ">I", item))


def ipma(entries: list[tuple[int, list[int]]], version: int = 0, flags: int = 0) -> bytes:
    """Which properties (1-based, 0x80 or 0x8000 marking one essential) each item has."""
    body = full(version, flags) + struct.pack(">I", len(entries))
    for item, indices in entries:
        body += struct.pack(">H" if version == 0 else ">I", item) + bytes([len(indices)])
        for index in indices:
            body += struct.pack(">H", index) if flags & 1 else bytes([index])
    return box(b"ipma", body)


def iprp(properties: list[bytes], *associations: bytes) -> bytes:
    return box(b"iprp", box(b"ipco", b"".join(properties)) + b"".join(associations))


def heif_file(
    *meta_children: bytes, brand: bytes = b"heic", before: bytes = b"", large: bool = False
) -> bytes:
    ftyp = box(b"ftyp", brand + bytes(4) + b"mif1" + brand)
    meta = box(b"meta", full() + b"".join(meta_children), large=large)
    return ftyp + before + meta + box(b"mdat", bytes(32))


def size_of(data: bytes) -> tuple[int, int] | str:
    result = read_size_bytes(data, "photo.heic")
    if isinstance(result, SizeError):
        assert (result.path, result.kind) == ("photo.heic", "corrupt")
        return re.sub(r"^corrupt HEI[CF] file: ", "", result.message)
    return result.width, result.height


def one_image(*properties: bytes, indices: list[int] | None = None) -> bytes:
    chosen = indices if indices is not None else list(range(1, len(properties) + 1))
    return heif_file(pitm(1), iprp(list(properties), ipma([(1, chosen)])))


def test_the_primary_images_spatial_extent_is_its_size() -> None:
    result = read_size_bytes(one_image(ispe(640, 480)), "photo.heic")
    assert result == ImageSize("photo.heic", 640, 480, "HEIC")


def test_a_generic_heif_brand_is_named_heif() -> None:
    data = heif_file(pitm(1), iprp([ispe(64, 48)], ipma([(1, [1])])), brand=b"mif1")
    result = read_size_bytes(data, "photo.heif")
    assert isinstance(result, ImageSize) and result.format == "HEIF"


def test_only_the_primary_items_properties_count() -> None:
    thumbnail, photo = ispe(160, 120), ispe(4000, 3000)
    data = heif_file(pitm(2), iprp([thumbnail, photo], ipma([(1, [1]), (2, [2])])))
    assert size_of(data) == (4000, 3000)


def test_wide_item_ids_and_property_indices() -> None:
    """Version 1 ids take four bytes, flag 1 indices two, whose top bit marks them essential."""
    filler = [box(b"free", b"")] * 299
    properties = [*filler, ispe(160, 120), ispe(4000, 3000), irot(1)]
    associations = ipma([(70_000, [300]), (70_001, [0x8000 | 301, 302])], version=1, flags=1)
    assert size_of(heif_file(pitm(70_001, version=1), iprp(properties, associations))) == (3000, 4000)
    assert size_of(heif_file(pitm(70_000, version=1), iprp(properties, associations))) == (160, 120)


def test_an_essential_property_is_still_found_by_its_index() -> None:
    assert size_of(one_image(box(b"free", b""), ispe(800, 600), indices=[1, 0x80 | 2])) == (800, 600)


def test_the_primary_items_properties_may_be_in_a_later_ipma_box() -> None:
    properties = [ispe(160, 120), ispe(1024, 768)]
    data = heif_file(pitm(9), iprp(properties, ipma([(1, [1])]), ipma([(9, [2])])))
    assert size_of(data) == (1024, 768)


@pytest.mark.parametrize(
    ("turns", "size"), [(0, (640, 480)), (1, (480, 640)), (2, (640, 480)), (3, (480, 640)), (5, (480, 640))]
)
def test_a_quarter_turn_either_way_stands_the_image_on_its_side(turns: int, size: tuple[int, int]) -> None:
    assert size_of(one_image(ispe(640, 480), irot(turns))) == size


def test_a_clean_aperture_crops_to_whole_pixels_before_turning() -> None:
    assert size_of(one_image(ispe(4096, 3072), clap((4032, 1), (3024, 1)))) == (4032, 3024)
    assert size_of(one_image(ispe(4096, 3072), clap((8065, 2), (6049, 2)))) == (4032, 3024)
    assert size_of(one_image(ispe(4096, 3072), clap((4032, 1), (3024, 1)), irot(3))) == (3024, 4032)


def test_a_crop_with_no_denominator_or_a_short_box_is_passed_over() -> None:
    assert size_of(one_image(ispe(4096, 3072), clap((4032, 0), (3024, 1)))) == (4096, 3072)
    assert size_of(one_image(ispe(4096, 3072), clap((4032, 1), (3024, 0)))) == (4096, 3072)
    short = box(b"clap", struct.pack(">III", 10, 1, 10))
    assert size_of(one_image(ispe(4096, 3072), short)) == (4096, 3072)


def test_large_boxes_and_boxes_before_meta_are_read_past() -> None:
    before = box(b"free", bytes(100)) + box(b"skip", bytes(3), large=True)
    meta_children = (pitm(1), box(b"iprp", box(b"ipco", ispe(320, 240), large=True) + ipma([(1, [1])])))
    assert size_of(heif_file(*meta_children, before=before, large=True)) == (320, 240)


def test_a_meta_box_running_to_the_end_of_the_file() -> None:
    ftyp = box(b"ftyp", b"heic" + bytes(4) + b"mif1")
    body = full() + pitm(1) + iprp([ispe(50, 40)], ipma([(1, [1])]))
    assert size_of(ftyp + struct.pack(">I4s", 0, b"meta") + body) == (50, 40)
    # inside meta too, a box of size 0 runs to the end of its parent
    open_ended = struct.pack(">I4s", 0, b"iprp") + box(b"ipco", ispe(50, 40)) + ipma([(1, [1])])
    assert size_of(ftyp + box(b"meta", full() + pitm(1) + open_ended)) == (50, 40)


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (heif_file(iprp([ispe(1, 1)], ipma([(1, [1])]))), "no primary image (pitm box)"),
        (heif_file(pitm(1)), "no image properties (iprp box)"),
        (heif_file(pitm(1), box(b"iprp", ipma([(1, [1])]))), "no image properties (ipco or ipma box)"),
        (
            heif_file(pitm(1), box(b"iprp", box(b"ipco", ispe(1, 1)))),
            "no image properties (ipco or ipma box)",
        ),
        (
            heif_file(pitm(7), iprp([ispe(1, 1)], ipma([(1, [1])]))),
            "the primary image (item 7) has no properties",
        ),
        (one_image(ispe(64, 48), indices=[2]), "property 2 does not exist"),
        (one_image(ispe(64, 48), indices=[0]), "property 0 does not exist"),
        (one_image(irot(1)), "the primary image has no size (ispe property)"),
        (
            one_image(box(b"ispe", full() + struct.pack(">I", 64))),
            "the primary image has no size (ispe property)",
        ),
        (one_image(ispe(0, 48)), "the primary image has no size (ispe property)"),
        (heif_file(box(b"pitm", full())), "the pitm box is cut off"),
        (heif_file(pitm(1), iprp([ispe(1, 1)], box(b"ipma", full()))), "the ipma box is cut off"),
        (
            heif_file(
                pitm(5), iprp([ispe(1, 1)], box(b"ipma", full() + struct.pack(">IH", 2, 1) + b"\x01\x01"))
            ),
            "the ipma box is cut off",
        ),
        (box(b"ftyp", b"heic" + bytes(4)) + box(b"free", bytes(4)), "no meta box: the file ends first"),
        (box(b"ftyp", b"heic" + bytes(4)) + struct.pack(">I4s", 0, b"mdat"), "no meta box"),
        (
            box(b"ftyp", b"heic" + bytes(4)) + struct.pack(">I4s", 4, b"free") + bytes(8),
            "a box claims 4 bytes",
        ),
        (box(b"ftyp", b"heic" + bytes(4)) + struct.pack(">I4sI", 1, b"free", 0), "a box header is cut off"),
        (
            box(b"ftyp", b"heic" + bytes(4)) + struct.pack(">I4s", 20, b"meta") + bytes(4),
            "the meta box is cut off",
        ),
        (
            box(b"ftyp", b"heic" + bytes(4)) + struct.pack(">I4s", 5 * 1024 * 1024, b"meta"),
            "a meta box of 5242880 bytes is not a photo's",
        ),
        (
            box(b"ftyp", b"heic" + bytes(4)) + struct.pack(">I4sQ", 1, b"meta", 12),
            "a meta box of 12 bytes is not a photo's",
        ),
        (
            heif_file(struct.pack(">I4s", 4, b"pitm") + bytes(8)),
            "the 'pitm' box is cut off or claims 4 bytes",
        ),
        (
            heif_file(struct.pack(">I4s", 64, b"pitm") + bytes(8)),
            "the 'pitm' box is cut off or claims 64 bytes",
        ),
        (heif_file(struct.pack(">I4sI", 1, b"pitm", 0)), "a box header is cut off"),
    ],
)
def test_a_box_that_does_not_give_a_size_is_named(data: bytes, why: str) -> None:
    assert size_of(data) == why


def test_a_field_running_past_its_box_is_a_cut_off_box() -> None:
    pitm_v1_short = box(b"pitm", full(1) + b"\x00\x01")  # version 1 ids take four bytes
    with pytest.raises(heif.HeifError, match=r"^a box is cut off$"):
        heif.heif_size(io.BytesIO(heif_file(pitm_v1_short)))


@pytest.mark.parametrize(
    ("head", "is_heif"),
    [
        (box(b"ftyp", b"heic" + bytes(4)), True),
        (box(b"ftyp", b"mif1" + bytes(4) + b"heic"), True),
        (box(b"ftyp", b"isom" + bytes(4) + b"mp41" + b"msf1"), True),  # a brand listed later
        (box(b"ftyp", b"isom" + bytes(4) + b"mp41"), False),
        (box(b"ftyp", b"avif" + bytes(4) + b"mif1"), False),  # AVIF is Pillow's
        (box(b"ftyp", b"mif1" + bytes(4) + b"avif"), False),
        (box(b"ftyp", b"mif1" + bytes(4) + b"avis"), False),
        (struct.pack(">I4s", 12, b"ftyp") + b"hei", False),  # cut off before the brand
        (struct.pack(">I4s", 16, b"ftyp") + b"isom" + bytes(4) + b"heic", False),  # past the box
        (struct.pack(">I4s", 16, b"moov") + b"heic", False),
    ],
)
def test_heif_is_told_by_its_file_type_brands(head: bytes, is_heif: bool) -> None:
    assert (heif.box_format(head) in ("HEIC", "HEIF")) is is_heif


def test_boxes_that_end_exactly_at_their_parents_end_are_read() -> None:
    """An empty box (8 bytes, or 16 with a large size) at the very end still counts as a property."""
    assert size_of(one_image(ispe(64, 48), box(b"free", b""), indices=[1, 2])) == (64, 48)
    assert size_of(one_image(ispe(64, 48), box(b"free", b"", large=True), indices=[1, 2])) == (64, 48)


def test_fields_of_exactly_their_length_and_longer_are_read() -> None:
    exact_clap = box(b"clap", struct.pack(">IIII", 4032, 1, 3024, 1))  # no offsets
    assert size_of(one_image(ispe(4096, 3072), exact_clap)) == (4032, 3024)
    longer_ispe = box(b"ispe", full() + struct.pack(">II", 640, 480) + bytes(4))
    assert size_of(one_image(longer_ispe)) == (640, 480)


def test_empty_boxes_are_empty_not_broken() -> None:
    ftyp = box(b"ftyp", b"heic" + bytes(4))
    assert size_of(ftyp + box(b"meta", b"")) == "no primary image (pitm box)"  # read, and empty
    assert size_of(heif_file(pitm(1), iprp([ispe(64, 48)], ipma([(1, [1])])), before=box(b"free", b""))) == (
        64,
        48,
    )
    assert (
        size_of(heif_file(pitm(1), iprp([ispe(64, 48)], ipma([]))))
        == "the primary image (item 1) has no properties"
    )


def test_brands_are_read_four_bytes_at_a_time_from_a_header_of_twelve_bytes() -> None:
    assert heif.box_format(struct.pack(">I4s", 12, b"ftyp") + b"heic") == "HEIC"
    misaligned = box(b"ftyp", b"isom" + bytes(4) + b"xxhe" + b"icxx")  # "heic" across two brands
    assert heif.box_format(misaligned) is None
