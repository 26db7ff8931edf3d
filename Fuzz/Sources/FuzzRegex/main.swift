import Warta

// libFuzzer target: LinearRegex. The first byte picks the flags, the bytes up
// to the first NUL are the pattern, the rest the text. A pattern either
// compiles or throws a syntax error; matching answers consistently, with
// ranges inside the text. Built and run by Fuzz/run; an ordinary build
// links it as a no-op program.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRegex(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let flags = bytes[0]
    let rest = bytes[1...]
    let cut = rest.firstIndex(of: 0) ?? rest.endIndex
    let pattern = String(decoding: rest[..<cut], as: UTF8.self)
    let text = String(decoding: rest[(cut == rest.endIndex ? cut : cut + 1)...], as: UTF8.self)
    guard let regex = try? LinearRegex(pattern, caseInsensitive: flags & 1 == 1) else { return 0 }
    let utf8Count = text.utf8.count
    let first = regex.firstMatch(in: text)
    precondition(regex.matches(text) == (first != nil), "matches and firstMatch disagree")
    let all = regex.allMatches(in: text)
    precondition(all.first == first, "allMatches does not start with firstMatch")
    var end = 0
    for r in all {
        precondition(r.lowerBound >= end && r.upperBound <= utf8Count, "match \(r) out of order or outside the text")
        end = max(r.upperBound, end)
    }
    // Ill-formed UTF-8 read as bytes must match as the repaired text does not crash on.
    _ = regex.allMatches(in: UnsafeBufferPointer(rebasing: rest[(cut == rest.endIndex ? cut : cut + 1)...]))
    return 0
}
