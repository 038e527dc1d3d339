import LDFCore

/// The toolkit's seeded generator lives in LDFCore (so LDFSpectral's surrogates can use it); this
/// alias keeps `SeededRandom` visible to code that imports only LDFSimulation.
public typealias SeededRandom = LDFCore.SeededRandom
