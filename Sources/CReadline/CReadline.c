// GNU readline for the chat: line editing, completion, history, and the terminal and signal
// handling around it. Swift 6 cannot touch readline's mutable globals directly, and C callbacks
// cannot capture context, so everything the chat needs is a function here; the state lives in
// this one file.
#include "CReadline.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <readline/history.h>

/// Readline must not install its own signal handlers: Ctrl-C clears the line instead of
/// killing us, and window resizes are handled by the main loop. Prompts go to stderr.
void cr_configure(const char *name) {
    rl_readline_name = name;
    rl_catch_signals = 0;
    rl_catch_sigwinch = 0;
    rl_outstream = stderr;
}

void cr_set_completer(rl_completion_func_t *completer) {
    rl_attempted_completion_function = completer;
}

/// Within a completer: do not fall back to completing file names.
void cr_no_filename_completion(void) { rl_attempted_completion_over = 1; }

char **cr_completion_matches(const char *text, rl_compentry_func_t *generator) {
    return rl_completion_matches(text, generator);
}


// Readline puts the terminal back in cooked mode between lines; a Ctrl-D typed while a reply
// is printed is then lost by the line discipline. Keeping the terminal prepared for the whole
// chat avoids that; it is restored once, when the chat ends.
static void cr_keep_prepared(int meta) { (void)meta; }
static void cr_keep_prepared_deprep(void) {}

// The terminal's modes before the chat touched them, restored on every way out: a normal end,
// exit(), a signal that ends the chat, a stop (Ctrl-Z), and a crash.
static struct termios cr_saved_termios;
static volatile sig_atomic_t cr_termios_saved = 0;
static volatile sig_atomic_t cr_terminal_held = 0;

/// Async-signal-safe: puts the saved modes back and turns bracketed paste off.
static void cr_restore_saved_terminal(void) {
    if (!cr_termios_saved || !cr_terminal_held) return;
    tcsetattr(0, TCSADRAIN, &cr_saved_termios);
    static const char paste_off[] = "\033[?2004l";
    ssize_t ignored = write(2, paste_off, sizeof paste_off - 1);
    (void)ignored;
    cr_terminal_held = 0;
}

static void cr_restore_at_exit(void) { cr_restore_saved_terminal(); }

void cr_hold_terminal(void) {
    if (!cr_termios_saved && tcgetattr(0, &cr_saved_termios) == 0) {
        cr_termios_saved = 1;
        atexit(cr_restore_at_exit);
    }
    rl_prep_terminal(1);
    rl_prep_term_function = cr_keep_prepared;
    rl_deprep_term_function = cr_keep_prepared_deprep;
    cr_terminal_held = 1;
}

void cr_release_terminal(void) {
    rl_prep_term_function = rl_prep_terminal;
    rl_deprep_term_function = rl_deprep_terminal;
    rl_deprep_terminal();
    cr_restore_saved_terminal();
}

/// Whether someone (a shell, after a stop) put the terminal back in cooked mode under us.
int cr_terminal_was_reset(void) {
    struct termios now;
    if (tcgetattr(0, &now) != 0) return 0;
    return (now.c_lflag & (ICANON | ECHO)) != 0;
}

/// Redraws the prompt and the line being edited, after a stop or a reply.
void cr_redraw(void) {
    rl_on_new_line();
    rl_forced_update_display();
}

// Crashes: restore the terminal, then let the previous handler (the Swift runtime's) have it.
static struct sigaction cr_previous_fatal[32];

static void cr_on_fatal_signal(int signal_number) {
    cr_restore_saved_terminal();
    sigaction(signal_number, &cr_previous_fatal[signal_number], NULL);
    raise(signal_number);
}

void cr_install_fatal_handlers(void) {
    int fatal[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP};
    for (unsigned i = 0; i < sizeof fatal / sizeof fatal[0]; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = cr_on_fatal_signal;
        sigemptyset(&action.sa_mask);
        sigaction(fatal[i], &action, &cr_previous_fatal[fatal[i]]);
    }
}

