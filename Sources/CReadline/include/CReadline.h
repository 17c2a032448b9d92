// GNU readline for the chat, as plain functions Swift can call (see CReadline.c).
#ifndef ALIPAY_HELP_CREADLINE_H
#define ALIPAY_HELP_CREADLINE_H

#include <stdio.h>
#include <readline/readline.h>

/// Readline must not install its own signal handlers: Ctrl-C clears the line instead of
/// killing us, and window resizes are handled by the main loop. Prompts go to stderr.
void cr_configure(const char *name);
void cr_set_completer(rl_completion_func_t *completer);
/// Within a completer: do not fall back to completing file names.
void cr_no_filename_completion(void);
char **cr_completion_matches(const char *text, rl_compentry_func_t *generator);
void cr_hold_terminal(void);
void cr_release_terminal(void);
/// Whether someone (a shell, after a stop) put the terminal back in cooked mode under us.
int cr_terminal_was_reset(void);
/// Redraws the prompt and the line being edited, after a stop or a reply.
void cr_redraw(void);
void cr_install_fatal_handlers(void);
/// Stops the program the way Ctrl-Z does (the caller restored the terminal first).
void cr_stop_self(void);
/// Ends the program the way the signal would have (status and all), with the default action.
void cr_die_of(int signal_number);
void cr_install(const char *prompt, rl_vcpfunc_t *handler);
void cr_remove(void);
void cr_read_char(void);
/// How many characters are on the line being edited.
int cr_line_length(void);
/// Prints text above the prompt while a line is being edited, then redraws the prompt.
void cr_print_above(const char *text);
/// Ctrl-C: drop what was typed, show "^C" and a fresh prompt.
void cr_cancel_line(void);
void cr_resize(void);
int cr_screen_width(void);
void cr_stifle_history(int max);
void cr_add_history(const char *line);
int cr_read_history(const char *path);
/// Appends the last `count` lines of the list to the file; 0 or an errno value.
int cr_append_history(int count, const char *path);
/// Cuts the file to its last `lines` lines; 0 or an errno value.
int cr_truncate_history_file(const char *path, int lines);
void cr_clear_history(void);
/// Installs handlers for SIGINT, SIGWINCH and the signals that stop or end the chat (SIGTERM,
/// SIGHUP, SIGQUIT, SIGTSTP, SIGCONT), so the main loop restores the terminal first; returns
/// the pipe's read end, or -1.
int cr_install_signal_pipe(void);

#endif
