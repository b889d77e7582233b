import Foundation

/// An nbformat 4.5 notebook as Jupyter reads it: the cells, and the kernel that runs them. The
/// dropout-kernel export (`NotebookTranscript`) and the numpy one (`NumpyTranscript`) differ in
/// their cells and their kernel only.
struct NotebookFile<Cell: Encodable>: Encodable {
    /// What Jupyter needs to pick the kernel and to show the cells' language.
    struct Metadata: Encodable {
        struct KernelSpec: Encodable {
            let display_name: String
            let language: String
            let name: String
        }
        struct LanguageInfo: Encodable {
            var file_extension: String?
            var mimetype: String?
            let name: String
        }
        let kernelspec: KernelSpec
        let language_info: LanguageInfo
    }

    let cells: [Cell]
    let metadata: Metadata
    let nbformat = 4
    let nbformat_minor = 5

    /// The file's bytes: sorted keys and indentation, so the same cells always give the same file.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}
