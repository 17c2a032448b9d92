// Stopping a batch cleanly on SIGINT or SIGTERM (see CStopSignals.c).
#ifndef ALIPAY_HELP_CSTOPSIGNALS_H
#define ALIPAY_HELP_CSTOPSIGNALS_H

/// Catches SIGINT and SIGTERM from now on (unblocking them): each only records that it came.
void stop_signals_install(void);
/// The signal that asked the batch to stop, or 0.
int stop_signal_received(void);

#endif
