"""The drop target says what a drop would add while it is dragged over, then routes it: files and
folders as paths, image data as an image, web addresses refused in words (the app is offline).

Real QMimeData sent as drag-enter, drag-leave and drop events (a QTest mouse move starts no drag)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDragLeaveEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from imagine_calc.core.text.offline import OFFLINE
from imagine_calc.gui.upscale.drop_area import IDLE_TEXT, DropArea, describe
from tests.gui.shown import visible

BUTTONS = (Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)


def urls(*links: str | Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl(link) if isinstance(link, str) else QUrl.fromLocalFile(str(link)) for link in links])
    return mime


def image_data(width: int, height: int) -> QMimeData:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    mime = QMimeData()
    mime.setImageData(image)
    return mime


@pytest.fixture
def area(qtbot: QtBot) -> DropArea:
    area = DropArea()
    qtbot.addWidget(area)
    area.resize(400, 120)
    return area


def drag_in(area: DropArea, mime: QMimeData) -> bool:
    enter = QDragEnterEvent(QPoint(200, 60), Qt.DropAction.CopyAction, mime, *BUTTONS)
    QApplication.sendEvent(area, enter)
    return enter.isAccepted()


def drop(area: DropArea, mime: QMimeData) -> bool:
    """Dragged in, then let go; whether the drop was taken."""
    drag_in(area, mime)
    event = QDropEvent(QPointF(200, 60), Qt.DropAction.CopyAction, mime, *BUTTONS)
    QApplication.sendEvent(area, event)
    return event.isAccepted()


@pytest.mark.parametrize(
    ("mime", "hint"),
    [
        (urls(Path("/photos/a.png"), Path("/photos/day 2")), "Release to quote 2 items"),
        (urls(Path("/photos/a.png"), "https://example.com/b.png"), "Release to quote 1 item"),
        (urls("https://example.com/b.png"), "Web addresses cannot be quoted: the app is offline"),
        (image_data(10, 10), "Release to quote this image"),
    ],
)
def test_dragging_over_says_what_the_drop_would_add(area: DropArea, mime: QMimeData, hint: str) -> None:
    assert describe(mime) == hint
    assert drag_in(area, mime)
    assert visible(area.label.text()) == hint and area.property("dragActive") is True
    QApplication.sendEvent(area, QDragLeaveEvent())  # dragged away again
    assert area.label.text() == IDLE_TEXT and area.property("dragActive") is False


def test_text_alone_is_not_taken(area: DropArea) -> None:
    mime = QMimeData()
    mime.setText("a note, not a file")
    assert describe(mime) == ""
    assert not drag_in(area, mime)
    assert area.label.text() == IDLE_TEXT


def test_dropped_files_and_folders_arrive_as_their_paths(
    qtbot: QtBot, area: DropArea, tmp_path: Path
) -> None:
    photo, folder = tmp_path / "photo.png", tmp_path / "day 2"
    with qtbot.waitSignal(area.paths_dropped) as dropped:
        assert drop(area, urls(photo, folder))
    assert dropped.args == [[str(photo), str(folder)]]
    assert area.label.text() == IDLE_TEXT  # the hint goes with the drop


def test_files_dropped_with_web_addresses_come_first_then_the_addresses_are_refused(
    area: DropArea, tmp_path: Path
) -> None:
    said: list[object] = []
    area.paths_dropped.connect(lambda paths: said.append(("paths", paths)))
    area.refused.connect(lambda message: said.append(("refused", message)))
    mixed = urls("https://example.com/a.png", tmp_path / "b.png", "ftp://example.com/c.png")
    assert drop(area, mixed)
    # After the files: adding them clears what an earlier drop said, and this must stay said.
    assert said == [
        ("paths", [str(tmp_path / "b.png")]),
        ("refused", f"2 web addresses not quoted: {OFFLINE}"),
    ]


def test_web_addresses_alone_are_refused_and_the_drop_is_not_taken(qtbot: QtBot, area: DropArea) -> None:
    with qtbot.waitSignal(area.refused) as refused:
        assert not drop(area, urls("https://example.com/cat.png"))
    assert refused.args == [f"1 web address not quoted: {OFFLINE}"]


def test_dropped_image_data_arrives_as_the_image(qtbot: QtBot, area: DropArea) -> None:
    with qtbot.waitSignal(area.image_dropped) as dropped:
        assert drop(area, image_data(300, 200))
    image = dropped.args[0]
    assert (image.width(), image.height()) == (300, 200)


def test_an_empty_image_is_not_taken(qtbot: QtBot, area: DropArea) -> None:
    mime = QMimeData()
    mime.setImageData(QImage())
    with qtbot.assertNotEmitted(area.image_dropped):
        assert not area.accept_mime(mime)
