// ncursesw for Swift: the wide-character API needs NCURSES_WIDECHAR before curses.h, and the macros
// Swift cannot import (attribute masks, KEY_F, stdscr and other globals) are wrapped in small inline functions.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <termios.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline attr_t grappe_a_bold(void) { return A_BOLD; }
static inline attr_t grappe_a_reverse(void) { return A_REVERSE; }
static inline attr_t grappe_a_underline(void) { return A_UNDERLINE; }
static inline attr_t grappe_a_dim(void) { return A_DIM; }
static inline WINDOW *grappe_stdscr(void) { return stdscr; }
static inline int grappe_lines(void) { return LINES; }
static inline int grappe_cols(void) { return COLS; }
static inline int grappe_colors(void) { return COLORS; }
static inline mmask_t grappe_mouse_mask(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED; }
static inline mmask_t grappe_button1(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED; }
static inline mmask_t grappe_wheel_up(void) { return BUTTON4_PRESSED; }
static inline mmask_t grappe_wheel_down(void) { return BUTTON5_PRESSED; }
static inline int grappe_key_f(int n) { return KEY_F(n); }
/// Whether the terminfo entry's mouse reports are SGR (1006) already (kmous is ESC [ <): curses
/// then reads them itself.
static inline int grappe_mouse_is_sgr(void) {
    const char *kmous = tigetstr("kmous");
    return kmous != NULL && kmous != (char *)-1 && kmous[0] == 27 && kmous[1] == '[' && kmous[2] == '<';
}
/// Where ncurses believes the terminal's cursor is (curscr's cursor), after a refresh.
static inline int grappe_cursor_y(void) { return getcury(curscr); }
static inline int grappe_cursor_x(void) { return getcurx(curscr); }

/// Draws one cell: a character (with combining marks) and attributes, through the wide API.
static inline int grappe_put_cell(int y, int x, const wchar_t *text, attr_t attributes, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attributes, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cell);
}
