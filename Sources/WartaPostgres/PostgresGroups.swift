import Foundation
import Warta

/// Grouped counts on PostgreSQL: `count … group by …` and `compare`, with
/// each group's total, combined and finished (timelines filled, sorted, cut)
/// exactly as the native engine finishes its own tallies.
extension PostgresExecutor {
    /// `count … group by` and `compare`: per shard, the count of each tuple of
    /// (folded value, spelling) and its first article, for each series and for
    /// all articles (the groups' totals); combined and finished as natively.
    func groupedCounts(_ series: [(label: String, query: CheckedQuery)], shared: CheckedQuery, isComparison: Bool,
                       sets: [String: [Int]]) throws -> QueryResult {
        let keys = shared.groupBy
        var spelling: [[Value: (display: Value, first: Int)]] = Array(repeating: [:], count: keys.count)
        var perSeries: [[[Value]: Int]] = [], matched: [Int] = []
        var firstSpelling: [[Value: Value]] = Array(repeating: [:], count: keys.count)
        func settle() {
            // The spelling seen first: in the first series that has the value, else in all articles.
            for i in keys.indices {
                for (v, s) in spelling[i] where firstSpelling[i][v] == nil { firstSpelling[i][v] = s.display }
                spelling[i] = [:]
            }
        }
        for (_, q) in series {
            var scoped = q
            scoped.scope = shared.scope
            perSeries.append(try tally(scoped, keys, sets: sets, &spelling))
            settle()
            matched.append(try total(try countPlan(scoped, sets: sets)))
        }
        let all = shared.totals(of: series.first?.query.unitKind ?? .articles)
        let totals = try tally(all, keys, sets: sets, &spelling)
        settle()
        return .groups(GroupedCounts(keys: keys, labels: series.map(\.label), isComparison: isComparison, unit: all.unitKind,
                                     shared: shared, counts: perSeries, totals: totals, spelling: firstSpelling, matched: matched))
    }

    public func compare(_ c: Comparison, sets: [String: [Int]]) throws -> QueryResult {
        try limited { try groupedCounts(c.series, shared: c.shared, isComparison: true, sets: sets) }
    }

    public func spread(_ q: CheckedQuery, sets: [String: [Int]], settings: Settings) throws -> QueryResult {
        throw unsupported("spread (the first date each outlet carried a match)")
    }

    /// Rows of `q` by the folded values of `keys`, noting each value's spelling in the first article that has it.
    func tally(_ q: CheckedQuery, _ keys: [GroupKey], sets: [String: [Int]],
               _ spelling: inout [[Value: (display: Value, first: Int)]]) throws -> [[Value]: Int] {
        let statement = try groupStatement(q, keys, sets: sets)
        var counts: [[Value]: Int] = [:]
        for r in try query(statement) {
            let first = Int(r[2 * keys.count] ?? "0") ?? 0, n = Int(r[2 * keys.count + 1] ?? "0") ?? 0
            var tuple: [Value] = []
            for (i, key) in keys.enumerated() {
                let display = PostgresExecutor.groupValue(key, r[2 * i + 1])
                let folded = PostgresExecutor.folded(display)
                if let known = spelling[i][folded], known.first <= first {} else { spelling[i][folded] = (display, first) }
                tuple.append(folded)
            }
            counts[tuple, default: 0] += n
        }
        return counts
    }

    /// A group value as the native engine keys it: strings without case.
    static func folded(_ v: Value) -> Value {
        if case .string(let s) = v { return .string(s.lowercased()) }
        return v
    }

    /// Per shard: each key's folded value and spelling, the first article, the count.
    func groupStatement(_ q: CheckedQuery, _ keys: [GroupKey], sets: [String: [Int]]) throws -> SQLStatement {
        var compiler = SQLCompiler(catalog: catalog)
        let w = try whereClause(q, sets: sets, &compiler)
        var select: [String] = [], joins = ""
        for (i, key) in keys.enumerated() {
            var group: String, display: String
            switch key {
            case .column(let c) where compiler.stringKey(c) != nil:
                group = compiler.params.jsonField("keys", compiler.stringKey(c) ?? "")
                // The spelling as written, as jsonb: to_jsonb() is not immutable, so postgres_fdw would not ship it.
                display = compiler.params.jsonField("keys", "~" + (compiler.stringKey(c) ?? ""))
            case .column(.date):
                group = compiler.params.jsonField("buckets", "date", "day")
                display = group
            case .column(.words):
                group = "text_len"
                display = group
            case .dateBucket(.date, let bucket):
                group = compiler.params.jsonField("buckets", "date", bucket)
                display = group
            case .column(.dates), .dateBucket(.dates, _):
                // A list puts its article in each of its (distinct) values; an empty one in null.
                var bucket = "day"
                if case .dateBucket(_, let b) = key { bucket = b }
                joins += " LEFT JOIN LATERAL jsonb_array_elements(" + compiler.params.jsonField("buckets", "dates", bucket) + ") AS l\(i)(v) ON true"
                group = "l\(i).v"
                display = group
            default:
                throw unsupported("grouping by '\(key.name)'")
            }
            select += [group, display]
        }
        let columns = (select + ["min(ordinal)", "count(*)"]).joined(separator: ", ")
        let by = (1...max(1, select.count)).map(String.init).joined(separator: ", ")
        let arms = tables.map { "(SELECT \(columns) FROM \($0)\(joins) WHERE \(w)" + (select.isEmpty ? ")" : " GROUP BY \(by))") }
        return SQLStatement(sql: arms.joined(separator: " UNION ALL "), params: compiler.params.values)
    }

    /// A group's value from its jsonb text (`"2024-06"`, `512`).
    static func groupValue(_ key: GroupKey, _ json: String?) -> Value {
        guard let json, let decoded = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed) else { return .null }
        switch (key, decoded) {
        case (.column(.date), let s as String), (.column(.dates), let s as String), (.dateBucket(_, "day"), let s as String):
            return Day(iso: s).map(Value.date) ?? .null
        case (_, let s as String): return .string(s)
        case (_, let n as NSNumber): return .integer(n.intValue)
        default: return .null
        }
    }
}
