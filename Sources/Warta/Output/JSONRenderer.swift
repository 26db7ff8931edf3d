/// JSON and JSON Lines: one object per row, keys in column order.
struct JSONRenderer {
    /// One object per line (jsonl) rather than one array (json).
    let lines: Bool

    func render(_ result: QueryResult) -> String {
        var objects: [String] = []
        switch result {
        case .message(let text):
            objects = ["{\"message\": \(JSONRenderer.string(text))}"]
        case .groups(let g):
            // {"group": v} for one key, {"group": [a, b]} for two, "series" for a compare.
            for r in g.rows {
                let group = r.group.count == 1 ? JSONRenderer.value(r.group[0]) : "[" + r.group.map(JSONRenderer.value).joined(separator: ", ") + "]"
                for i in g.series.indices {
                    var fields: [String] = []
                    if !g.keys.isEmpty { fields.append("\"group\": \(group)") }
                    if g.isComparison { fields.append("\"series\": \(JSONRenderer.string(g.series[i]))") }
                    fields += ["\"count\": \(r.counts[i])", "\"total\": \(r.total)",
                               "\"share\": \(r.share(i).map { formatNumber($0) } ?? "null")"]
                    objects.append("{" + fields.joined(separator: ", ") + "}")
                }
            }
        default:
            guard let (columns, rows) = Renderer.tabulate(result, keepID: true) else { return "" }
            // Written into one string: a result of ten rows is rendered for every statement of a server.
            let keys = columns.map { JSONRenderer.string($0) + ": " }
            var out = ""
            out.reserveCapacity(4 + rows.count * (16 + 24 * keys.count))
            if !lines { out += rows.isEmpty ? "[]\n" : "[\n" }
            for (n, row) in rows.enumerated() {
                if !lines { out += n == 0 ? "  {" : ",\n  {" } else { out += "{" }
                for k in 0..<min(keys.count, row.count) {
                    if k > 0 { out += ", " }
                    out += keys[k]
                    JSONRenderer.write(row[k], into: &out)
                }
                out += lines ? "}\n" : "}"
            }
            if !lines && !rows.isEmpty { out += "\n]\n" }
            return out
        }
        if lines { return objects.map { $0 + "\n" }.joined() }
        if objects.isEmpty { return "[]\n" }
        return "[\n" + objects.map { "  " + $0 }.joined(separator: ",\n") + "\n]\n"
    }

    static func value(_ v: Value) -> String {
        var out = ""
        write(v, into: &out)
        return out
    }

    /// Appends a value's JSON to `out`: a page of rows is written into one string, with no
    /// string made per cell for what is copied as it is (ids, words, numbers).
    static func write(_ v: Value, into out: inout String) {
        switch v {
        case .string(let s): write(s, into: &out)
        case .integer(let i): out += String(i)
        case .number(let d): out += d.isFinite ? formatNumber(d) : "null"
        default: out += json(v)
        }
    }

    private static func json(_ v: Value) -> String {
        switch v {
        case .null: return "null"
        case .string(let s): return string(s)
        case .integer(let i): return String(i)
        case .number(let d): return d.isFinite ? formatNumber(d) : "null"
        case .date(let d): return "\"\(d)\""
        case .dates(let ds): return "[" + ds.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        case .strings(let ss): return "[" + ss.map(string).joined(separator: ", ") + "]"
        case .marked(let m):
            return "{\"text\": \(string(m.text)), \"highlights\": [" + m.scalarMarks.map { "[\($0[0]), \($0[1])]" }.joined(separator: ", ") + "]}"
        }
    }

    /// A JSON string literal; control characters escaped, the rest as UTF-8.
    static func string(_ s: String) -> String {
        var out = ""
        write(s, into: &out)
        return out
    }

    /// Appends a JSON string literal to `out`.
    static func write(_ s: String, into out: inout String) {
        // Most strings (ids, words, plain text) need no escape: copied whole.
        if isPlain(s) {
            out += "\""
            out += s
            out += "\""
            return
        }
        out += "\""
        out.reserveCapacity(out.utf8.count + s.utf8.count + 2)
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }

    /// Whether `s` needs no escape in JSON (and holds no U+2028/U+2029, which some readers take for line ends).
    @inline(__always)
    private static func isPlain(_ s: String) -> Bool {
        func plain(_ b: UInt8) -> Bool { b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x7F && b != 0xE2 }
        var s = s
        return s.withUTF8 { buf in
            for b in buf where !plain(b) { return false }
            return true
        }
    }
}
