"""The find box drives the model list: arrows and Page Up/Down move in what was found, Enter
picks, and the text typed stays where it was."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QTableView, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from imagine_calc.gui.generate.find_box import FindBox
from imagine_calc.gui.main_window import MainWindow

Key = Qt.Key


class FindAndList(QWidget):
    """A find box over a list of 40 names, half of them "flux", as the Generate tab has."""

    def __init__(self) -> None:
        super().__init__()
        names = QStandardItemModel()
        for i in range(40):
            names.appendRow(QStandardItem(f"{'flux' if i % 2 else 'nano'} {i:02}"))
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(names)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.box = QLineEdit()
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.view)
        self.find = FindBox(self.box, self.view, self.proxy)
        self.resize(300, 300)  # a page of the list is a few rows, not all 20

    def current(self) -> str:
        return str(self.view.currentIndex().data())

    def selected(self) -> list[str]:
        return [str(i.data()) for i in self.view.selectionModel().selectedRows()]


def shown(qtbot: QtBot) -> FindAndList:
    widget = FindAndList()
    qtbot.addWidget(widget)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    widget.box.setFocus()
    return widget


def test_arrows_and_pages_typed_in_the_box_move_in_what_it_found(qtbot: QtBot) -> None:
    w = shown(qtbot)
    qtbot.keyClicks(w.box, "flux")
    assert w.proxy.rowCount() == 20 and not w.view.currentIndex().isValid()

    qtbot.keyClick(w.box, Key.Key_Down)
    assert w.current() == "flux 01" and w.selected() == ["flux 01"]
    qtbot.keyClick(w.box, Key.Key_Down)
    assert w.current() == "flux 03"
    qtbot.keyClick(w.box, Key.Key_Up)
    assert w.current() == "flux 01"
    qtbot.keyClick(w.box, Key.Key_PageDown)
    after_page = w.view.currentIndex().row()
    assert after_page > 2  # a page, not a row
    qtbot.keyClick(w.box, Key.Key_PageUp)
    assert w.current() == "flux 01"
    # The box kept the focus and its text, and no key typed into it.
    assert w.box.hasFocus() and w.box.text() == "flux"


def test_enter_picks_the_first_found_when_the_filter_hid_the_highlighted_row(qtbot: QtBot) -> None:
    w = shown(qtbot)
    w.view.setCurrentIndex(w.proxy.index(0, 0))  # "nano 00", which "flux" hides
    qtbot.keyClicks(w.box, "flux")
    assert not w.view.currentIndex().isValid()

    qtbot.keyClick(w.box, Key.Key_Return)
    assert w.current() == "flux 01" and w.selected() == ["flux 01"]
    qtbot.keyClick(w.box, Key.Key_Down)
    qtbot.keyClick(w.box, Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)  # keeps the highlighted
    assert w.current() == "flux 03"


def test_typing_moves_no_highlight_and_the_highlight_comes_back_with_its_row(qtbot: QtBot) -> None:
    w = shown(qtbot)
    w.view.setCurrentIndex(w.proxy.index(2, 0))  # "nano 02"
    qtbot.keyClicks(w.box, "flux")
    # Qt put the highlight on a neighbour when "f" hid "nano 02"; nothing is highlighted now
    assert not w.view.currentIndex().isValid() and w.selected() == []

    qtbot.keyClick(w.box, Key.Key_Backspace)  # "flu" still hides it
    assert not w.view.currentIndex().isValid()
    w.box.clear()
    assert w.current() == "nano 02" and w.selected() == ["nano 02"]


def test_keys_with_a_modifier_stay_the_boxs(qtbot: QtBot) -> None:
    w = shown(qtbot)
    qtbot.keyClicks(w.box, "flux")
    qtbot.keyClick(w.box, Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(w.box, Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not w.view.currentIndex().isValid()


def test_after_ctrl_f_and_flux_down_and_enter_choose_a_flux_model(qtbot: QtBot, window: MainWindow) -> None:
    tab = window.generate
    qtbot.keyClick(window, Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is tab.filter
    qtbot.keyClicks(tab.filter, "flux")
    QApplication.processEvents()  # the list picks a highlighted row a moment later (queued)
    assert tab.session.request.model_id == "nano-banana-2"  # typing picked nothing ("f" picked Recraft v4)

    qtbot.keyClick(tab.filter, Key.Key_Down)
    qtbot.waitUntil(lambda: tab.session.request.model_id == "flux-1-1-ultra")  # the first by name
    qtbot.keyClick(tab.filter, Key.Key_Down)
    qtbot.waitUntil(lambda: tab.session.request.model_id == "flux-2-max")
    qtbot.keyClick(tab.filter, Key.Key_Return)
    assert tab.session.request.model_id == "flux-2-max" and tab.filter.hasFocus()

    tab.filter.setText("flux dev")  # hides Flux 2 Max: Enter picks what is found
    qtbot.keyClick(tab.filter, Key.Key_Return)
    qtbot.waitUntil(lambda: tab.session.request.model_id == "flux-dev")
