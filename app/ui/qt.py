"""The one module through which Custos imports Qt.

Every other module of app.ui imports Qt names from here, never from PySide6
directly (a test enforces it), so a Qt upgrade or a binding change touches
one file. Names are listed explicitly rather than star-imported, so a reader
can see where each comes from.
"""
from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets  # noqa: F401
from PySide6.QtCore import (  # noqa: F401
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QItemSelectionModel,
    QLibraryInfo,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    QSettings,
    QSize,
    QSortFilterProxyModel,
    QThread,
    QThreadPool,
    QTimer,
    QTranslator,
    Qt,
    QT_TRANSLATE_NOOP,
    Signal,
    Slot,
)
from PySide6.QtGui import (  # noqa: F401
    QAction,
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QPalette,
    QPixmap,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (  # noqa: F401
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStatusBar,
    QStyleFactory,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)


def is_alive(obj) -> bool:
    """Whether the C++ side of a Qt object still exists (not yet deleted)."""
    import shiboken6

    return shiboken6.isValid(obj)


def model_tester_class():
    """QAbstractItemModelTester, imported on demand (tests and debug builds only)."""
    from PySide6.QtTest import QAbstractItemModelTester

    return QAbstractItemModelTester
