import Foundation

#if canImport(Glibc)
    import Glibc
#endif

public struct SpawnFailed: Error, CustomStringConvertible {
    public let description: String
}

/// Runs a program to its end with standard input, output and error on /dev/null and no other
/// descriptor of the test process open in it, so a daemon it starts holds nothing of ours.
public func spawnDetached(_ path: String, _ arguments: [String]) throws {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for descriptor: Int32 in 0...2 {
        posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
    }
    // Swift's Glibc module lacks posix_spawn_file_actions_addclosefrom_np, so the open
    // descriptors are listed; glibc ignores a close that fails on one closed since.
    let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
    for descriptor in open.compactMap(Int32.init) where descriptor > 2 {
        posix_spawn_file_actions_addclose(&actions, descriptor)
    }
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for argument in argv { free(argument) } }
    var child: pid_t = 0
    let spawned = posix_spawn(&child, path, &actions, nil, argv, environ)
    guard spawned == 0 else {
        throw SpawnFailed(description: "cannot start \(path): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    while waitpid(child, &status, 0) == -1 && errno == EINTR {}
}
