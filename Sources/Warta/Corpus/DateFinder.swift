/// Finds complete calendar dates in Indonesian and English news text.
///
/// Forms: "19/6/2024", "19-06-2024", "19.06.2024", "2024-06-20",
/// "20 Juni 2024", "20 Jun 2024", "June 20, 2024", each optionally with a
/// weekday before it ("Rabu (19/6/2024)", "Kamis, 20 Juni 2024"). A date is
/// complete — day, month and year — or it is not taken: "Kamis (20/1)",
/// "Februari 2022" and "tahun 2022" name no day of the calendar, and guessing
/// the missing part would invent facts. A weekday beside a date must agree
/// with it, so a typo in the date does not pass unnoticed.
public enum DateFinder {
    /// The article's own date: the first complete date of `text` (the
    /// dateline, when the text has one), or `nil`.
    public static func articleDate(in text: String) -> Day? {
        var found: Day?
        withUTF8Bytes(text) { s in
            scan(s) { day in
                found = day
                return false
            }
        }
        return found
    }

    /// Every complete date in `text`, in order of first appearance, each once.
    public static func allDates(in text: String) -> [Day] {
        var days: [Day] = []
        var seen = Set<Day>()
        withUTF8Bytes(text) { s in
            scan(s) { day in
                if seen.insert(day).inserted { days.append(day) }
                return true
            }
        }
        return days
    }

    /// Calls `found` with each date in order until it returns false.
    static func scan(_ s: UnsafeBufferPointer<UInt8>, _ found: (Day) -> Bool) {
        let n = s.count
        var i = 0
        while i < n {
            let b = s[i]
            if isDigitByte(b) {
                var end = i
                while end < n, isDigitByte(s[end]) { end += 1 }
                // A number glued to letters or continuing a longer number
                // ("COVID19", "1.000.000", "34/PMK.10/2017") starts no date.
                let glued = i > 0 && (isASCIIAlpha(s[i - 1]) ||
                    (isNumberSeparator(s[i - 1]) && i > 1 && isDigitByte(s[i - 2])))
                if !glued, let (day, stop) = numberDate(s, i, end) {
                    if !found(day) { return }
                    i = stop
                    continue
                }
                i = end
                continue
            }
            if b >= 0x41, b <= 0x5A, i == 0 || !isWordByte(s[i - 1]) {
                var end = i
                while end < n, isASCIIAlpha(s[end]) { end += 1 }
                if let (day, stop) = monthFirstDate(s, i, end) {
                    if !found(day) { return }
                    i = stop
                    continue
                }
                i = end
                continue
            }
            // On to the next digit or capital: the bytes between start nothing.
            i = skipUnflagged(s, from: i + 1) { ByteFlags.within($0, 0x30, 0x39) | ByteFlags.within($0, 0x41, 0x5A) }
        }
    }

