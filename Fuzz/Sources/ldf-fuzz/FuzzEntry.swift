import Foundation
import LDFCore
import LDFIO

/// One reader fed with arbitrary bytes, the whole way to an assembled recording. The reader is
/// chosen by the environment variable `LDF_FUZZ_READER` (edf, wfdb, acq, cfwb, mat, xlsx,
/// delimited, labchart, oxysoft, moxy). Any thrown error is a pass; a trap, a hang or a sanitizer report is a
/// failure. For WFDB the input is a header, a NUL byte, then the bytes every signal and
/// annotation file of the header gets.
enum FuzzTarget {
    static let reader = ProcessInfo.processInfo.environment["LDF_FUZZ_READER"].flatMap(ReaderKind.init(rawValue:)) ?? .edf

    static func run(_ bytes: [UInt8]) {
        let options = ReadOptions()
        let tables: [SampleTable]
        do {
            switch reader {
            case .wfdb:
                let split = bytes.firstIndex(of: 0) ?? bytes.count
                let header = String(decoding: bytes[..<split], as: UTF8.self)
                let data = split < bytes.count ? Array(bytes[(split + 1)...]) : []
                let names = header.split(whereSeparator: \.isNewline).dropFirst().compactMap { $0.split(separator: " ").first.map(String.init) }
                let files = Dictionary(names.map { ($0, data) }, uniquingKeysWith: { a, _ in a })
                tables = [try WFDBReader.decode(headerText: header, signalFiles: files, annotationFiles: ["atr": data], source: "fuzz")]
            default:
                guard let type = RecordingReader.readers.first(where: { $0.kind == reader }) else { return }
                tables = try type.parseTables(ReaderInput(bytes: bytes, source: "fuzz", path: nil), options: options)
            }
        } catch {
            return
        }
        for table in tables {
            // The grid guard runs before assembly, as in RecordingReader.
            _ = try? RecordingReader.assembleChecked(table, options: options)
        }
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTarget.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// libFuzzer's driver (compiler-rt), started from the entry point SwiftPM gives executables.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("ldf_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzzOneInput)
}
#else
/// Without the fuzzer: replays corpus files (arguments) through the reader, so crashing inputs
/// kept in the corpus stay regression tests in ordinary builds.
@main
struct CorpusReplay {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            FuzzTarget.run([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        }
        print("replayed \(CommandLine.arguments.count - 1) input(s) through the \(FuzzTarget.reader.rawValue) reader")
    }
}
#endif
