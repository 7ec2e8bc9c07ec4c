/// The entries of `handbook.json` written straight into bytes, keys in sorted order, as
/// `JSONEncoder` with sorted keys writes them: the encoder builds a tree of boxed values for
/// each entry, and on a large handbook that is most of a build's time.
protocol JSONBytesWritable {
    func writeJSON(to output: inout [UInt8])
}

/// One JSON object, its members added in the order given (callers give them sorted).
struct JSONObjectWriter {
    private var isFirst = true

    mutating func key(_ name: StaticString, _ output: inout [UInt8]) {
        output.append(isFirst ? UInt8(ascii: "{") : UInt8(ascii: ","))
        isFirst = false
        output.append(UInt8(ascii: "\""))
        // Byte by byte: the generic `append(contentsOf:)` cost more than the few bytes of a name.
        name.withUTF8Buffer { for byte in $0 { output.append(byte) } }
        output.append(UInt8(ascii: "\""))
        output.append(UInt8(ascii: ":"))
    }

    mutating func string(_ name: StaticString, _ value: String, _ output: inout [UInt8]) {
        key(name, &output)
        JSONText.appendQuoted(value, to: &output)
    }

    /// Left out when nil, as `encodeIfPresent` does.
    mutating func string(_ name: StaticString, _ value: String?, _ output: inout [UInt8]) {
        guard let value else { return }
        string(name, value, &output)
    }

    mutating func int(_ name: StaticString, _ value: Int, _ output: inout [UInt8]) {
        key(name, &output)
        DecimalText.append(value, to: &output)
    }

    mutating func bool(_ name: StaticString, _ value: Bool, _ output: inout [UInt8]) {
        key(name, &output)
        output += (value ? "true" : "false").utf8
    }

    mutating func number(_ name: StaticString, _ value: Double?, _ output: inout [UInt8]) {
        guard let value else { return }
        key(name, &output)
        JSONNumber.append(value, to: &output)
    }

    mutating func strings(_ name: StaticString, _ values: [String], _ output: inout [UInt8]) {
        key(name, &output)
        output.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            JSONText.appendQuoted(value, to: &output)
        }
        output.append(UInt8(ascii: "]"))
    }

    mutating func progress(_ name: StaticString, _ value: Progress, _ output: inout [UInt8]) {
        key(name, &output)
        output += #"{"done":"#.utf8
        DecimalText.append(value.done, to: &output)
        output += #","total":"#.utf8
        DecimalText.append(value.total, to: &output)
        output.append(UInt8(ascii: "}"))
    }

    mutating func array(
        _ name: StaticString, _ values: [some JSONBytesWritable], _ output: inout [UInt8]
    ) {
        key(name, &output)
        JSONArray.append(values, to: &output)
    }

    mutating func object(
        _ name: StaticString, _ value: (some JSONBytesWritable)?, _ output: inout [UInt8]
    ) {
        guard let value else { return }
        key(name, &output)
        value.writeJSON(to: &output)
    }

    /// Closes the object; `{}` when nothing was added.
    mutating func finish(_ output: inout [UInt8]) {
        if isFirst { output.append(UInt8(ascii: "{")) }
        output.append(UInt8(ascii: "}"))
    }
}

enum JSONArray {
    static func append(_ values: [some JSONBytesWritable], to output: inout [UInt8]) {
        output.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            value.writeJSON(to: &output)
        }
        output.append(UInt8(ascii: "]"))
    }
}

enum JSONNumber {
    /// Whole numbers without a fraction (`14`, as `JSONEncoder` writes them), others in
    /// Swift's shortest form that reads back to the same value (`99.9`).
    static func append(_ value: Double, to output: inout [UInt8]) {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            DecimalText.append(Int(Int64(value)), to: &output)
        } else if value.isFinite {
            output += "\(value)".utf8
        } else {
            // JSON has no infinity or NaN; no model value is either.
            output += "null".utf8
        }
    }
}

extension HandbookJSON.DocumentEntry: JSONBytesWritable {
    func writeJSON(to output: inout [UInt8]) {
        var object = JSONObjectWriter()
        object.string("page", page, &output)
        object.string("path", path, &output)
        object.progress("progress", progress, &output)
        object.array("sections", sections, &output)
        object.string("title", title, &output)
        object.finish(&output)
    }
}

/// A section in a document's tree, as `sections` in `documents` shows it.
extension Section: JSONBytesWritable {
    func writeJSON(to output: inout [UInt8]) {
        var object = JSONObjectWriter()
        object.string("anchor", anchor, &output)
        object.bool("checklist", isChecklist, &output)
        object.string("kind", kind.rawValue, &output)
        object.int("level", level, &output)
        object.int("line", location.line, &output)
        object.bool("prerequisite", isPrerequisite, &output)
        object.progress("progress", progress, &output)
        object.strings("requires", requires, &output)
        object.array("sections", children, &output)
        object.array("tasks", tasks, &output)
        object.string("title", title, &output)
        object.finish(&output)
    }
}

