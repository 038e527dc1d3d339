// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "LDFToolkit",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ldf", targets: ["ldf"]),
        .library(name: "LDFCore", targets: ["LDFCore"]),
        .library(name: "LDFIO", targets: ["LDFIO"]),
        .library(name: "LDFSpectral", targets: ["LDFSpectral"]),
        .library(name: "LDFPORH", targets: ["LDFPORH"]),
        .library(name: "LDFSimulation", targets: ["LDFSimulation"]),
        .library(name: "LDFStudy", targets: ["LDFStudy"]),
        .library(name: "LDFStream", targets: ["LDFStream"]),
        .library(name: "LDFCoupling", targets: ["LDFCoupling"]),
        .library(name: "LDFComplexity", targets: ["LDFComplexity"]),
        .library(name: "LDFReport", targets: ["LDFReport"]),
        .library(name: "LDFEpochs", targets: ["LDFEpochs"]),
        .library(name: "LDFProtocols", targets: ["LDFProtocols"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The only C: FFTW 3 through the system library (apt-get install -y libfftw3-dev).
        .systemLibrary(name: "CFFTW", path: "Sources/CFFTW"),
        // The system's zlib (apt-get install -y zlib1g-dev) for compressed MATLAB and AcqKnowledge data.
        .systemLibrary(name: "CLibz", path: "Sources/CLibz"),
        // glibc's <malloc.h> (mallopt) for the `ldf` process's allocator settings; no library.
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        // Recording model, bands, resampling, masking, detrending, artifacts. No FFTW.
        .target(name: "LDFCore", dependencies: [
            .product(name: "Numerics", package: "swift-numerics"),
        ]),
        // Readers and writers.
        .target(name: "LDFIO", dependencies: [
            "LDFCore", "CLibz",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // FFTW wrapper, wavelet transform, cone of influence, band summaries, Welch.
        .target(name: "LDFSpectral", dependencies: [
            "LDFCore", "CFFTW",
            .product(name: "Numerics", package: "swift-numerics"),
        ]),
        // Phase coupling between oscillators: MODA's dynamical Bayesian inference.
        .target(name: "LDFCoupling", dependencies: ["LDFCore", "LDFSpectral"]),
        // Entropy and fractal measures: auto-mutual information, sample and multiscale entropy, DFA, MFDFA.
        .target(name: "LDFComplexity", dependencies: ["LDFCore", "LDFSpectral"]),
        // Occlusion detection and PORH parameters (time domain).
        .target(name: "LDFPORH", dependencies: ["LDFCore", "LDFSpectral"]),
        // Provocation tests beyond PORH (local thermal hyperaemia, ...): one file per protocol concept,
        // on PORH's smoothing and windows.
        .target(name: "LDFProtocols", dependencies: ["LDFCore", "LDFPORH"]),
        // Statistics per interval (between marks, given, or every N seconds) and channel.
        .target(name: "LDFEpochs", dependencies: ["LDFCore"]),
        // Incremental processing for `ldf stream`: bounded memory whatever the stream's length.
        .target(name: "LDFStream", dependencies: [
            "LDFCore", "LDFIO", "LDFSpectral", "LDFPORH",
            .product(name: "DequeModule", package: "swift-collections"),
        ]),
        // Row models of every output (one Codable type per record kind), the CSV writer, the number
        // formatter and the JSON writer: one layout per record in text, CSV and JSON.
        .target(name: "LDFReport", dependencies: ["LDFCore", "LDFIO", "LDFSpectral", "LDFPORH", "LDFStream", "LDFEpochs", "LDFCoupling", "LDFComplexity", "LDFProtocols"]),
        // Many recordings: manifest, parallel runs, tidy tables, group statistics.
        .target(name: "LDFStudy", dependencies: ["LDFCore", "LDFIO", "LDFSpectral", "LDFPORH", "LDFEpochs", "LDFProtocols", "LDFReport"]),
        // Seeded synthetic recordings with known truth (used by `ldf simulate`, tests, samples).
        .target(name: "LDFSimulation", dependencies: ["LDFCore"]),
        // Tolerance helpers and fixture access shared by the tests.
        .target(name: "LDFTestSupport", dependencies: ["LDFCore", "LDFSimulation"]),
        .executableTarget(name: "ldf", dependencies: [
            "LDFCore", "LDFIO", "LDFSpectral", "LDFPORH", "LDFSimulation", "LDFStudy", "LDFStream", "LDFCoupling", "LDFComplexity", "LDFReport", "LDFEpochs", "LDFProtocols", "CMalloc",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // libFuzzer targets for the file readers (Fuzz/README.md); in ordinary builds a corpus replayer.
        .executableTarget(name: "ldf-fuzz", dependencies: ["LDFCore", "LDFIO"], path: "Fuzz/Sources/ldf-fuzz"),
        // The IAAFT alone, timed against NumPy's (benchmarks/surrogates.sh); not a product.
        .executableTarget(name: "ldf-bench-iaaft", dependencies: ["LDFIO", "LDFSpectral"], path: "benchmarks/Sources/ldf-bench-iaaft"),
        .testTarget(name: "LDFCoreTests", dependencies: ["LDFCore", "LDFTestSupport"]),
        .testTarget(name: "LDFIOTests", dependencies: ["LDFIO", "LDFTestSupport"]),
        .testTarget(name: "LDFSpectralTests", dependencies: ["LDFSpectral", "LDFTestSupport"]),
        .testTarget(name: "LDFPORHTests", dependencies: ["LDFPORH", "LDFSimulation", "LDFIO", "LDFTestSupport"]),
        .testTarget(name: "LDFSimulationTests", dependencies: ["LDFSimulation", "LDFIO", "LDFReport", "LDFTestSupport"]),
        .testTarget(name: "LDFStreamTests", dependencies: ["LDFStream", "LDFSimulation", "LDFTestSupport"]),
        .testTarget(name: "LDFProtocolsTests", dependencies: ["LDFProtocols", "LDFSimulation", "LDFTestSupport"]),
        .testTarget(name: "LDFEpochsTests", dependencies: ["LDFEpochs", "LDFTestSupport"]),
        .testTarget(name: "LDFCouplingTests", dependencies: ["LDFCoupling", "LDFTestSupport"]),
        .testTarget(name: "LDFComplexityTests", dependencies: ["LDFComplexity", "LDFTestSupport"]),
        .testTarget(name: "LDFStudyTests", dependencies: ["LDFStudy", "LDFReport", "LDFIO", "LDFProtocols", "LDFSimulation", "LDFTestSupport"]),
        .testTarget(name: "LDFReportTests", dependencies: ["LDFReport", "LDFIO", "LDFTestSupport"]),
        .testTarget(name: "LDFCLITests", dependencies: ["ldf", "LDFTestSupport", "LDFCore"]),
    ],
    swiftLanguageModes: [.v6]
)

// Release builds link the Swift runtime and Foundation statically into `ldf` on Linux. The shared
// runtime costs every process its dynamic loading and relocation (about 12 % of a 30-minute
// `ldf bands` run, benchmarks/limit.sh); the static one makes short runs, and the many short
// processes of a workflow, cheaper at the price of a larger binary. Only the executable carries the
// flag (compile and link), so the library products stay free of unsafe flags and usable as
// dependencies.
let staticRuntime = ["-static-stdlib"]
for target in package.targets where target.name == "ldf" {
    target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(staticRuntime, .when(platforms: [.linux], configuration: .release))]
    target.linkerSettings = (target.linkerSettings ?? []) + [.unsafeFlags(staticRuntime, .when(platforms: [.linux], configuration: .release))]
}
