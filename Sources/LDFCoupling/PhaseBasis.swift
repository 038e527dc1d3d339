import Foundation

/// The Fourier base functions of MODA's phase model (`bayesPhs`'s calculateP / calculateV) for
/// order `order` (MODA's `bn`): for each oscillator i,
/// dphi_i/dt = c_i,0 + sum_k c_i,k p_k(phi1, phi2) + noise, with p = 1, then sin/cos(m phi1),
/// sin/cos(m phi2) for m = 1 ... order, then sin/cos(m phi1 + l phi2) and sin/cos(m phi1 - l phi2)
/// for m, l = 1 ... order: K = 1 + 4 order + 4 order^2 functions (25 for order 2).
///
/// Four trigonometric calls per sample: the multiples and the sums and differences come from
/// sin phi and cos phi by the angle-addition formulas (equal to direct evaluation to rounding).
struct PhaseBasis {
    let order: Int
    var count: Int { 1 + 4 * order + 4 * order * order }

    /// The base functions at (phi1, phi2), written into `p` (count values); `scratch` holds
    /// 4 x order values.
    func values(_ phi1: Double, _ phi2: Double, into p: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>) {
        let s1 = scratch, c1 = scratch + order, s2 = scratch + 2 * order, c2 = scratch + 3 * order
        let (sin1, cos1, sin2, cos2) = (sin(phi1), cos(phi1), sin(phi2), cos(phi2))
        s1[0] = sin1; c1[0] = cos1; s2[0] = sin2; c2[0] = cos2
        for m in 1..<max(1, order) {
            s1[m] = s1[m - 1] * cos1 + c1[m - 1] * sin1; c1[m] = c1[m - 1] * cos1 - s1[m - 1] * sin1
            s2[m] = s2[m - 1] * cos2 + c2[m - 1] * sin2; c2[m] = c2[m - 1] * cos2 - s2[m - 1] * sin2
        }
        p[0] = 1
        var b = 1
        for m in 0..<order { p[b] = s1[m]; p[b + 1] = c1[m]; b += 2 }
        for m in 0..<order { p[b] = s2[m]; p[b + 1] = c2[m]; b += 2 }
        for m in 0..<order {
            for l in 0..<order {
                p[b] = s1[m] * c2[l] + c1[m] * s2[l]
                p[b + 1] = c1[m] * c2[l] - s1[m] * s2[l]
                p[b + 2] = s1[m] * c2[l] - c1[m] * s2[l]
                p[b + 3] = c1[m] * c2[l] + s1[m] * s2[l]
                b += 4
            }
        }
    }

    /// The sums over a window of the base functions' derivatives with respect to phi1 and phi2
    /// (MODA's calculateV summed over samples), from the sums of the base functions themselves:
    /// d sin(x) = cos(x) dx and d cos(x) = -sin(x) dx, with dx/dphi1 = m and dx/dphi2 = +-l.
    func derivativeSums(_ sums: [Double]) -> (phi1: [Double], phi2: [Double]) {
        var v1 = [Double](repeating: 0, count: count), v2 = v1
        var b = 1
        for m in 1...order {
            v1[b] = Double(m) * sums[b + 1]; v1[b + 1] = -Double(m) * sums[b]; b += 2
        }
        for l in 1...order {
            v2[b] = Double(l) * sums[b + 1]; v2[b + 1] = -Double(l) * sums[b]; b += 2
        }
        for m in 1...order {
            for l in 1...order {
                let (dm, dl) = (Double(m), Double(l))
                v1[b] = dm * sums[b + 1]; v1[b + 1] = -dm * sums[b]; v1[b + 2] = dm * sums[b + 3]; v1[b + 3] = -dm * sums[b + 2]
                v2[b] = dl * sums[b + 1]; v2[b + 1] = -dl * sums[b]; v2[b + 2] = -dl * sums[b + 3]; v2[b + 3] = dl * sums[b + 2]
                b += 4
            }
        }
        return (v1, v2)
    }
}
