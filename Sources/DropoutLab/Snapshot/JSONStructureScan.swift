import DropoutNetwork
import Foundation

/// One pass over a snapshot's JSON text before it is decoded. Foundation's JSONDecoder silently
/// keeps one of two equal keys, so a file with `"iteration"` twice would load differently in
/// another reader; this scan finds such keys. It also counts the values, which is what decoding
/// costs in memory, so a file can be refused before that memory is asked for.
struct JSONStructureScan {
    /// Strings, numbers, booleans and nulls outside key position.
    private(set) var scalars = 0

    /// A snapshot nests four deep and its widest object has eight keys; these bounds keep the
    /// scan's own memory small whatever the file holds.
    static let maximumDepth = 32
    static let maximumKeysPerObject = 64

    private enum Container {
        case object(keys: Set<[UInt8]>, expectingKey: Bool)
        case array
    }

    /// Scans `data`; throws a description of the first duplicate key, or `Interruption` when
    /// `interrupted` says so (asked every mebibyte). Malformed JSON is not reported here: the
    /// scan stops, and the decoder says what is wrong.
    init(_ data: Data, interrupted: () -> Bool = Interruption.never) throws {
        var count = 0
        var nextCheck = 0
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var stack: [Container] = []
            var index = 0
            while index < bytes.count {
                // Strings and numbers are skipped whole, so the index passes a mebibyte
                // boundary without landing on it; the check follows a threshold instead.
                if index >= nextCheck {
                    if interrupted() { throw Interruption() }
                    nextCheck = index + 1 << 20
                }
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"), UInt8(ascii: ":"):
                    index += 1
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard stack.count < Self.maximumDepth else {
                        throw TooLarge(what: "nests deeper than \(Self.maximumDepth) levels")
                    }
                    stack.append(byte == UInt8(ascii: "{") ? .object(keys: [], expectingKey: true) : .array)
                    index += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    guard stack.popLast() != nil else { return }
                    index += 1
                case UInt8(ascii: ","):
                    if case .object(let keys, _)? = stack.last {
                        stack[stack.count - 1] = .object(keys: keys, expectingKey: true)
                    }
                    index += 1
                case UInt8(ascii: "\""):
                    let start = index + 1
                    var end = start
                    var escaped = false
                    while end < bytes.count && bytes[end] != UInt8(ascii: "\"") {
                        if bytes[end] == UInt8(ascii: "\\") {
                            escaped = true
                            end += 1
                        }
                        end += 1
                    }
                    guard end < bytes.count else { return }
                    if case .object(var keys, true)? = stack.last {
                        var key = Array(bytes[start..<end])
                        if escaped, let decoded = Self.unescaped(key) { key = decoded }
                        guard keys.insert(key).inserted else {
                            throw DuplicateKey(name: String(decoding: key, as: UTF8.self), offset: index)
                        }
                        guard keys.count <= Self.maximumKeysPerObject else {
                            throw TooLarge(what: "has an object with more than \(Self.maximumKeysPerObject) keys")
                        }
                        stack[stack.count - 1] = .object(keys: keys, expectingKey: false)
                    } else {
                        count += 1
                    }
                    index = end + 1
                default:
                    // A number, true, false or null: up to the next delimiter.
                    while index < bytes.count && !Self.endsValue(bytes[index]) { index += 1 }
                    count += 1
                }
            }
        }
        scalars = count
    }

    private static func endsValue(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: " "),
            UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
            true
        default: false
        }
    }

    /// A key written with escapes (`"\u0069teration"`), as the text it stands for.
    private static func unescaped(_ key: [UInt8]) -> [UInt8]? {
        let quoted = Data([UInt8(ascii: "\"")] + key + [UInt8(ascii: "\"")])
        guard let text = try? JSONSerialization.jsonObject(with: quoted, options: .fragmentsAllowed) as? String else {
            return nil
        }
        return Array(text.utf8)
    }

    /// The text is shaped like no snapshot: `what` says how.
    struct TooLarge: Error {
        let what: String
    }

    struct DuplicateKey: Error {
        let name: String
        /// Where the second one starts, in bytes from the start of the file.
        let offset: Int
    }
}
