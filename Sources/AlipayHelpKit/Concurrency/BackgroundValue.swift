import Foundation

/// A value computed on a POSIX thread of its own, started when this is made, and the wait for
/// it. A plain thread starts in microseconds, where Foundation's `Thread` took about a
/// millisecond of the starts these overlap (reading a stored or built-in matcher).
public final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let compute: @Sendable () -> Value
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var result: Value?

    public init(_ compute: @escaping @Sendable () -> Value) {
        self.compute = compute
        startThread { [self] in run() }
    }

    private func run() {
        let value = compute()
        lock.lock()
        result = value
        lock.unlock()
        done.signal()
    }

    /// The value, once computed; any number of callers may wait.
    public func wait() -> Value {
        done.wait()
        done.signal()
        lock.lock()
        defer { lock.unlock() }
        return result!
    }
}

/// Runs `job` on a new detached POSIX thread (on the caller's if none can be made).
private func startThread(_ job: @escaping @Sendable () -> Void) {
    final class Job: Sendable {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
    var thread = pthread_t()
    let context = Unmanaged.passRetained(Job(job)).toOpaque()
    guard
        pthread_create(
            &thread, nil,
            { context in
                Unmanaged<Job>.fromOpaque(context!).takeRetainedValue().run()
                return nil
            }, context) == 0
    else {
        Unmanaged<Job>.fromOpaque(context).takeRetainedValue().run()
        return
    }
    pthread_detach(thread)
}
