#ifndef GRAPPE_TERMINAL_RESTORE_H
#define GRAPPE_TERMINAL_RESTORE_H

#include <stddef.h>

/// Saves the terminal's modes and installs handlers for SIGTERM, SIGHUP, SIGINT, SIGQUIT and the
/// fatal signals, plus an atexit hook; call before initscr.
void grappe_prepare_terminal(void);

/// Ends curses, turns mouse reporting off, shows the cursor and puts the saved modes back. Safe to
/// call more than once.
void grappe_restore_terminal(void);

/// Installs a SIGWINCH handler (without SA_RESTART, so a waiting read returns at once).
void grappe_watch_resize(void);

/// 1 when the window changed size since the last call, with its new size; 0 otherwise.
int grappe_take_resize(int *rows, int *columns);

/// Waits up to `milliseconds` for input: 1 when there is some, 0 on timeout or a signal, -1 when the
/// terminal is gone (hang-up), so the caller can leave instead of spinning.
int grappe_wait_for_input(int milliseconds);

/// Turns bracketed paste on (1) or off (0): pasted text then arrives between ESC [200~ and ESC [201~.
void grappe_bracketed_paste(int on);
/// Whether the terminal's terminfo entry declares `Ms`, the clipboard sequence (OSC 52).
int grappe_terminal_has_clipboard(void);
/// Writes every byte to standard output (0), or -1.
int grappe_write_all(const char *bytes, size_t count);

/// Ctrl-Z: restores the terminal, stops the process as a shell's job, and when it is continued puts
/// curses' modes back (the caller redraws). 0 when the terminal was not active.
int grappe_suspend(void);

#endif
