import Foundation
import LDFIO
import LDFSpectral

/// The IAAFT alone, for benchmarks/surrogates.sh: reads a recording's perfusion channel as
/// `ldf bands` does, makes N IAAFT1 surrogates with `SurrogateGenerator.surrogates` (streams
/// k = 0 ..< N of the seed, in parallel across the cores, as `ldf bands --surrogates N` makes
/// them) and prints the iterations each took, the mean and how many hit the cap, the CPU
/// seconds of the IAAFT itself and a fingerprint of the surrogates' bits, so benchmarks/iaaft-numpy.py can be compared like for like.
///
/// Usage: ldf-bench-iaaft FILE N [SEED, default 1] [MAX_ITERATIONS, default 1000]
@main
enum IAAFTBenchmark {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst().map { $0 }
        guard (2...4).contains(arguments.count), let count = Int(arguments[1]), count >= 1,
              let seed = UInt64(arguments.count > 2 ? arguments[2] : "1"),
              let cap = Int(arguments.count > 3 ? arguments[3] : "1000") else {
            FileHandle.standardError.write(Data("usage: ldf-bench-iaaft FILE N [SEED] [MAX_ITERATIONS]\n".utf8))
            exit(64)
        }
        let signal = try RecordingReader.read(path: arguments[0]).perfusion.values
        let generator = try SurrogateGenerator(signal: signal, maxIterations: cap)
        let start = cpuSeconds()
        let surrogates = generator.surrogates(.iaaftDistribution, count: count, seed: seed)
        let seconds = cpuSeconds() - start
        let iterations = surrogates.map { $0.iterations ?? 0 }
        let unconverged = surrogates.filter { $0.converged == false }.count
        let mean = Double(iterations.reduce(0, +)) / Double(count)
        print("iterations \(iterations.map(String.init).joined(separator: " "))")
        print("iaaft_mean_iterations \(mean) unconverged \(unconverged)")
        print("iaaft_cpu_seconds \(String(format: "%.3f", seconds))")
        print("surrogates_fnv1a \(String(fingerprint(surrogates), radix: 16))")
    }

    /// FNV-1a over the bit patterns of every surrogate value: equal fingerprints, same surrogates to the bit.
    static func fingerprint(_ surrogates: [Surrogate]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for value in surrogates.lazy.flatMap(\.values) {
            hash = (hash ^ value.bitPattern) &* 0x100_0000_01B3
        }
        return hash
    }

    /// CPU seconds of the process so far (all threads, user and system).
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}
