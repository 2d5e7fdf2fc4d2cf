"""Image sizes come from headers only; every bad file gives a per-file error, never an exception."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from imagine_calc.core.images.image_size import OTHER_KINDS, ImageSize, SizeError, read_size, read_size_bytes
from imagine_calc.core.text.offline import OFFLINE
from tests.images import png_header_only, write_image


@pytest.mark.parametrize("suffix", [".png", ".jpg", ".webp", ".tif", ".gif", ".bmp", ".avif"])
def test_reads_width_and_height_of_each_format(tmp_path: Path, suffix: str) -> None:
    path = write_image(tmp_path / f"img{suffix}", 321, 123)
    size = read_size(path)
    assert isinstance(size, ImageSize), size
    assert (size.width, size.height) == (321, 123)


def test_a_400_megapixel_header_is_read_without_decoding(tmp_path: Path) -> None:
    path = tmp_path / "huge.png"
    path.write_bytes(png_header_only(20000, 20000))
    assert path.stat().st_size < 100
    size = read_size(path)
    assert isinstance(size, ImageSize)
    assert size.width * size.height == 400_000_000


def test_a_200_megapixel_image_is_sized_about_as_fast_as_a_1_megapixel_one(tmp_path: Path) -> None:
    big = tmp_path / "big.png"
    big.write_bytes(png_header_only(20000, 10000))
    small = write_image(tmp_path / "small.png", 1000, 1000)

    def best_of(path: Path) -> float:
        times = []
        for _ in range(30):
            t0 = time.perf_counter()
            read_size(path)
            times.append(time.perf_counter() - t0)
        return min(times)

    # Decoding 200 MP would take seconds; reading the header takes well under a millisecond.
    assert best_of(big) < 20 * best_of(small) + 0.001


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"", "empty"),
        (b"hello, this is text and not an image\n", "not-an-image"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "corrupt"),  # PNG signature, header cut off
        (png_header_only(0, 10), "corrupt"),  # Pillow refuses a zero width
    ],
)
def test_bad_files_give_a_per_file_error(tmp_path: Path, content: bytes, kind: str) -> None:
    path = tmp_path / "bad.png"
    path.write_bytes(content)
    result = read_size(path)
    assert isinstance(result, SizeError)
    assert result.kind == kind
    assert result.message


def test_truncated_jpeg_is_an_error(tmp_path: Path) -> None:
    full = write_image(tmp_path / "full.jpg", 500, 400).read_bytes()
    path = tmp_path / "cut.jpg"
    path.write_bytes(full[:20])
    assert isinstance(read_size(path), SizeError)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    missing = read_size(tmp_path / "nope.png")
    assert isinstance(missing, SizeError) and missing.kind == "missing"
    folder = read_size(tmp_path)
    assert isinstance(folder, SizeError) and folder.kind == "folder"


def test_a_web_address_is_never_fetched_and_says_why() -> None:
    web = read_size("https://example.com/photo.png")
    assert isinstance(web, SizeError) and web.kind == "web-address"
    assert "works offline and does not download anything" in web.message


def test_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_image(tmp_path / "locked.png", 10, 10)
    real_open = os.open

    def deny(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    result = read_size(path)
    assert isinstance(result, SizeError) and result.kind == "unreadable"
    assert "permission denied" in result.message


def test_pasted_bytes_are_sized_too() -> None:
    size = read_size_bytes(png_header_only(640, 480))
    assert isinstance(size, ImageSize) and (size.width, size.height) == (640, 480)
    assert isinstance(read_size_bytes(b""), SizeError)


def test_a_header_claiming_an_impossible_size_is_called_damaged_not_quoted(tmp_path: Path) -> None:
    """45 bytes that claim 4294967295 x 4294967295 pixels were once quoted at 368 trillion credits."""
    liar = tmp_path / "liar.png"
    liar.write_bytes(png_header_only(4294967295, 4294967295)[:45])
    result = read_size(liar)
    assert isinstance(result, SizeError) and result.kind == "corrupt"
    assert "1,000,000 on a side" in result.message or "damaged" in result.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_named_like_an_image_is_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "photo.png"
    os.mkfifo(fifo)
    start = time.perf_counter()
    result = read_size(fifo)
    assert isinstance(result, SizeError) and time.perf_counter() - start < 2


@pytest.mark.parametrize(
    ("suffix", "fmt"),
    [
        (".png", "PNG"),
        (".jpg", "JPEG"),
        (".webp", "WebP"),
        (".tif", "TIFF"),
        (".gif", "GIF"),
        (".bmp", "BMP"),
    ],
)
def test_each_size_names_its_format(tmp_path: Path, suffix: str, fmt: str) -> None:
    path = write_image(tmp_path / f"img{suffix}", 32, 12)
    assert read_size(path) == ImageSize(str(path), 32, 12, fmt)


def test_formats_outside_the_list_are_not_read(tmp_path: Path) -> None:
    """Pillow reads many more formats than the README promises (an icon, a PCX); they are not
    quoted as images."""
    for name, fmt in (("icon.ico", "ICO"), ("old.pcx", "PCX")):
        path = write_image(tmp_path / name, 16, 16, fmt)
        result = read_size(path)
        assert isinstance(result, SizeError) and result.kind == "not-an-image", result


def test_every_refusal_names_its_file_kind_and_reason(tmp_path: Path) -> None:
    missing, folder, empty = tmp_path / "nope.png", tmp_path / "shots", tmp_path / "empty.png"
    folder.mkdir()
    empty.write_bytes(b"")
    inside_a_file = tmp_path / "empty.png" / "x.png"
    assert read_size(missing) == SizeError(str(missing), "missing", "file not found")
    assert read_size(folder) == SizeError(str(folder), "folder", "is a folder")
    assert read_size(empty) == SizeError(str(empty), "empty", "empty file (0 bytes)")
    assert read_size(inside_a_file) == SizeError(
        str(inside_a_file), "unreadable", "cannot read: Not a directory"
    )
    assert read_size_bytes(b"", "clip") == SizeError("clip", "empty", "empty image data")
    web = "https://example.com/photo.png"
    assert read_size(web) == SizeError(web, "web-address", f"a web address: {OFFLINE}")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_is_not_an_image(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert read_size(fifo) == SizeError(str(fifo), "not-an-image", "not a regular file")


def test_a_file_that_cannot_be_opened_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_image(tmp_path / "locked.png", 10, 10)
    real_open = os.open

    def deny(file: str, *args: int) -> int:
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args)

    monkeypatch.setattr(os, "open", deny)
    assert read_size(path) == SizeError(str(path), "unreadable", "cannot read: permission denied")


def test_pasted_bytes_are_named_as_pasted_unless_told() -> None:
    assert read_size_bytes(png_header_only(640, 480)) == ImageSize("<pasted>", 640, 480, "PNG")


@pytest.mark.parametrize(
    ("width", "height", "fine"),
    [(1_000_000, 1, True), (1, 1_000_000, True), (1_000_001, 1, False), (1, 1_000_001, False)],
)
def test_a_million_pixels_a_side_is_the_most_a_header_may_claim(width: int, height: int, fine: bool) -> None:
    result = read_size_bytes(png_header_only(width, height), "scan.png")
    if fine:
        assert result == ImageSize("scan.png", width, height, "PNG")
    else:
        assert result == SizeError(
            "scan.png",
            "corrupt",
            f"its PNG header claims {width:,} x {height:,} pixels, more than 1,000,000 on a side: "
            "a damaged header, not a real image",
        )


def test_a_damaged_header_of_a_known_format_says_which(tmp_path: Path) -> None:
    path = tmp_path / "cut.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = read_size(path)
    assert isinstance(result, SizeError) and (result.path, result.kind) == (str(path), "corrupt")
    assert result.message.startswith("corrupt PNG file: ")
    text = tmp_path / "notes.png"
    text.write_bytes(b"hello, this is text\n")
    assert read_size(text) == SizeError(
        str(text), "not-an-image", "not an image (its content is no known format)"
    )


JUNK = bytes(40)
CORRUPT = "corrupt {} file: its header is damaged or cut off"
NOT_AN_IMAGE = "not an image (its content is no known format)"


@pytest.mark.parametrize(
    ("name", "data", "kind", "message"),
    [
        ("a.webp", b"RIFF\x10\x00\x00\x00WEBPVP8 " + JUNK, "corrupt", CORRUPT.format("WebP")),
        ("a.wav", b"RIFF\x10\x00\x00\x00WAVEfmt " + JUNK, "not-an-image", NOT_AN_IMAGE),
        ("a.bin", b"XXXX\x10\x00\x00\x00WEBPVP8 " + JUNK, "not-an-image", NOT_AN_IMAGE),
        (
            "a.avif",
            b"\x00\x00\x00\x18ftypavif\x00\x00\x00\x00mif1avif" + JUNK,
            "corrupt",
            CORRUPT.format("AVIF"),
        ),
        (
            "a.heic",
            b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1avif" + JUNK,
            "corrupt",
            CORRUPT.format("AVIF"),  # an AVIF brand among its brands: read as AVIF
        ),
        ("a.mp4", b"\x00\x00\x00\x18ftypisom\x00\x00\x00\x00isomavc1" + JUNK, "not-an-image", NOT_AN_IMAGE),
        ("a.bin", b"\x00\x00\x00\x18xxxxheic" + JUNK, "not-an-image", NOT_AN_IMAGE),
    ],
)
def test_a_file_that_starts_like_a_known_format_but_fails_is_corrupt(
    name: str, data: bytes, kind: str, message: str
) -> None:
    result = read_size_bytes(data, name)
    assert isinstance(result, SizeError) and (result.path, result.kind) == (name, kind)
    # a damaged file names its format first; what is wrong with it follows
    assert result.message.startswith(message.removesuffix("its header is damaged or cut off"))


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("drawing.SVG", b"junk", "svg"),  # by its name, in any case
        ("x.png", b"  \n<SVG xmlns='http://www.w3.org/2000/svg'>", "svg"),  # by its content, any name
        ("doc.bin", b"%PDF-1.7" + JUNK, "pdf"),
        ("scan.PDF", b"junk", "pdf"),
        ("x.bin", b"8BPS" + JUNK, "psd"),
        ("a.PSB", b"junk", "psd"),
        ("IMG.CR2", b"junk", "raw"),
        ("a.txt", b"junk", None),
    ],
)
def test_a_drawing_document_or_raw_file_says_what_it_is_and_what_to_do(
    name: str, data: bytes, kind: str | None
) -> None:
    expected = (
        SizeError(name, "not-an-image", NOT_AN_IMAGE)
        if kind is None
        else SizeError(name, kind, OTHER_KINDS[kind])
    )
    assert read_size_bytes(data, name) == expected