    @inline(__always) static func isNumberSeparator(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "/") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }

    /// Reads 1...`maxLength` digits at `i`: the value and the index after.
    static func digits(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ minLength: Int, _ maxLength: Int) -> (Int, Int)? {
        var j = i, v = 0
        while j < s.count, isDigitByte(s[j]), j - i < maxLength + 1 {
            v = v * 10 + Int(s[j] - 0x30)
            j += 1
        }
        let len = j - i
        guard len >= minLength, len <= maxLength else { return nil }
        return (v, j)
    }

    /// A four-digit year in the range news is about, not followed by a digit.
    static func year(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Int, Int)? {
        guard let (y, end) = digits(s, i, 4, 4), (1800...2100).contains(y) else { return nil }
        return (y, end)
    }

    /// Dates that start with a number at `i` (its digits end at `end`).
    static func numberDate(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (Day, Int)? {
        let n = s.count
        let length = end - i
        if length == 4 {
            // 2024-06-20 (or 2024/06/20).
            guard end < n, s[end] == UInt8(ascii: "-") || s[end] == UInt8(ascii: "/"),
                  let (y, _) = year(s, i),
                  let (m, e2) = digits(s, end + 1, 1, 2), e2 < n, s[e2] == s[end],
                  let (d, e3) = digits(s, e2 + 1, 1, 2),
                  let day = Day(year: y, month: m, day: d) else { return nil }
            return checked([day], weekday: weekdayBefore(s, i)).map { ($0, e3) }
        }
        guard length <= 2, let (first, _) = digits(s, i, 1, 2), end < n else { return nil }
        let sep = s[end]
        if isNumberSeparator(sep) {
            // 19/6/2024: day first, as Indonesian (and British) news write it.
            guard let (second, e2) = digits(s, end + 1, 1, 2), e2 < n, s[e2] == sep,
                  let (y, e3) = year(s, e2 + 1) else { return nil }
            // "1.2.2019.5" is a version or a number, not a date.
            if e3 + 1 < n, isNumberSeparator(s[e3]), isDigitByte(s[e3 + 1]) { return nil }
            var readings: [Day] = []
            if let dmy = Day(year: y, month: second, day: first) { readings.append(dmy) }
            // The month-first reading only when the weekday asks for it or
            // the day-first one is impossible (6/19/2024).
            if let mdy = Day(year: y, month: first, day: second), first != second { readings.append(mdy) }
            return checked(readings, weekday: weekdayBefore(s, i)).map { ($0, e3) }
        }
        // 20 Juni 2024, 20 Jun. 2024, 20th June 2024, 20-Jun-2024.
        var j = end
        if j + 1 < n, isASCIIAlpha(s[j]), isASCIIAlpha(s[j + 1]) {
            let suffix = String(decoding: [lowerASCII(s[j]), lowerASCII(s[j + 1])], as: UTF8.self)
            if ["st", "nd", "rd", "th"].contains(suffix), j + 2 < n, !isASCIIAlpha(s[j + 2]) { j += 2 }
        }
        let dash = j < n && s[j] == UInt8(ascii: "-")
        if dash { j += 1 } else {
            guard j < n, isSpaceByte(s[j]) else { return nil }
            while j < n, isSpaceByte(s[j]) { j += 1 }
        }
        var wordEnd = j
        while wordEnd < n, isASCIIAlpha(s[wordEnd]) { wordEnd += 1 }
        guard wordEnd > j, wordEnd >= n || !isWordByte(s[wordEnd]),
              let month = DateWords.lookup(DateWords.months, s, j, wordEnd) else { return nil }
        j = wordEnd
        if j < n, s[j] == UInt8(ascii: ".") { j += 1 }
        if dash {
            guard j < n, s[j] == UInt8(ascii: "-") else { return nil }
            j += 1
        } else {
            if j < n, s[j] == UInt8(ascii: ",") { j += 1 }
            guard j < n, isSpaceByte(s[j]) else { return nil }
            while j < n, isSpaceByte(s[j]) { j += 1 }
        }
        guard let (y, e) = year(s, j), let day = Day(year: y, month: month, day: first) else { return nil }
        return checked([day], weekday: weekdayBefore(s, i)).map { ($0, e) }
    }

    /// "June 20, 2024", "Juni 20 2024": a capitalised month name at `i`.
    static func monthFirstDate(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ wordEnd: Int) -> (Day, Int)? {
        let n = s.count
        // Every capitalised word comes here: the name is looked up only once a number follows it
        // (month names have 3 to 9 letters).
        guard (3...9).contains(wordEnd - i), wordEnd >= n || !isWordByte(s[wordEnd]) else { return nil }
        var j = wordEnd
        if j < n, s[j] == UInt8(ascii: ".") { j += 1 }
        guard j < n, isSpaceByte(s[j]) else { return nil }
        while j < n, isSpaceByte(s[j]) { j += 1 }
        guard let (d, e1) = digits(s, j, 1, 2), let month = DateWords.lookup(DateWords.months, s, i, wordEnd) else { return nil }
        j = e1
        if j + 1 < n, isASCIIAlpha(s[j]), isASCIIAlpha(s[j + 1]) { j += 2 }  // 20th
        if j < n, s[j] == UInt8(ascii: ",") { j += 1 }
        guard j < n, isSpaceByte(s[j]) else { return nil }
        while j < n, isSpaceByte(s[j]) { j += 1 }
        guard let (y, e) = year(s, j), let day = Day(year: y, month: month, day: d) else { return nil }
        return checked([day], weekday: weekdayBefore(s, i)).map { ($0, e) }
    }

    /// The first reading that agrees with the weekday named beside the date;
    /// with no weekday, the first reading.
    static func checked(_ readings: [Day], weekday: Int?) -> Day? {
        guard let weekday else { return readings.first }
        return readings.first { $0.weekday == weekday }
    }

    /// The weekday written just before position `i`: "Rabu (", "Kamis, ",
    /// "Thursday, ". Only spaces, "(" and "," may stand between.
    static func weekdayBefore(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        var j = i - 1
        while j >= 0, isSpaceByte(s[j]) || s[j] == UInt8(ascii: "(") || s[j] == UInt8(ascii: ",") { j -= 1 }
        let end = j + 1
        // Letters, and the apostrophe of "Jum'at" / "Jum’at".
        while j >= 0 {
            if isASCIIAlpha(s[j]) || s[j] == UInt8(ascii: "'") { j -= 1; continue }
            if s[j] == 0x99, j >= 2, s[j - 1] == 0x80, s[j - 2] == 0xE2 { j -= 3; continue }
            break
        }
        let start = j + 1
        guard end > start, end - start <= DateWords.longestName else { return nil }
        if start > 0, isWordByte(s[start - 1]) { return nil }
        return DateWords.lookup(DateWords.weekdays, s, start, end)
    }
}