/// A task in its section, with the tasks nested under it.
extension PlanTask: JSONBytesWritable {
    func writeJSON(to output: inout [UInt8]) {
        var object = JSONObjectWriter()
        object.bool("checked", isChecked, &output)
        object.array("children", children, &output)
        object.bool("descoped", isDescoped, &output)
        object.bool("done", isDone, &output)
        object.string("id", id, &output)
        object.int("line", location.line, &output)
        object.string("text", text, &output)
        object.finish(&output)
    }
}

extension HandbookJSON.TaskEntry: JSONBytesWritable {
    func writeJSON(to output: inout [UInt8]) {
        var object = JSONObjectWriter()
        object.bool("checked", task.isChecked, &output)
        object.int("column", task.location.column, &output)
        object.bool("descoped", task.isDescoped, &output)
        object.string("document", document, &output)
        object.bool("done", task.isDone, &output)
        object.string("id", task.id, &output)
        object.int("line", task.location.line, &output)
        object.string("text", task.text, &output)
        object.finish(&output)
    }
}

extension HandbookJSON.PhaseEntry: JSONBytesWritable {
    func writeJSON(to output: inout [UInt8]) {
        var object = JSONObjectWriter()
        object.string("anchor", anchor, &output)
        object.string("declared_status", declaredStatus, &output)
        object.string("declared_status_text", declaredStatusText, &output)
        object.string("document", document, &output)
        object.object("estimate", estimate, &output)
        object.int("line", line, &output)
        object.bool("marked_complete", markedComplete, &output)
        object.int("number", number, &output)
        object.progress("progress", progress, &output)
        object.strings("requires", requires, &output)
        object.string("title", title, &output)
        object.finish(&output)
    }
}

extension HandbookJSON.EstimateEntry: JSONBytesWritable {
    func writeJSON(to output: inout [UInt8]) {
        var object = JSONObjectWriter()
        object.number("max_days", maxDays, &output)
        object.number("min_days", minDays, &output)
        object.string("text", text, &output)
        object.finish(&output)
    }
}

extension HandbookJSON.ChecklistEntry: JSONBytesWritable {
    func writeJSON(to output: inout [UInt8]) {
        var object = JSONObjectWriter()
        object.string("anchor", anchor, &output)
        object.string("document", document, &output)
        object.strings("gates", gates, &output)
        object.int("line", line, &output)
        object.string("parent", parent, &output)
        object.bool("prerequisite", prerequisite, &output)
        object.progress("progress", progress, &output)
        object.string("title", title, &output)
        object.finish(&output)
    }
}

extension HandbookJSON.TargetEntry: JSONBytesWritable {
    func writeJSON(to output: inout [UInt8]) {
        var object = JSONObjectWriter()
        object.string("aggregation", aggregation, &output)
        object.string("document", document, &output)
        object.int("line", line, &output)
        object.string("name", name, &output)
        object.string("operator", `operator`, &output)
        object.bool("rollback_trigger", rollbackTrigger, &output)
        object.string("text", text, &output)
        object.string("unit", unit, &output)
        object.number("value", value, &output)
        object.finish(&output)
    }
}

extension HandbookJSON.ProcedureEntry: JSONBytesWritable {
    func writeJSON(to output: inout [UInt8]) {
        var object = JSONObjectWriter()
        object.string("anchor", anchor, &output)
        object.string("document", document, &output)
        object.int("line", line, &output)
        object.array("steps", steps, &output)
        object.string("title", title, &output)
        object.finish(&output)
    }
}

extension HandbookJSON.StepEntry: JSONBytesWritable {
    func writeJSON(to output: inout [UInt8]) {
        var object = JSONObjectWriter()
        object.int("line", line, &output)
        object.strings("substeps", substeps, &output)
        object.string("text", text, &output)
        object.finish(&output)
    }
}

extension HandbookJSON.WorkflowEntry: JSONBytesWritable {
    func writeJSON(to output: inout [UInt8]) {
        var object = JSONObjectWriter()
        object.string("direction", direction.rawValue, &output)
        object.string("document", document, &output)
        object.int("line", line, &output)
        object.strings("steps", steps, &output)
        object.string("title", title, &output)
        object.finish(&output)
    }
}

extension HandbookJSON.FindingEntry: JSONBytesWritable {
    func writeJSON(to output: inout [UInt8]) {
        var object = JSONObjectWriter()
        object.int("column", column, &output)
        object.string("file", file, &output)
        object.int("line", line, &output)
        object.string("message", message, &output)
        object.string("rule", rule, &output)
        object.string("severity", severity, &output)
        object.finish(&output)
    }
}
