#ifndef GRAPPE_TERMINAL_RESTORE_H
#define GRAPPE_TERMINAL_RESTORE_H

/// Saves the terminal's modes and installs handlers for SIGTERM, SIGHUP, SIGINT, SIGQUIT and the
/// fatal signals, plus an atexit hook; call before initscr.
void grappe_prepare_terminal(void);

/// Ends curses, turns mouse reporting off, shows the cursor and puts the saved modes back. Safe to
/// call more than once.
void grappe_restore_terminal(void);

#endif
