import Dispatch

/// Tells a running statement to stop: the user pressed Ctrl-C, or its time
/// limit passed. The evaluator polls it in every loop that grows with the
/// corpus, and the session turns a stop into a clear error, never a partial
/// answer.
final class StopSignal: @unchecked Sendable {
    let isCancelled: (@Sendable () -> Bool)?
    private let deadline: UInt64?
    private let limitMilliseconds: Int?
    private var polls: UInt32 = 0
    /// Why the statement stopped, once it has.
    private(set) var reason: String?

    init(isCancelled: (@Sendable () -> Bool)? = nil, timeoutMilliseconds: Int? = nil) {
        self.isCancelled = isCancelled
        limitMilliseconds = timeoutMilliseconds
        // Capped at 2^40 ms (35 years), so that nanoseconds cannot overflow.
        deadline = timeoutMilliseconds.map { DispatchTime.now().uptimeNanoseconds + UInt64(min(max(0, $0), 1 << 40)) * 1_000_000 }
    }

    /// Never stops.
    static let never = StopSignal()

    /// Whether to stop now. Cheap: the clock and the callback are read once
    /// every 256 polls.
    @inline(__always)
    func shouldStop() -> Bool {
        if reason != nil { return true }
        polls &+= 1
        if polls & 255 != 0 { return false }
        return check()
    }

    private func check() -> Bool {
        if let isCancelled, isCancelled() {
            reason = "statement cancelled"
        } else if let deadline, DispatchTime.now().uptimeNanoseconds > deadline {
            reason = "statement stopped after its time limit of \(limitMilliseconds ?? 0) ms (.timeout or --timeout sets it)"
        }
        return reason != nil
    }
}
