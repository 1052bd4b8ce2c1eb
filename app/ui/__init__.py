"""The PySide6 desktop client: the only package that imports Qt.

Layout:
  qt              the one module that imports PySide6 (everything else imports from it)
  tasks           TaskRunner: database, network and model work off the UI thread,
                  `run(fn).success(cb).failure(cb)`, outcomes delivered by queued signals
  app             QApplication set-up (high DPI, Fusion following the colour scheme)
                  and `run_desktop`: sign in, then the main window
  main_window     sidebar of modules by role, pages, menus and shortcuts, idle lock
  modules         the sidebar's modules, declared once, shown by the roles' data classes
  settings        the options, declared once (QSettings INI under the config folder)
  i18n            translations (resources/translations) and locale-aware dates/numbers
  people_model    the lazy people list (ids held, rows fetched in blocks off the UI thread)
  people_page     search as you type, the list, the profile
  profile_view    a person's profile: warnings first, then one tab per section
  sync_indicator  the always-visible sync state and the background sync
  sync_inbox      the rejected-changes inbox and central office's conflict queue
  login, lock     sign-in (online, or offline for known users) and the idle lock
  workflows/      officer workflows: intake, case note, move, roll, register,
                  incident and adjudication, grievance, visit
  assessment/     the assessment workflow (issue 5)
"""
