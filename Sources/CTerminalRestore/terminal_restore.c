// Restoring the terminal on every exit path, as htop does: the modes from
// before the dashboard started are saved, and signal handlers and an atexit hook put them back.
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <signal.h>
#include <stdlib.h>
#include <termios.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "terminal_restore.h"

static struct termios saved_modes;
static int saved = 0;
static volatile sig_atomic_t active = 0;

void grappe_restore_terminal(void) {
    if (!active) return;
    active = 0;
    endwin();
    // Mouse reporting and bracketed paste off in every mode ncurses may have set, cursor visible,
    // attributes reset.
    static const char reset[] = "\033[?1000l\033[?1002l\033[?1003l\033[?1006l\033[?2004l\033[?25h\033[0m";
    ssize_t ignored = write(STDOUT_FILENO, reset, sizeof reset - 1);
    (void)ignored;
    if (saved) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_modes);
}

static void on_signal(int number) {
    grappe_restore_terminal();
    signal(number, SIG_DFL);
    raise(number);
}

static void at_exit(void) { grappe_restore_terminal(); }

void grappe_prepare_terminal(void) {
    if (tcgetattr(STDIN_FILENO, &saved_modes) == 0) saved = 1;
    active = 1;
    static int registered = 0;
    if (!registered) {
        atexit(at_exit);
        registered = 1;
    }
    int numbers[] = { SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGSEGV, SIGILL, SIGABRT, SIGBUS, SIGFPE, SIGTRAP };
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, SIGWINCH);
    for (unsigned index = 0; index < sizeof numbers / sizeof numbers[0]; index++) {
        struct sigaction action;
        action.sa_handler = on_signal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESETHAND;
        sigaction(numbers[index], &action, NULL);
        sigaddset(&unblock, numbers[index]);
    }
    // A parent may have left these blocked (seen under tmux servers started from scripts): then no
    // handler would ever run, and the terminal would not be restored.
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
}

static volatile sig_atomic_t resized = 0;

static void on_resize(int number) {
    (void)number;
    resized = 1;
}

void grappe_watch_resize(void) {
    struct sigaction action;
    action.sa_handler = on_resize;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGWINCH, &action, NULL);
}

int grappe_take_resize(int *rows, int *columns) {
    if (!resized) return 0;
    resized = 0;
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return 0;
    *rows = size.ws_row;
    *columns = size.ws_col;
    return 1;
}

int grappe_wait_for_input(int milliseconds) {
    struct pollfd input = { .fd = STDIN_FILENO, .events = POLLIN };
    int ready = poll(&input, 1, milliseconds);
    if (ready <= 0) return 0;
    if (input.revents & (POLLHUP | POLLERR | POLLNVAL)) return -1;
    return 1;
}

void grappe_bracketed_paste(int on) {
    static const char enable[] = "\033[?2004h", disable[] = "\033[?2004l";
    ssize_t ignored = on ? write(STDOUT_FILENO, enable, sizeof enable - 1) : write(STDOUT_FILENO, disable, sizeof disable - 1);
    (void)ignored;
}

int grappe_terminal_has_clipboard(void) {
    char *capability = tigetstr("Ms");
    return capability != NULL && capability != (char *)-1;
}

int grappe_write_all(const char *bytes, size_t count) {
    while (count > 0) {
        ssize_t written = write(STDOUT_FILENO, bytes, count);
        if (written <= 0) return -1;
        bytes += written;
        count -= (size_t)written;
    }
    return 0;
}

int grappe_suspend(void) {
    if (!active) return 0;
    grappe_restore_terminal();
    // Stop with the default action (not curses' own handler, which would redo what was just undone);
    // raise returns once a SIGCONT (fg) wakes the process.
    struct sigaction stop, previous;
    stop.sa_handler = SIG_DFL;
    sigemptyset(&stop.sa_mask);
    stop.sa_flags = 0;
    sigaction(SIGTSTP, &stop, &previous);
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
    raise(SIGTSTP);
    sigaction(SIGTSTP, &previous, NULL);
    // Back in the foreground: the shell may have changed the modes; save them again for the next exit.
    if (tcgetattr(STDIN_FILENO, &saved_modes) == 0) saved = 1;
    active = 1;
    reset_prog_mode();
    return 1;
}
