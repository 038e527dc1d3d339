import Foundation

/// The Fourier base functions of MODA's phase model (`bayesPhs`'s calculateP / calculateV) for
/// order `order` (MODA's `bn`): for each oscillator i,
/// dphi_i/dt = c_i,0 + sum_k c_i,k p_k(phi1, phi2) + noise, with p = 1, then sin/cos(m phi1),
/// sin/cos(m phi2) for m = 1 ... order, then sin/cos(m phi1 + l phi2) and sin/cos(m phi1 - l phi2)
/// for m, l = 1 ... order: K = 1 + 4 order + 4 order^2 functions (25 for order 2).
struct PhaseBasis {
    let order: Int
    var count: Int { 1 + 4 * order + 4 * order * order }

    /// The base functions at (phi1, phi2), written into `p` (count values).
    func values(_ phi1: Double, _ phi2: Double, into p: UnsafeMutablePointer<Double>) {
        p[0] = 1
        var b = 1
        for m in 1...order {
            p[b] = sin(Double(m) * phi1); p[b + 1] = cos(Double(m) * phi1); b += 2
        }
        for m in 1...order {
            p[b] = sin(Double(m) * phi2); p[b + 1] = cos(Double(m) * phi2); b += 2
        }
        for m in 1...order {
            for l in 1...order {
                let plus = Double(m) * phi1 + Double(l) * phi2, minus = Double(m) * phi1 - Double(l) * phi2
                p[b] = sin(plus); p[b + 1] = cos(plus); p[b + 2] = sin(minus); p[b + 3] = cos(minus); b += 4
            }
        }
    }

    /// The derivatives of the base functions with respect to phi1 (`respect` 1) or phi2 (2),
    /// added into `v` (MODA's calculateV, summed over the window).
    func addDerivatives(_ phi1: Double, _ phi2: Double, respect: Int, into v: UnsafeMutablePointer<Double>) {
        var b = 1
        for m in 1...order {
            if respect == 1 {
                v[b] += Double(m) * cos(Double(m) * phi1); v[b + 1] -= Double(m) * sin(Double(m) * phi1)
            }
            b += 2
        }
        for m in 1...order {
            if respect == 2 {
                v[b] += Double(m) * cos(Double(m) * phi2); v[b + 1] -= Double(m) * sin(Double(m) * phi2)
            }
            b += 2
        }
        for m in 1...order {
            for l in 1...order {
                let plus = Double(m) * phi1 + Double(l) * phi2, minus = Double(m) * phi1 - Double(l) * phi2
                if respect == 1 {
                    v[b] += Double(m) * cos(plus); v[b + 1] -= Double(m) * sin(plus)
                    v[b + 2] += Double(m) * cos(minus); v[b + 3] -= Double(m) * sin(minus)
                } else {
                    v[b] += Double(l) * cos(plus); v[b + 1] -= Double(l) * sin(plus)
                    v[b + 2] -= Double(l) * cos(minus); v[b + 3] += Double(l) * sin(minus)
                }
                b += 4
            }
        }
    }
}
