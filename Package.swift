// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "dropout",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dropout", targets: ["dropout"]),
        .library(name: "DropoutNetwork", targets: ["DropoutNetwork"]),
        .library(name: "DropoutLab", targets: ["DropoutLab"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    targets: [
        // The tutorial's network and numpy-exact randomness: pure computation, no I/O.
        // Optimised in debug builds too: the tests and lessons train thousands of runs over seeds,
        // which unoptimised take minutes (34x slower measured); the numbers are the same.
        .target(
            name: "DropoutNetwork", dependencies: ["COpenBLAS", "CVectorKernels", "CDigits"],
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // The hot element-wise work of a step in AVX2 and FMA lanes, bit for bit what numpy gets.
        .target(
            name: "CVectorKernels", exclude: ["generate_exp_table.py"],
            cSettings: [.unsafeFlags(["-O2"], .when(configuration: .debug))]),
        // The handwritten digits of data/digits.csv as C strings (data/make-digits-table.py), which
        // compile in a fraction of a second where a Swift literal of them would take minutes.
        .target(name: "CDigits"),
        // Debian's OpenBLAS (libopenblas-dev), for the matrix products of large networks.
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        // Debian's libedit (libedit-dev), through its readline-compatible API.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // What Swift cannot write safely itself: async-signal-safe interrupt and termination
        // flags, the terminal's size (ioctl is variadic) and the C standard streams.
        .target(name: "CTerminal"),
        // The libedit key hook that turns Ctrl-C at the prompt into an abandoned line: the shell
        // alone links libedit.
        .target(name: "CLineEditor", dependencies: ["CEditLine", "CTerminal"]),
        // The lab any front end drives: the command language, the session, expectations,
        // rendering, lessons, snapshots and transcripts. No terminal, signal or line-editing code.
        // Optimised in debug builds too, as its tests and the network's are (below): they run
        // thousands of commands and sums (measured: the lab's unit tests 22.5 CPU-s to 16.5, the
        // network's 10.9 to 4.8; the suite 61-63 s to 55-57). Preconditions and overflow traps stay
        // at -O; `assert` and the bounds checks of unsafe pointers, which only -Onone makes, go
        // (`make fuzz` builds with AddressSanitizer, which still catches a read out of bounds).
        .target(
            name: "DropoutLab",
            dependencies: ["DropoutNetwork", .product(name: "Ink", package: "Ink")],
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // The terminal front end over the lab: libedit line editing and history, signals, the
        // progress bar, lesson pauses and the modes `dropout` runs in.
        .target(name: "DropoutShell", dependencies: ["DropoutLab", "CEditLine", "CLineEditor", "CTerminal"]),
        // The machine front end over the lab: `dropout serve --stdio`, JSON requests in and
        // replies out, for the Jupyter kernel and any other program (docs/serve-protocol.md).
        .target(name: "DropoutServer", dependencies: ["DropoutLab", "CTerminal"]),
        .executableTarget(
            name: "dropout",
            dependencies: [
                "DropoutShell",
                "DropoutServer",
                "DropoutLab",
                "DropoutNetwork",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // In-process timing of steps and their products, for bench/compare.py.
        .executableTarget(name: "dropout-bench", dependencies: ["DropoutNetwork"], path: "bench/StepTimer"),
        .testTarget(
            name: "DropoutNetworkTests",
            dependencies: ["DropoutNetwork", "CVectorKernels"],
            resources: [.copy("Fixtures")],
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // What the lab and shell tests share: running the built binary, temporary folders.
        .target(name: "DropoutTestSupport", path: "Tests/DropoutTestSupport"),
        .testTarget(
            name: "DropoutLabTests",
            dependencies: ["DropoutLab", "DropoutNetwork", "DropoutTestSupport"],
            exclude: ["Golden"],
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        .testTarget(
            name: "DropoutServerTests",
            dependencies: ["DropoutServer", "DropoutLab", "DropoutTestSupport"]
        ),
        .testTarget(
            name: "DropoutShellTests",
            dependencies: ["DropoutShell", "DropoutLab", "CEditLine", "DropoutTestSupport"]
        ),
    ]
)

// libFuzzer targets, built only by `make fuzz`, which sets DROPOUT_FUZZ and compiles everything
// with -sanitize=fuzzer,address; an ordinary build has no libFuzzer to link them with.
if Context.environment["DROPOUT_FUZZ"] != nil {
    package.targets += [
        .systemLibrary(name: "CFuzzerDriver", path: "fuzz/CFuzzerDriver"),
        .target(name: "FuzzerDriver", dependencies: ["CFuzzerDriver"], path: "fuzz/FuzzerDriver"),
    ]
    for name in ["FuzzCommands", "FuzzLessons", "FuzzExpectations", "FuzzSnapshots", "FuzzHTMLExport", "FuzzServer"] {
        let server: [Target.Dependency] = name == "FuzzServer" ? ["DropoutServer"] : []
        package.targets.append(
            .executableTarget(
                name: name, dependencies: ["DropoutLab", "FuzzerDriver"] + server,
                path: "fuzz/\(name)"))
    }
}
