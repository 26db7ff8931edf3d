import Warta

/// What a `warta` invocation asks for, as `Runner` reads it: the options of
/// `WartaCommand`, or of the quick reading of a common command line.
struct Options {
    var corpus: String?
    var statements: [String] = []
    var format: OutputFormat?
    var chart: Bool?
    var entities: String?
    var timeout: Int?
    var maxRows: Int?
    var keepGoing = false
    var noHistory = false
    var noCache = false
    var safe = false
    var parameters: [String] = []
    var script: String?

    /// The options of the most common command lines (`-c STATEMENT`,
    /// `--corpus PATH`, `--format NAME`, the flags, a script), read without
    /// ArgumentParser, whose reflection over `WartaCommand` is a good part of
    /// warta's start-up; nil for anything else (help, a bad value, `--opt=value`,
    /// a value that starts with `-`, an option given twice…), which
    /// ArgumentParser then reads and reports on as always.
    static func quick(_ arguments: [String]) -> Options? {
        var options = Options()
        var seen: [String] = []  // (an array: a Set's first use costs more than this whole function)
        var i = 0
        func value() -> String? {
            i += 1
            guard i < arguments.count, !arguments[i].hasPrefix("-") else { return nil }
            return arguments[i]
        }
        while i < arguments.count {
            let a = arguments[i]
            // An option given twice is left to ArgumentParser (-c is meant to repeat).
            let option = a == "--no-chart" ? "--chart" : a
            if a != "-c" && seen.contains(option) { return nil }
            seen.append(option)
            switch a {
            case "-c":
                guard let v = value() else { return nil }
                options.statements.append(v)
            case "--corpus":
                guard let v = value() else { return nil }
                options.corpus = v
            case "--format":
                guard let v = value(), let f = OutputFormat(rawValue: v) else { return nil }
                options.format = f
            case "--chart": options.chart = true
            case "--no-chart": options.chart = false
            case "--keep-going": options.keepGoing = true
            case "--no-history": options.noHistory = true
            case "--no-cache": options.noCache = true
            case "--safe": options.safe = true
            default:
                // The script: any other word that is not an option (nor "help").
                guard !a.hasPrefix("-"), a != "help", options.script == nil else { return nil }
                options.script = a
            }
            i += 1
        }
        return options
    }
}
