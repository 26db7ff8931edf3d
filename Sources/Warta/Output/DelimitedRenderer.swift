/// CSV (RFC 4180) and Markdown tables.
enum DelimitedRenderer {
    static func csv(_ result: QueryResult) -> String {
        if case .message(let text) = result { return text + "\n" }
        guard let (columns, rows) = Renderer.tabulate(result, keepID: true) else { return "" }
        var out = columns.map(field).joined(separator: ",") + "\r\n"
        for row in rows { out += row.map { field($0 == .null ? "" : $0.text) }.joined(separator: ",") + "\r\n" }
        return out
    }

    private static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacing("\"", with: "\"\"") + "\""
    }

    static func markdown(_ result: QueryResult) -> String {
        if case .message(let text) = result { return text + "\n" }
        guard let (columns, rows) = Renderer.tabulate(result, keepID: true) else { return "" }
        func cell(_ s: String) -> String {
            s.replacing("\\", with: "\\\\").replacing("|", with: "\\|")
                .replacing("\r\n", with: "<br>").replacing("\n", with: "<br>")
        }
        var out = "| " + columns.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + columns.map { _ in " --- |" }.joined() + "\n"
        for row in rows { out += "| " + row.map { cell($0.text) }.joined(separator: " | ") + " |\n" }
        return out
    }
}
