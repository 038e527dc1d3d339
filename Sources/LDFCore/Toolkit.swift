/// Identity of the toolkit, recorded in every output so results can be reproduced.
public enum Toolkit {
    /// Name written into outputs.
    public static let name = "ldf-toolkit"
    /// Semantic version of the toolkit; bump with every release.
    public static let version = "0.1.0"
}
