"""A person's photo: choose the picture taken at reception (JPEG or PNG), see
it, save it. The newest photo is the one the profile shows.

Keyboard: type or paste the file's path (Alt+F), or Alt+B to browse; the
preview follows the path; Ctrl+Enter saves. The file is read and stored on
the replica worker; app.domain.photos checks its type and size.
"""
from __future__ import annotations

import os
from pathlib import Path

from app.core.errors import ValidationError
from app.domain import photos
from app.ui.qt import (
    QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit,
    QPixmap, QPushButton, Qt, QVBoxLayout, Signal,
)
from app.ui.workflows import common

EXTENSIONS = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}


def read_photo_file(path: str) -> tuple[bytes, str]:
    """(bytes, mime type) of a .jpg/.png file, refusing one too big to keep (on the worker)."""
    if not path.strip():
        raise ValidationError("image", "choose the photo's file")
    file = Path(path.strip()).expanduser()
    mime = EXTENSIONS.get(file.suffix.lower())
    if mime is None:
        raise ValidationError("image", "must be a .jpg or .png file")
    try:
        size = os.path.getsize(file)
        if size > photos.MAX_BYTES:  # refuse before reading a huge file into memory
            raise ValidationError("image", f"is {size:,} bytes; at most "
                                           f"{photos.MAX_BYTES:,} are allowed")
        return file.read_bytes(), mime
    except OSError as exc:
        raise ValidationError("image", f"cannot be read: {exc.strerror or exc}") from exc


def save_photo_file(replica, actor, person_id: str, path: str):
    """Read the image file and add it as the person's photo (on the worker)."""
    data, mime = read_photo_file(path)
    return common.act(replica, actor, photos.add_photo, person_id=person_id, image=data,
                      mime_type=mime)


class PhotoDialog(QDialog):
    saved = Signal(str)

    def __init__(self, window, person_id: str):
        super().__init__(window)
        self.setObjectName("photoDialog")
        self.setWindowTitle(self.tr("Add a photo"))
        self.window_, self.person_id = window, person_id
        self.who = QLabel()
        self.path = QLineEdit()
        self.path.setObjectName("photoPath")
        self.path.setAccessibleName(self.tr("Photo file"))
        self.path.setPlaceholderText(self.tr("A .jpg or .png file"))
        self.path.textChanged.connect(self._preview)
        self.browse = QPushButton(self.tr("&Browse…"))
        self.browse.setObjectName("photoBrowse")
        self.browse.clicked.connect(self._browse)
        self.preview = QLabel(self.tr("No photo chosen"))
        self.preview.setObjectName("photoPreview")
        self.preview.setAccessibleName(self.tr("Preview"))
        self.preview.setFixedSize(192, 240)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error = common.error_label()
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        label = QLabel(self.tr("&File:"))
        label.setBuddy(self.path)
        form = QFormLayout()
        form.addRow(label, row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        common.save_shortcut(self, self.save)
        box = QVBoxLayout(self)
        box.addWidget(self.who)
        box.addLayout(form)
        box.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self.setMinimumWidth(460)
        window.runner.run(common.person_name, window.replica, person_id, owner=self).success(
            lambda name: self.who.setText(self.tr("Photo of %1").replace("%1", name)))

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the photo"), "",
                                                self.tr("Photos (*.jpg *.jpeg *.png)"))
        if chosen:
            self.path.setText(chosen)

    def _preview(self, text: str) -> None:
        pix = QPixmap(text.strip()) if text.strip() else QPixmap()
        if pix.isNull():
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No photo chosen") if not text.strip()
                                 else self.tr("Not a picture this program can show"))
        else:
            self.preview.setPixmap(pix.scaled(self.preview.size(),
                                              Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))

    def save(self):
        w = self.window_
        self.error.clear()
        self.buttons.setEnabled(False)
        op = w.runner.run(save_photo_file, w.replica, w.actor, self.person_id, self.path.text(),
                          owner=self)

        def done(_row):
            self.buttons.setEnabled(True)
            self.saved.emit(self.person_id)
            self.accept()

        def refused(error):
            self.buttons.setEnabled(True)
            common.show_refusal(self.error, error)
        self.save_op = op.success(done).failure(refused)
        return op


def start(window, person_id: str | None):
    return common.open_for_person(window, person_id, PhotoDialog)
