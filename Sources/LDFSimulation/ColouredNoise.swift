/// Seeded noise generators for simulations.
public enum ColouredNoise {
    /// White Gaussian noise with standard deviation `sd`.
    public static func white(count: Int, sd: Double, random: inout SeededRandom) -> [Double] {
        (0..<count).map { _ in sd * random.gaussian() }
    }

    /// Approximately 1/f ("pink") noise from Paul Kellet's economy filter of white noise, scaled to
    /// standard deviation `sd`. The 1/f slope holds from about rate/1000 to rate/2; below that
    /// the spectrum flattens, which is adequate for texture in flowmotion simulations (the truth
    /// files list oscillations only; noise has no band truth).
    public static func pink(count: Int, sd: Double, random: inout SeededRandom) -> [Double] {
        guard count > 0, sd > 0 else { return [Double](repeating: 0, count: max(count, 0)) }
        var b0 = 0.0, b1 = 0.0, b2 = 0.0
        var out = [Double](repeating: 0, count: count)
        for i in 0..<count {
            let w = random.gaussian()
            b0 = 0.99765 * b0 + w * 0.0990460
            b1 = 0.96300 * b1 + w * 0.2965164
            b2 = 0.57000 * b2 + w * 1.0526913
            out[i] = b0 + b1 + b2 + w * 0.1848
        }
        let mean = out.reduce(0, +) / Double(count)
        let variance = out.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count)
        let scale = variance > 0 ? sd / variance.squareRoot() : 0
        for i in 0..<count { out[i] = (out[i] - mean) * scale }
        return out
    }
}
