import Warta

let corpus = try Corpus.open(path: "seeds")
let session = Session(corpus: corpus)
let result = try session.run(#"articles where mentions "To Lam" and date = 2024-06-20"#)
if case .rows(let rows) = result {
    let title = rows.columns.firstIndex(of: "title")!
    for (id, row) in zip(rows.ids, rows.rows) { print(id, row[title].text) }
}
print(Renderer.render(try session.run("count articles group by date"), as: .jsonl), terminator: "")