/// Stops the program the way Ctrl-Z does (the caller restored the terminal first).
void cr_stop_self(void) {
    struct sigaction action, previous;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTSTP, &action, &previous);
    raise(SIGTSTP);
    sigaction(SIGTSTP, &previous, NULL);
}

/// Ends the program the way the signal would have (status and all), with the default action.
void cr_die_of(int signal_number) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    sigaction(signal_number, &action, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, signal_number);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(signal_number);
}

// Callback (alternate) interface, so the main loop can also watch for signals.
void cr_install(const char *prompt, rl_vcpfunc_t *handler) { rl_callback_handler_install(prompt, handler); }
void cr_remove(void) { rl_callback_handler_remove(); }
void cr_read_char(void) { rl_callback_read_char(); }

/// How many characters are on the line being edited.
int cr_line_length(void) { return rl_end; }

/// Prints text above the prompt while a line is being edited, then redraws the prompt.
void cr_print_above(const char *text) {
    int saved_point = rl_point;
    char *saved_line = rl_copy_text(0, rl_end);
    rl_save_prompt();
    rl_replace_line("", 0);
    rl_redisplay();
    fputs(text, stdout);
    fflush(stdout);
    rl_restore_prompt();
    rl_replace_line(saved_line, 0);
    rl_point = saved_point;
    rl_forced_update_display();
    free(saved_line);
}

/// Ctrl-C: drop what was typed, show "^C" and a fresh prompt.
void cr_cancel_line(void) {
    rl_free_line_state();
    rl_callback_sigcleanup();
    rl_replace_line("", 0);
    rl_point = 0;
    rl_end = 0;
    rl_mark = 0;
    fputs("^C\n", rl_outstream);
    rl_on_new_line();
    rl_redisplay();
}

void cr_resize(void) { rl_resize_terminal(); }

int cr_screen_width(void) {
    int rows = 0, columns = 0;
    rl_get_screen_size(&rows, &columns);
    return columns;
}

// History.
void cr_stifle_history(int max) { stifle_history(max); }
void cr_add_history(const char *line) { add_history(line); }
int cr_read_history(const char *path) { return read_history(path); }
/// Appends the last `count` lines of the list to the file; 0 or an errno value.
int cr_append_history(int count, const char *path) { return append_history(count, path); }
/// Cuts the file to its last `lines` lines; 0 or an errno value.
int cr_truncate_history_file(const char *path, int lines) { return history_truncate_file(path, lines); }
void cr_clear_history(void) { clear_history(); }

// Signals: a self-pipe, so SIGINT and SIGWINCH wake the main loop's poll() safely.
static int cr_signal_pipe[2] = {-1, -1};

static void cr_on_signal(int signal_number) {
    unsigned char byte = (unsigned char)signal_number;
    ssize_t ignored = write(cr_signal_pipe[1], &byte, 1);
    (void)ignored;
}

/// Installs handlers for SIGINT, SIGWINCH and the signals that stop or end the chat (SIGTERM,
/// SIGHUP, SIGQUIT, SIGTSTP, SIGCONT), so the main loop restores the terminal first; returns
/// the pipe's read end, or -1.
int cr_install_signal_pipe(void) {
    if (cr_signal_pipe[0] < 0) {
        if (pipe(cr_signal_pipe) != 0) return -1;
        for (int i = 0; i < 2; i++) {
            fcntl(cr_signal_pipe[i], F_SETFL, fcntl(cr_signal_pipe[i], F_GETFL) | O_NONBLOCK);
            fcntl(cr_signal_pipe[i], F_SETFD, FD_CLOEXEC);
        }
    }
    int handled[] = {SIGINT, SIGWINCH, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT};
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = cr_on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    // A parent may have left them blocked; a blocked Ctrl-C would never arrive.
    sigset_t wanted;
    sigemptyset(&wanted);
    for (unsigned i = 0; i < sizeof handled / sizeof handled[0]; i++) {
        sigaction(handled[i], &action, NULL);
        sigaddset(&wanted, handled[i]);
    }
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);
    return cr_signal_pipe[0];
}

