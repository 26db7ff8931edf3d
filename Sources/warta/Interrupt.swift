import Foundation
import Synchronization

/// Ctrl-C in the interactive shell: it drops the line being typed or
/// stops what is running, and never ends the shell.
///
/// The handler only sets a flag (an atomic store is all a signal handler
/// may safely do); the shell looks at the flag where it can stop: after
/// `readline` returns, between statements, between chunks of output.
enum Interrupt {
    private static let flag = Atomic<Bool>(false)

    /// Installs the handler. Without `SA_RESTART`, so that a blocking
    /// `read` or `waitpid` returns with `EINTR` and the shell can react.
    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in Interrupt.flag.store(true, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A pager that quits early closes the pipe: the write fails, the shell goes on.
        signal(SIGPIPE, SIG_IGN)
    }

    /// Whether Ctrl-C was pressed since the last `clear()`.
    static var isPending: Bool { flag.load(ordering: .relaxed) }

    /// The flag as a callback, for `Session.run(_:range:isCancelled:)`.
    @Sendable static func pending() -> Bool { isPending }

    /// Reads and resets the flag.
    static func take() -> Bool { flag.exchange(false, ordering: .relaxed) }

    static func clear() { flag.store(false, ordering: .relaxed) }
}
