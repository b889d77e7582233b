import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// A 256 KiB tmpfs mounted on a fresh folder, unmounted after the test.
public func smallDisk(_ test: XCTestCase) throws -> String {
    let folder = try makeTemporaryDirectory(test)
    guard (try? runTool("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", folder])) == 0 else {
        throw XCTSkip("mounting a small tmpfs is not allowed here (it needs root)")
    }
    test.addTeardownBlock { _ = try? runTool("/usr/bin/umount", [folder]) }
    return folder
}

/// Writes a file until the disk has no room left.
public func fillDisk(_ disk: String) throws {
    let descriptor = open(disk + "/filler", O_WRONLY | O_CREAT, 0o644)
    XCTAssertGreaterThanOrEqual(descriptor, 0)
    defer { close(descriptor) }
    let page = [UInt8](repeating: 0x2e, count: 512)
    while write(descriptor, page, page.count) > 0 {}
    XCTAssertEqual(errno, ENOSPC)
}

public func runTool(_ path: String, _ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
}
