import CFuzzerDriver
import Foundation

/// Hands the process to libFuzzer with `body` as the code under test. SwiftPM gives every
/// executable its own entry point, so a fuzz target's main sets the body and calls libFuzzer's
/// driver, which takes the same command-line options as libFuzzer's own main.
public func runFuzzer(_ body: @escaping (UnsafeBufferPointer<UInt8>) -> Void) -> Never {
    FuzzedBody.body = body
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in testOneInput(bytes, count) })
}

/// The entry point libFuzzer's runtime expects to find in every fuzzing binary.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzedBody.body?(UnsafeBufferPointer(start: bytes, count: count))
    return 0
}

/// The one body a fuzzing process runs; libFuzzer calls it from one thread.
private enum FuzzedBody {
    nonisolated(unsafe) static var body: ((UnsafeBufferPointer<UInt8>) -> Void)?
}
