import Foundation
import Numerics

/// MODA's direct reconstruction of a component from its time-frequency support (`rectfr` with
/// 'direct'; Iatsenko, Stefanovska & McClintock 2015, Part II): at each time the complex
/// component a e^{i phi} is the integral of W over the ridge's support divided by the kernel's
/// constant C, and the instantaneous frequency the W-weighted mean over the support of the
/// frequency (window; log-normal wavelet with MODA's D) or of W's phase velocity (Morlet).
/// Exact for a(t) cos(phi(t)) with slowly varying amplitude and frequency, unlike the ridge value.
enum RidgeReconstruction {
    /// Amplitude, phase (rad, wrapped to [0, 2 pi)), instantaneous frequency (Hz) and the
    /// reconstructed component a cos(phi), per time.
    struct Series {
        var amplitude: [Double]
        var phase: [Double]
        var frequencyHz: [Double]
        var reconstruction: [Double]
    }

    /// Reconstructs from `rows` (complex W at full rate, one array per grid frequency) over the
    /// supports of `curve`.
    static func direct(rows: [[Complex<Double>]], frequenciesHz f: [Double], curve: RidgeCurve, kernel: TransformKernel,
                       sampleRateHz fs: Double) -> Series {
        let timeCount = rows.first?.count ?? 0
        var series = Series(amplitude: [], phase: [], frequencyHz: [], reconstruction: [])
        series.amplitude.reserveCapacity(timeCount)
        series.phase.reserveCapacity(timeCount)
        series.frequencyHz.reserveCapacity(timeCount)
        series.reconstruction.reserveCapacity(timeCount)
        let n = f.count
        // The kernel's constants, once: C (and D for the log-normal) take an integral each.
        let constants: (c: Double, d: Double?)
        switch kernel {
        case .window(let window): constants = (Double.pi / ((2 * Double.pi).squareRoot() * window.f0), nil)
        case .wavelet(let wavelet): constants = (wavelet.reconstructionConstant, wavelet.frequencyConstant)
        }
        for t in 0..<timeCount {
            let support = curve.supportLower[t]...curve.supportUpper[t]
            var sum = Complex<Double>.zero, weighted = Complex<Double>.zero
            switch kernel {
            case .window:
                // rectfr, linear grid: casig = (1/C) sum W 2 pi df; f = -omg + (1/C) sum nu W 2 pi df / casig
                // (omg = 0), C = pi g(0) = sqrt(pi / 2) / f0.
                let scale = 2 * Double.pi * (f[n - 1] - f[0]) / Double(n - 1) / constants.c
                for j in support {
                    sum += rows[j][t]
                    weighted += rows[j][t].multiplied(by: f[j])
                }
                sum = sum.multiplied(by: scale)
                weighted = weighted.multiplied(by: scale)
            case .wavelet:
                // rectfr, log grid: casig = (1/C) sum W dlog f; f = (1/D) sum nu W dlog f / casig, or with D
                // infinite (Morlet) (1/C) sum v W dlog f / casig, v = W's phase velocity in Hz.
                let scale = (log(f[n - 1]) - log(f[0])) / Double(n - 1)
                let c = constants.c
                for j in support {
                    sum += rows[j][t]
                    if let d = constants.d {
                        weighted += rows[j][t].multiplied(by: f[j] * c / d)
                    } else {
                        weighted += rows[j][t].multiplied(by: Self.phaseVelocityHz(rows[j], at: t, rateHz: fs))
                    }
                }
                sum = sum.multiplied(by: scale / c)
                weighted = weighted.multiplied(by: scale / c)
            }
            series.amplitude.append(sum.length)
            let angle = sum.phase
            series.phase.append(angle < 0 ? angle + 2 * Double.pi : angle)
            series.frequencyHz.append((weighted / sum).real)
            series.reconstruction.append(sum.real)
        }
        return series
    }

    /// rectfr's phase velocity of a row at time t, in Hz: the central difference of arg W (forward
    /// at the first sample, backward at the last), each difference taken in [0, 2 pi).
    static func phaseVelocityHz(_ row: [Complex<Double>], at t: Int, rateHz fs: Double) -> Double {
        func turn(_ later: Complex<Double>, _ earlier: Complex<Double>) -> Double {
            let d = later.phase - earlier.phase
            return d < 0 ? d + 2 * Double.pi : d
        }
        let last = row.count - 1
        let radians: Double
        if t > 0 && t < last {
            radians = turn(row[t + 1], row[t - 1]) * fs / 2
        } else if t == 0 {
            radians = turn(row[1], row[0]) * fs
        } else {
            radians = turn(row[t], row[t - 1]) * fs
        }
        return radians / (2 * Double.pi)
    }
}
