import DropoutLab
import Foundation

/// One request of the protocol (docs/serve-protocol.md), read from a JSON line and checked
/// field by field: the line is hostile until it has been.
struct Request {
    enum Identifier: Equatable {
        case text(String)
        case number(Int)

        var json: Any {
            switch self {
            case .text(let text): text
            case .number(let number): number
            }
        }
    }

    enum Kind: Equatable {
        case run(code: String)
        /// `cursor` counts Unicode scalars from the start of `code`, as Jupyter does.
        case complete(code: String, cursor: Int)
        case inspect(code: String, cursor: Int)
        case isComplete(code: String)
        case info
    }

    /// The longest `id` string taken, in bytes: an id is echoed on every message of its request.
    static let maximumIdentifierBytes = 256
    static let types = ["run", "complete", "inspect", "is_complete", "info"]

    let id: Identifier?
    let kind: Kind

    /// What was wrong with a request, and the id it had if that much could be read.
    struct Invalid: Error {
        let message: String
        var id: Identifier?
    }

    init(line: [UInt8]) throws {
        guard String(validating: line, as: UTF8.self) != nil else {
            throw Invalid(message: "the request is not UTF-8 text; send one JSON object a line, in UTF-8")
        }
        let object: [String: Field]
        do {
            object = try JSONDecoder().decode([String: Field].self, from: Data(line))
        } catch {
            throw Invalid(
                message: "the request is not a JSON object; send one a line, such as {\"id\": 1, \"type\": \"info\"}")
        }
        let id = try Self.identifier(object["id"])
        do {
            kind = try Self.kind(object)
        } catch var invalid as Invalid {
            invalid.id = id
            throw invalid
        }
        self.id = id
    }

    /// A top-level field's value, as far as a request reads one: arrays and objects are taken
    /// whole as `other`, never walked.
    enum Field: Decodable {
        case null, boolean
        case integer(Int)
        case fraction(Double)
        case text(String)
        case other

        init(from decoder: Decoder) throws {
            let value = try decoder.singleValueContainer()
            if value.decodeNil() {
                self = .null
            } else if (try? value.decode(Bool.self)) != nil {
                self = .boolean
            } else if let integer = try? value.decode(Int.self) {
                self = .integer(integer)
            } else if let fraction = try? value.decode(Double.self) {
                self = .fraction(fraction)
            } else if let text = try? value.decode(String.self) {
                self = .text(text)
            } else {
                self = .other
            }
        }
    }

    private static func identifier(_ value: Field?) throws -> Identifier? {
        switch value {
        case nil, .null?: return nil
        case .text(let text)?:
            guard text.utf8.count <= maximumIdentifierBytes else {
                throw Invalid(
                    message: "the id is \(text.utf8.count) bytes long; an id is at most \(maximumIdentifierBytes)")
            }
            return .text(text)
        case .integer(let number)?: return .number(number)
        default: throw Invalid(message: "the id is neither a string nor a whole number")
        }
    }

    private static func kind(_ object: [String: Field]) throws -> Kind {
        guard case .text(let type)? = object["type"] else {
            throw Invalid(message: "the request has no \"type\" string; it is one of \(types.joined(separator: ", "))")
        }
        switch type {
        case "run": return .run(code: try code(object))
        case "complete": return .complete(code: try code(object), cursor: try cursor(object))
        case "inspect": return .inspect(code: try code(object), cursor: try cursor(object))
        case "is_complete": return .isComplete(code: try code(object))
        case "info": return .info
        default:
            throw Invalid(
                message:
                    "unknown request type '\(VisibleControls.visible(String(type.prefix(40))))'; "
                    + "it is one of \(types.joined(separator: ", "))")
        }
    }

    private static func code(_ object: [String: Field]) throws -> String {
        guard case .text(let code)? = object["code"] else {
            throw Invalid(message: "the request has no \"code\" string")
        }
        return code
    }

    /// A cursor inside `code`, 0 up to its length in Unicode scalars.
    private static func cursor(_ object: [String: Field]) throws -> Int {
        let length = try code(object).unicodeScalars.count
        guard case .integer(let cursor)? = object["cursor"], (0...length).contains(cursor) else {
            throw Invalid(
                message: "the request needs a \"cursor\", a whole number from 0 to \(length) (the code's length)")
        }
        return cursor
    }
}
