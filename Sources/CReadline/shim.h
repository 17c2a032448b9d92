// A thin C layer over GNU readline. Swift 6 cannot touch readline's mutable globals directly,
// and C callbacks cannot capture context, so everything Swift needs is a function here.
#ifndef ALIPAY_HELP_CREADLINE_SHIM_H
#define ALIPAY_HELP_CREADLINE_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <fcntl.h>
#include <unistd.h>
#include <readline/readline.h>
#include <readline/history.h>

/// Readline must not install its own signal handlers: Ctrl-C clears the line instead of
/// killing us, and window resizes are handled by the main loop. Prompts go to stderr.
static inline void cr_configure(const char *name) {
    rl_readline_name = name;
    rl_catch_signals = 0;
    rl_catch_sigwinch = 0;
    rl_outstream = stderr;
}

static inline void cr_set_completer(rl_completion_func_t *completer) {
    rl_attempted_completion_function = completer;
}

/// Within a completer: do not fall back to completing file names.
static inline void cr_no_filename_completion(void) { rl_attempted_completion_over = 1; }

static inline char **cr_completion_matches(const char *text, rl_compentry_func_t *generator) {
    return rl_completion_matches(text, generator);
}

/// The whole line typed so far, for completing according to the first word.
static inline const char *cr_line_buffer(void) { return rl_line_buffer; }

// Readline puts the terminal back in cooked mode between lines; a Ctrl-D typed while a reply
// is printed is then lost by the line discipline. Keeping the terminal prepared for the whole
// chat avoids that; it is restored once, when the chat ends.
static void cr_keep_prepared(int meta) { (void)meta; }
static void cr_keep_prepared_deprep(void) {}

static inline void cr_hold_terminal(void) {
    rl_prep_terminal(1);
    rl_prep_term_function = cr_keep_prepared;
    rl_deprep_term_function = cr_keep_prepared_deprep;
}

static inline void cr_release_terminal(void) {
    rl_prep_term_function = rl_prep_terminal;
    rl_deprep_term_function = rl_deprep_terminal;
    rl_deprep_terminal();
}

// Callback (alternate) interface, so the main loop can also watch for signals.
static inline void cr_install(const char *prompt, rl_vcpfunc_t *handler) { rl_callback_handler_install(prompt, handler); }
static inline void cr_remove(void) { rl_callback_handler_remove(); }
static inline void cr_read_char(void) { rl_callback_read_char(); }

/// How many characters are on the line being edited.
static inline int cr_line_length(void) { return rl_end; }

/// Prints text above the prompt while a line is being edited, then redraws the prompt.
static inline void cr_print_above(const char *text) {
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
static inline void cr_cancel_line(void) {
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

static inline void cr_resize(void) { rl_resize_terminal(); }

static inline int cr_screen_width(void) {
    int rows = 0, columns = 0;
    rl_get_screen_size(&rows, &columns);
    return columns;
}

// History.
static inline void cr_stifle_history(int max) { stifle_history(max); }
static inline void cr_add_history(const char *line) { add_history(line); }
static inline int cr_read_history(const char *path) { return read_history(path); }
static inline int cr_write_history(const char *path) { return write_history(path); }
static inline void cr_clear_history(void) { clear_history(); }
static inline int cr_history_length(void) { return history_length; }

// Signals: a self-pipe, so SIGINT and SIGWINCH wake the main loop's poll() safely.
static int cr_signal_pipe[2] = {-1, -1};

static inline void cr_on_signal(int signal_number) {
    unsigned char byte = (unsigned char)signal_number;
    ssize_t ignored = write(cr_signal_pipe[1], &byte, 1);
    (void)ignored;
}

/// Installs handlers for SIGINT and SIGWINCH; returns the pipe's read end, or -1.
static inline int cr_install_signal_pipe(void) {
    if (cr_signal_pipe[0] < 0) {
        if (pipe(cr_signal_pipe) != 0) return -1;
        for (int i = 0; i < 2; i++) {
            fcntl(cr_signal_pipe[i], F_SETFL, fcntl(cr_signal_pipe[i], F_GETFL) | O_NONBLOCK);
            fcntl(cr_signal_pipe[i], F_SETFD, FD_CLOEXEC);
        }
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = cr_on_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGWINCH, &action, NULL);
    // A parent may have left them blocked; a blocked Ctrl-C would never arrive.
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGINT);
    sigaddset(&wanted, SIGWINCH);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);
    return cr_signal_pipe[0];
}

// Batches (`ask` and the scripted chat): SIGINT and SIGTERM only ask the loop to stop after the
// reply being written, so the output never ends in the middle of a line.
static volatile sig_atomic_t cr_stop_signal_number = 0;

static void cr_on_stop_signal(int signal_number) { cr_stop_signal_number = signal_number; }

static inline void cr_install_stop_signals(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = cr_on_stop_signal;
    sigemptyset(&action.sa_mask);
    // No SA_RESTART: a blocking read returns EINTR, so the loop notices at once.
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
}

static inline int cr_stop_signal(void) { return cr_stop_signal_number; }

#endif
