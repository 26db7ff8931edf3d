// Month and weekday names for the date finder, Indonesian and English.

enum DateWords {
    /// Month names and abbreviations, lower-case, with their month number.
    /// "Mei", "Agu"/"Agt"/"Ags" and "Okt"/"Des" are Indonesian; both
    /// languages share "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Sep", "Nov".
    static let months: [UInt64: Int] = {
        var m: [UInt64: Int] = [:]
        let table: [(Int, [String])] = [
            (1, ["januari", "january", "jan"]),
            (2, ["februari", "pebruari", "february", "feb", "peb"]),
            (3, ["maret", "march", "mar"]),
            (4, ["april", "apr"]),
            (5, ["mei", "may"]),
            (6, ["juni", "june", "jun"]),
            (7, ["juli", "july", "jul"]),
            (8, ["agustus", "august", "agu", "agt", "ags", "aug"]),
            (9, ["september", "sep", "sept"]),
            (10, ["oktober", "october", "okt", "oct"]),
            (11, ["november", "nopember", "nov", "nop"]),
            (12, ["desember", "december", "des", "dec"]),
        ]
        for (n, names) in table { for name in names { m[packLetters(name)] = n } }
        return m
    }()

    /// Weekday names, lower-case, with the ISO weekday (1 = Monday).
    /// "Minggu" also means "week", which is why a weekday only ever vetoes a
    /// date written right beside it and never makes one.
    static let weekdays: [UInt64: Int] = {
        var w: [UInt64: Int] = [:]
        let table: [(Int, [String])] = [
            (1, ["senin", "monday", "mon"]),
            (2, ["selasa", "tuesday", "tue", "tues"]),
            (3, ["rabu", "wednesday", "wed"]),
            (4, ["kamis", "thursday", "thu", "thurs"]),
            (5, ["jumat", "friday", "fri"]),  // "Jum'at" packs as "jumat"
            (6, ["sabtu", "saturday", "sat"]),
            (7, ["minggu", "ahad", "sunday", "sun"]),
        ]
        for (n, names) in table { for name in names { w[packLetters(name)] = n } }
        return w
    }()

    /// The longest month or weekday name, in bytes: words longer than this
    /// are not looked up.
    static let longestName = 10

    /// Looks up the word `s[lo..<hi]` in `table`, ignoring case.
    static func lookup(_ table: [UInt64: Int], _ s: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int? {
        guard hi > lo, hi - lo <= longestName + 2, let key = packLetters(s, lo, hi) else { return nil }
        return table[key]
    }
}
