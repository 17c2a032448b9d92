// Batches (`ask` and the scripted chat): SIGINT and SIGTERM only ask the loop to stop after the
// reply being written, so the output never ends in the middle of a line.
#include "CStopSignals.h"

#include <signal.h>
#include <string.h>

static volatile sig_atomic_t stop_signal_number = 0;

static void on_stop_signal(int signal_number) { stop_signal_number = signal_number; }

void stop_signals_install(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    // No SA_RESTART: a blocking read returns EINTR, so the loop notices at once.
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    // A parent may have left them blocked (test runners do); then they would never arrive.
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGINT);
    sigaddset(&wanted, SIGTERM);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);
}

int stop_signal_received(void) { return stop_signal_number; }
